"""Read a file into grids: one DataFrame of raw cell values per worksheet (CSV: one).

A grid's row 0 is the spreadsheet's row 1 and its column 0 is column A, so every cell
keeps the address a person sees. Values stay as the file holds them (text from CSV;
numbers, dates and text from workbooks); parsing happens per column later.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

ENCODINGS = ("utf-8-sig", "gb18030")
DELIMITERS = (",", "\t", ";", "|")
HEAD_ROWS = 15


class UnreadableFile(Exception):
    """The file cannot be read at all; the message says why (it becomes a finding)."""


@dataclass
class Grid:
    file: str
    sheet: str | None
    cells: pd.DataFrame
    notes: list[str] = field(default_factory=list)


def read_grids(path: Path) -> list[Grid]:
    if path.suffix.lower() == ".csv":
        return [read_csv_grid(path)]
    return read_workbook_grids(path)


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030, which is what Excel on Chinese Windows writes."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("not UTF-8 or GB18030 text")  # pragma: no cover - gb18030 decodes all


def sniff_delimiter(head: list[str]) -> str:
    """The delimiter that splits the first lines into the most fields."""
    lines = [line for line in head if line.strip()]
    if not lines:
        return ","
    best = max(
        DELIMITERS,
        key=lambda d: (max(len(next(csv.reader([ln], delimiter=d))) for ln in lines), d == ","),
    )
    return best


def read_csv_grid(path: Path) -> Grid:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFile(exc.strerror or str(exc)) from exc
    if b"\x00" in data[:4096]:
        raise UnreadableFile("binary data, not a CSV text file")
    text = decode(data)
    delimiter = sniff_delimiter(text.splitlines()[:HEAD_ROWS])
    head = list(csv.reader(io.StringIO(text[:65536], newline=""), delimiter=delimiter))
    width = max((len(r) for r in head[: HEAD_ROWS * 4]), default=0)
    if width == 0:
        return Grid(str(path), None, pd.DataFrame())
    try:
        cells = pd.read_csv(
            io.StringIO(text),
            sep=delimiter,
            header=None,
            names=range(width),
            dtype=str,
            keep_default_na=False,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
        )
    except pd.errors.ParserError:
        # Ragged rows longer than the head: the slower reader takes any width.
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
        width = max(len(r) for r in rows)
        cells = pd.DataFrame(rows, columns=range(width), dtype=object)
    return Grid(str(path), None, cells.fillna(""))


def read_workbook_grids(path: Path) -> list[Grid]:
    import python_calamine as calamine

    try:
        book = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError as exc:
        raise UnreadableFile("password-protected workbook") from exc
    except Exception as exc:  # calamine raises several types for broken files
        raise UnreadableFile(_reason(exc)) from exc
    grids: list[Grid] = []
    try:
        for meta in book.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            try:
                sheet = book.get_sheet_by_name(meta.name)
                rows = sheet.to_python(skip_empty_area=False)
                merged = sheet.merged_cell_ranges or []
            except Exception as exc:
                raise UnreadableFile(f"{meta.name}: {_reason(exc)}") from exc
            _fill_merged(rows, merged)
            cells = pd.DataFrame(rows, dtype=object) if rows else pd.DataFrame()
            grids.append(Grid(str(path), meta.name, cells))
    finally:
        book.close()
    return grids


def _fill_merged(
    rows: list[list[Any]], merged: list[tuple[tuple[int, int], tuple[int, int]]]
) -> None:
    """Every cell of a merged range takes the range's value (one 引进单位 over five rows)."""
    for (top, left), (bottom, right) in merged:
        if top >= len(rows) or left >= len(rows[top]):
            continue
        value = rows[top][left]
        for row in rows[top : bottom + 1]:
            for column in range(left, min(right + 1, len(row))):
                row[column] = value


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
