"""Look inside a workbook before a parser does: refuse bombs and XML entity tricks, name
encrypted files, and find formulas that carry no cached value.

An .xlsx is a zip of XML parts. Every part is inflated here as a stream with a running
total, so a "zip bomb" (a small file whose sheet inflates to gigabytes, or whose headers
lie about sizes) is refused when the total passes the limit, before any parser holds it
in memory. Parts are scanned for DTDs (`<!DOCTYPE`, `<!ENTITY`), which no genuine Excel
file has and which "billion laughs" and external-entity attacks need.
"""

from __future__ import annotations

import os
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

DEFAULT_MAX_UNCOMPRESSED_MB = 1024
ENV_MAX_UNCOMPRESSED = "ZYTALENT_MAX_UNCOMPRESSED_MB"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
CHUNK = 1 << 20
DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
FORMULA_WITHOUT_VALUE = re.compile(
    rb'<c r="([A-Z]{1,3}[0-9]{1,7})"[^>]*>\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)


class UnreadableFile(Exception):
    """The file cannot be read at all; `code` and `ctx` become a finding."""

    def __init__(self, reason: str, code: str = "file_unreadable", **ctx: object) -> None:
        super().__init__(reason)
        self.code = code
        self.ctx: dict[str, Any] = {"reason": reason, **ctx}


@dataclass(frozen=True)
class Limits:
    max_uncompressed_mb: int = DEFAULT_MAX_UNCOMPRESSED_MB

    @classmethod
    def from_env(cls, max_uncompressed_mb: int | None = None) -> Limits:
        if max_uncompressed_mb is None:
            text = os.environ.get(ENV_MAX_UNCOMPRESSED, "")
            max_uncompressed_mb = (
                int(text) if text.strip().isdigit() else DEFAULT_MAX_UNCOMPRESSED_MB
            )
        return cls(max_uncompressed_mb)


@dataclass
class Inspection:
    formulas_without_value: dict[str, list[str]] = field(default_factory=dict)  # sheet -> cells


def inspect_workbook(path: Path, limits: Limits) -> Inspection:
    """Raise UnreadableFile for files that must not be parsed; report formula cells."""
    try:
        with path.open("rb") as handle:
            start = handle.read(8)
    except OSError as exc:
        raise UnreadableFile(exc.strerror or str(exc)) from exc
    if not start:
        raise UnreadableFile("empty file (0 bytes)")
    if start == OLE_SIGNATURE:
        if _is_encrypted_ooxml(path):
            raise UnreadableFile("password-protected workbook", "file_encrypted")
        return Inspection()  # a legacy .xls: calamine reads BIFF itself
    if not start.startswith(ZIP_SIGNATURE):
        raise UnreadableFile("not an Excel workbook (wrong content for its name)")
    try:
        with zipfile.ZipFile(path) as archive:
            return _inspect_parts(archive, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise UnreadableFile(f"damaged or truncated workbook ({exc})") from exc


def _is_encrypted_ooxml(path: Path) -> bool:
    """Encrypted .xlsx files are OLE containers holding an `EncryptionInfo` stream."""
    with path.open("rb") as handle:
        head = handle.read(1 << 16)
    return (
        "EncryptionInfo".encode("utf-16-le") in head
        or "EncryptedPackage".encode("utf-16-le") in head
    )


def _inspect_parts(archive: zipfile.ZipFile, limits: Limits) -> Inspection:
    budget = limits.max_uncompressed_mb * (1 << 20)
    sheet_names = _sheet_part_names(archive)
    inspection = Inspection()
    total = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        xml = info.filename.endswith((".xml", ".rels", ".vml"))
        cells: list[str] = []
        tail = b""
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                total += len(chunk)
                if total > budget:
                    raise UnreadableFile(
                        "inflates past the size limit",
                        "file_too_large",
                        limit=limits.max_uncompressed_mb,
                        env=ENV_MAX_UNCOMPRESSED,
                    )
                if not xml:
                    continue
                window = tail + chunk
                if DTD.search(window):
                    raise UnreadableFile(
                        "XML with a DTD or entities", "file_unsafe_xml", part=info.filename
                    )
                if info.filename in sheet_names and b"<f" in window:
                    cells.extend(m.decode() for m in FORMULA_WITHOUT_VALUE.findall(window))
                tail = window[-4096:]
        if cells:
            # the overlap may have matched a cell twice; keep each once, in order
            inspection.formulas_without_value[sheet_names[info.filename]] = list(
                dict.fromkeys(cells)
            )
    return inspection


def _sheet_part_names(archive: zipfile.ZipFile) -> dict[str, str]:
    """Worksheet part path -> sheet name, from workbook.xml and its relationships."""
    from defusedxml import ElementTree

    try:
        workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # a damaged workbook: calamine will say so
        return {}
    targets = {r.get("Id"): r.get("Target", "") for r in rels}
    names: dict[str, str] = {}
    for sheet in workbook.iter():
        if not sheet.tag.endswith("}sheet"):
            continue
        rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
        target = targets.get(rid, "")
        if target:
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            names[part] = sheet.get("name", "")
    return names
