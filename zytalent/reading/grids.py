"""Read a file into grids: one DataFrame of raw cell values per worksheet (CSV: one).

A grid's row 0 is the spreadsheet's row 1 and its column 0 is column A, so every cell
keeps the address a person sees. Values stay as the file holds them (text from CSV;
numbers, dates and text from workbooks); parsing happens per column later.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from zytalent.diagnostics.codes import CSV_RAGGED_ROWS, FILE_ENCRYPTED, FORMULA_WITHOUT_VALUE
from zytalent.reading.grid import Grid, Note, library_reason
from zytalent.reading.safety import (
    MAX_CSV_FIELDS,
    OLE_SIGNATURE,
    ZIP_SIGNATURE,
    Limits,
    UnreadableFile,
    check_csv_lines,
    inspect_workbook,
    repaired_copy,
)

__all__ = ["Grid", "Note", "library_reason", "read_grids"]  # Grid and Note: reading/grid.py

# One list of the formats read, for discovering files in folders and for reading them,
# so that the two cannot disagree. Workbooks go to calamine: Excel 97-2003 (BIFF5/8),
# 2007+ (xlsx, xlsm, xlsb), OpenDocument (.ods, what WPS and LibreOffice save) and WPS's
# own .et where it holds BIFF inside.
# Word tables (.docx) are read like sheets. Formats that hold tables zytalent cannot read
# (.doc, .wps, .pdf) are never passed over quietly: each is a warning asking for .xlsx or
# .docx, since the records in it would otherwise vanish from the figures.
CSV_SUFFIXES = frozenset({".csv"})
WORKBOOK_SUFFIXES = frozenset({".xlsx", ".xlsm", ".xls", ".xlsb", ".ods", ".et"})
DOCUMENT_SUFFIXES = frozenset({".docx"})
SPREADSHEET_SUFFIXES = CSV_SUFFIXES | WORKBOOK_SUFFIXES | DOCUMENT_SUFFIXES
SAVE_AS_SUFFIXES = frozenset({".doc", ".wps", ".pdf"})
# a web system's "Excel" export that is really text: HTML, or tab-separated lines
TEXT_AS_WORKBOOK_SUFFIXES = frozenset({".xls", ".et"})
ENCODINGS = ("utf-8-sig", "gb18030")
DELIMITERS = (",", "\t", ";", "|", "，")  # the last: a Chinese comma typed by hand
HEAD_ROWS = 15
HEAD_BYTES = 65536


def read_grids(path: Path, limits: Limits | None = None) -> list[Grid]:
    from zytalent.reading import documents
    from zytalent.reading.isolated import run_isolated, should_isolate

    limits = limits or Limits.from_env()
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return [read_csv_grid(path)]
    if suffix in DOCUMENT_SUFFIXES:
        return documents.read_docx_grids(path, limits)
    if suffix in TEXT_AS_WORKBOOK_SUFFIXES:
        start = _start(path)
        if documents.looks_like_html(start):
            return documents.read_html_grids(path, limits)
        if _is_text(start):
            return [read_csv_grid(path)]
    if should_isolate(path, limits):
        grids: list[Grid] = run_isolated(read_in_worker, path, limits)
        for grid in grids:
            grid.file = str(path)  # as the caller named it, not the worker's absolute path
        return grids
    return read_workbook_grids(path, limits)


def read_in_worker(path: Path, limits: Limits, extra: object = None) -> list[Grid]:
    """`read_grids` as the isolated worker's task (reading/isolated.py): a module-level
    function, which the worker imports by name when it is sent."""
    return read_grids(path, limits)


def _start(path: Path) -> bytes:
    try:
        with path.open("rb") as handle:
            return handle.read(HEAD_BYTES)
    except OSError as exc:
        raise UnreadableFile("os", detail=exc.strerror or str(exc)) from exc


def _is_text(start: bytes) -> bool:
    """Delimited text under a workbook's name: no binary bytes, and a tab or a comma in
    its first line (the CSV reader then finds the delimiter and the encoding)."""
    if not start or b"\x00" in start or start.startswith((OLE_SIGNATURE, ZIP_SIGNATURE)):
        return False
    first = start.split(b"\n", 1)[0]
    return b"\t" in first or b"," in first


def decode(data: bytes) -> tuple[str, str]:
    """The text and its encoding: UTF-8 (with or without BOM), else GB18030, which is what
    Excel on Chinese Windows writes."""
    for encoding in ENCODINGS:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise UnreadableFile("encoding")


def sniff_delimiter(lines: list[str]) -> str:
    """The delimiter that splits the first lines into the most fields."""
    lines = [line for line in lines if line.strip()]
    if not lines:
        return ","

    def widest(delimiter: str) -> tuple[int, bool]:
        fields = max(len(next(csv.reader([ln], delimiter=delimiter))) for ln in lines)
        return fields, delimiter == ","

    return max(DELIMITERS, key=widest)


@dataclass
class CsvHead:
    """The first bytes of a CSV, as text, with the delimiter they show."""

    text: str
    encoding: str
    delimiter: str
    whole: bool  # the head is the whole file


def csv_head(path: Path) -> CsvHead:
    try:
        with path.open("rb") as handle:
            head_bytes = handle.read(HEAD_BYTES)
    except OSError as exc:
        raise UnreadableFile("os", detail=exc.strerror or str(exc)) from exc
    if not head_bytes:
        raise UnreadableFile("empty")
    if b"\x00" in head_bytes[:4096]:
        raise UnreadableFile("binary_csv")
    whole = len(head_bytes) < HEAD_BYTES
    if not whole or len(head_bytes) > MAX_CSV_FIELDS:
        check_csv_lines(path)
    head_text, encoding = _decode_head(head_bytes, whole)
    delimiter = sniff_delimiter(head_text.splitlines()[:HEAD_ROWS])
    return CsvHead(head_text, encoding, delimiter, whole)


def read_csv_grid(path: Path) -> Grid:
    head = csv_head(path)
    cells = _read_csv_arrow(path, head.text, head.encoding, head.delimiter, head.whole)
    notes: list[Note] = []
    if cells is None:
        cells, ragged = _read_csv_exact(path, head.delimiter)
        if ragged:
            notes.append(Note(CSV_RAGGED_ROWS, rows=ragged))
    return Grid(str(path), None, cells, notes)


def _decode_head(data: bytes, whole: bool) -> tuple[str, str]:
    """The first bytes as text; a character cut at the end of a partial head is dropped."""
    for cut in range(1 if whole else 4):
        try:
            return data[: len(data) - cut].decode("utf-8-sig"), "utf8"
        except UnicodeDecodeError:
            continue
    return data.decode("gb18030", errors="ignore"), "gb18030"


@dataclass
class ArrowCsv:
    """How pyarrow reads a CSV: the rectangular part from `start` on, with the title rows
    above it parsed here (`top`, padded to the width)."""

    names: list[str]
    start: int
    delimiter: str
    encodings: tuple[str, ...]
    top: list[list[str]]

    def options(self, encoding: str, on_invalid: Any, block_size: int | None = None) -> Any:
        import pyarrow as pa
        import pyarrow.csv as pacsv

        read = pacsv.ReadOptions(column_names=self.names, skip_rows=self.start, encoding=encoding)
        if block_size is not None:
            read.block_size = block_size
        parse = pacsv.ParseOptions(
            delimiter=self.delimiter,
            newlines_in_values=True,
            ignore_empty_lines=False,
            invalid_row_handler=on_invalid,
        )
        convert = pacsv.ConvertOptions(
            column_types=dict.fromkeys(self.names, pa.string()),
            strings_can_be_null=False,
            quoted_strings_can_be_null=False,
        )
        return {"read_options": read, "parse_options": parse, "convert_options": convert}

    def with_top(self, table: Any) -> Any:
        """The title rows above the table pyarrow read."""
        import pyarrow as pa

        if not self.top:
            return table
        above = pa.table(
            {n: pa.array([r[i] for r in self.top], pa.string()) for i, n in enumerate(self.names)}
        )
        return pa.concat_tables([above, table])


def arrow_csv(head_text: str, head_encoding: str, delimiter: str, whole: bool) -> ArrowCsv | None:
    """The plan for pyarrow, or None when the file is ragged or otherwise unusual, so the
    exact path takes it."""
    if not delimiter.isascii():
        return None  # pyarrow splits on one byte; a Chinese comma is three
    head_lines = head_text.splitlines(keepends=True)
    if not whole:
        head_lines = head_lines[:-1]  # the last line may be cut in the middle
    records = list(csv.reader(head_lines[: HEAD_ROWS * 4], delimiter=delimiter))
    if not records or any("\n" in cell or "\r" in cell for r in records for cell in r):
        return None
    width = max(len(r) for r in records)
    if width == 0:
        return None  # only line breaks (b"\r"): pyarrow would invent a column
    start = next(
        (i for i, r in enumerate(records) if all(len(x) == width for x in records[i:])), None
    )
    if start is None:
        return None  # ragged within the head: the exact reader takes it
    encodings = ("utf8", "gb18030") if head_encoding == "utf8" else ("gb18030",)
    top = [r + [""] * (width - len(r)) for r in records[:start]]
    return ArrowCsv([str(i) for i in range(width)], start, delimiter, encodings, top)


def arrow_cells(table: Any) -> pd.DataFrame:
    """Arrow strings as a grid (zero-copy into pandas), columns numbered from 0."""
    cells = table.to_pandas(types_mapper=pd.ArrowDtype)
    cells.columns = range(table.num_columns)
    return cells


def _read_csv_arrow(
    path: Path, head_text: str, head_encoding: str, delimiter: str, whole: bool
) -> pd.DataFrame | None:
    """The fast path: pyarrow parses the rectangular part of the file into Arrow strings
    (zero-copy into pandas); the title rows above it are parsed here. None when the file
    is ragged or otherwise unusual, so the exact path takes it."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    plan = arrow_csv(head_text, head_encoding, delimiter, whole)
    if plan is None:
        return None
    invalid: list[object] = []

    def on_invalid(row: object) -> str:
        invalid.append(row)
        return "skip"

    for encoding in plan.encodings:
        try:
            table = pacsv.read_csv(path, **plan.options(encoding, on_invalid))
            break
        except pa.ArrowInvalid as exc:
            if "UTF8" not in str(exc) or encoding != "utf8":
                return None
            invalid.clear()
        except (UnicodeDecodeError, ValueError):
            return None  # not GB18030 either: the exact reader says so
    if invalid:
        return None
    return arrow_cells(plan.with_top(table))


def _read_csv_exact(path: Path, delimiter: str) -> tuple[pd.DataFrame, list[int]]:
    """The exact path for ragged rows and other oddities: Python's csv module, any width.
    Also returns the rows whose non-empty cells go past the widest common row width."""
    try:
        text, _ = decode(path.read_bytes())
    except OSError as exc:
        raise UnreadableFile("os", detail=exc.strerror or str(exc)) from exc
    try:
        rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise UnreadableFile("csv_broken", detail=str(exc)) from exc
    width = max((len(r) for r in rows), default=0)
    if width == 0:
        return pd.DataFrame(), []
    widths = [len(r) for r in rows if any(c.strip() for c in r)] or [width]
    common = max(set(widths), key=widths.count)  # the width most rows have
    ragged = [
        n for n, r in enumerate(rows, 1) if len(r) > common and any(c.strip() for c in r[common:])
    ]
    padded = [r + [""] * (width - len(r)) for r in rows]
    return pd.DataFrame(padded, columns=range(width), dtype=object), ragged


def read_workbook_grids(path: Path, limits: Limits) -> list[Grid]:
    import python_calamine as calamine

    inspection = inspect_workbook(path, limits)
    if inspection.workbook_xml is not None and not inspection.sheets_left:
        raise UnreadableFile("no_sheets", sheets="、".join(inspection.missing_sheets) or "—")
    try:
        if inspection.workbook_xml is not None:
            book = calamine.CalamineWorkbook.from_filelike(
                repaired_copy(path, inspection.workbook_xml)
            )
        else:
            book = calamine.CalamineWorkbook.from_path(str(path))
    except calamine.PasswordError as exc:
        raise UnreadableFile("encrypted", FILE_ENCRYPTED) from exc
    except Exception as exc:  # calamine raises several types for broken files
        reason = "et" if path.suffix.lower() == ".et" else "damaged"
        raise UnreadableFile(reason, detail=library_reason(exc)) from exc
    grids = [
        Grid(str(path), name, pd.DataFrame(), skipped_as="macro")
        for name in inspection.macro_sheets
    ]
    try:
        for meta in book.sheets_metadata:
            if meta.typ != calamine.SheetTypeEnum.WorkSheet:
                continue
            try:
                sheet = book.get_sheet_by_name(meta.name)
                rows = sheet.to_python(skip_empty_area=False)
                merged = sheet.merged_cell_ranges or []
            except Exception as exc:
                raise UnreadableFile(
                    "sheet_damaged", detail=library_reason(exc), sheet=meta.name
                ) from exc
            _fill_merged(rows, merged)
            cells = pd.DataFrame(rows, dtype=object) if rows else pd.DataFrame()
            grid = Grid(str(path), meta.name, cells)
            grid.hidden = meta.visible != calamine.SheetVisibleEnum.Visible
            grid.hidden_rows = inspection.hidden_rows.get(meta.name, [])
            formulas = inspection.formulas_without_value.get(meta.name)
            if formulas:
                grid.notes.append(Note(FORMULA_WITHOUT_VALUE, cells=formulas))
            grids.append(grid)
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
