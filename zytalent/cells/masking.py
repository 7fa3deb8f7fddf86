"""Personal data (ID and phone numbers) is masked in everything zytalent prints or writes."""

from __future__ import annotations

from zytalent.cells.identifiers import mask_id, mask_phone


def mask_value(text: str, kind: str) -> str:
    if kind == "id_number":
        return mask_id(text.strip())
    if kind == "phone":
        return mask_phone(text.strip())
    return text
