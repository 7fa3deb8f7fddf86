"""A department's own sheet as an HTML table, with the cells findings name marked: the
same grid the reader read, its personal numbers masked, at most PREVIEW_ROWS rows."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PREVIEW_ROWS = 200
PREVIEW_COLUMNS = 40
ID_LIKE = re.compile(r"\d{6}(?:\d{8}|\d{6})\d{3}[\dXx]?")
PHONE_LIKE = re.compile(r"1\d{10}")


@dataclass
class Sheet:
    name: str
    rows: list[list[tuple[str, str, str]]]  # per cell: text, class, title
    more_rows: int = 0
    letters: list[str] = field(default_factory=list)


def preview(path: Path, report: dict[str, Any]) -> list[Sheet]:
    """The sheets that findings point at (else the first), cells marked by severity."""
    from dataclasses import replace

    from zytalent.reading.grids import read_grids
    from zytalent.reading.safety import Limits, UnreadableFile

    marks: dict[tuple[str | None, str], tuple[str, str]] = {}
    for finding in report.get("findings", []):
        cell = finding.get("cell")
        if not cell or finding["severity"] not in ("error", "warning"):
            continue
        letters = cell.rstrip("0123456789")
        first = int(cell[len(letters) :])
        last = finding.get("rows", [first, first])[1] or first
        for row in range(first, min(last, first + PREVIEW_ROWS) + 1):
            key = (finding.get("sheet"), f"{letters}{row}")
            if key not in marks or finding["severity"] == "error":
                marks[key] = (finding["severity"], finding["message"])
    try:
        grids = read_grids(path, replace(Limits.from_env(), isolate="all"))
    except (UnreadableFile, OSError):
        return []
    named = {sheet for sheet, _ in marks}
    sheets = []
    for grid in grids:
        if grid.hidden or grid.cells.empty or (named and grid.sheet not in named):
            continue
        cells = grid.cells.iloc[:PREVIEW_ROWS, :PREVIEW_COLUMNS]
        letters = [column_letters(c + 1) for c in range(cells.shape[1])]
        rows = []
        for number, values in enumerate(cells.itertuples(index=False, name=None), 1):
            line = []
            for letter, value in zip(letters, values, strict=False):
                severity, message = marks.get((grid.sheet, f"{letter}{number}"), ("", ""))
                line.append((_shown(value), severity, message))
            rows.append(line)
        sheets.append(
            Sheet(grid.sheet or path.stem, rows, max(0, len(grid.cells) - PREVIEW_ROWS), letters)
        )
        if len(sheets) >= 3:
            break
    return sheets


def _shown(value: object) -> str:
    from zytalent.cells.identifiers import mask_id, mask_phone

    if value is None or value != value:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a sequence number stored as 1.0 reads as 1
    text = str(value)
    text = ID_LIKE.sub(lambda m: mask_id(m.group()), text)
    return PHONE_LIKE.sub(lambda m: mask_phone(m.group()), text)


def column_letters(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
