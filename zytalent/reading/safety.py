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

from zytalent.diagnostics.codes import (
    FILE_ENCRYPTED,
    FILE_FORMAT_OLD,
    FILE_TOO_LARGE,
    FILE_UNREADABLE,
    FILE_UNSAFE_XML,
    Code,
)

DEFAULT_MAX_UNCOMPRESSED_MB = 1024
ENV_MAX_UNCOMPRESSED = "ZYTALENT_MAX_UNCOMPRESSED_MB"
# A sheet's readers allocate its whole rectangle, from the first used row to the last and
# from column A to the last used column: one stray cell at XFD1048576 beside A1 asks
# python-calamine for 549 GB and aborts the process. A sheet whose rectangle is larger than
# this many cells is refused before any reader sees it (ZYTALENT_MAX_CELLS raises it).
DEFAULT_MAX_CELLS = 50_000_000
ENV_MAX_CELLS = "ZYTALENT_MAX_CELLS"
# A read in the worker process may take this long and this much memory beyond the
# reader's own start-up (ZYTALENT_ISOLATE=all|risky|none, ZYTALENT_READ_SECONDS,
# ZYTALENT_READ_MEMORY_MB).
DEFAULT_READ_SECONDS = 300.0
DEFAULT_READ_MEMORY_MB = 4096
# A CSV larger than this is read and checked in chunks of rows, so that memory follows
# the chunk and not the file; ZYTALENT_CHUNK_ROWS=N reads every CSV in chunks of N rows.
DEFAULT_CHUNK_ROWS = 500_000
DEFAULT_CHUNK_BYTES = 256 << 20
ENV_CHUNK_ROWS = "ZYTALENT_CHUNK_ROWS"
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
ZIP_SIGNATURE = b"PK\x03\x04"
CHUNK = 1 << 20
DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
ROW_TAG = re.compile(rb"<row\b[^>]*>")
ROW_NUMBER = re.compile(rb'\br="([0-9]{1,7})"')
ROW_HIDDEN = re.compile(rb'\bhidden="(?:1|true)"')
ROW_REF = re.compile(rb'<row\b[^>]*?\br="([0-9]{1,7})"')
# Only cells in two- or three-letter columns can make a sheet wide enough to matter
# (26 columns × 1,048,576 rows is under the limit), so only those are looked at.
WIDE_CELL = re.compile(rb'<c\b[^>]*?\br="([A-Z]{2,3})([0-9]{1,7})"')
FORMULA_WITHOUT_VALUE = re.compile(
    rb'<c r="([A-Z]{1,3}[0-9]{1,7})"[^>]*>\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)


# A CSV line is bounded before a parser splits it: one line of 50 million fields once took
# 3.6 GB and a MemoryError. No sheet is wider than Excel's 16,384 columns, and no genuine
# ledger line is megabytes long (a full Excel cell is 32,767 characters).
MAX_CSV_LINE_BYTES = 4 << 20
MAX_CSV_FIELDS = 16_384
CSV_FIELD_SEPARATORS = (b",", b"\t", b";", b"|")


def check_csv_lines(path: Path) -> None:
    """Raise UnreadableFile (file_too_large) for a CSV with a line longer than the bounds,
    in bytes or in fields, reading the file in blocks so that the check itself is bounded.
    Only lines long enough to hold too many fields are counted, so this costs one pass of
    C-speed splitting."""
    number = 1  # the physical line the block's first piece belongs to
    carried = [0, 0]  # bytes and separators of that line in earlier blocks
    try:
        with path.open("rb") as handle:
            while block := handle.read(CHUNK):
                lines = block.split(b"\n")
                for index in _lines_to_count(lines):
                    line = lines[index]
                    before = carried if index == 0 else [0, 0]
                    length = len(line) + before[0]
                    last = index == len(lines) - 1  # runs on into the next block
                    if length > MAX_CSV_FIELDS or last:
                        fields = before[1] + _separators(line)
                        _check_line(length, fields + 1, number + index)
                        if last:
                            carried = [length, fields]
                number += len(lines) - 1
    except OSError as exc:
        raise UnreadableFile("os", detail=exc.strerror or str(exc)) from exc


def _lines_to_count(lines: list[bytes]) -> list[int]:
    """The pieces of a block that may break a bound: the first (it goes on from the block
    before) and the last (it runs on into the next), and a line between them only when it
    is longer than a line of the most fields can be short. The longest middle line is
    found in C, so a block of ordinary lines costs no loop in Python (a million-row CSV
    spent a third of a second here)."""
    last = len(lines) - 1
    ends = [0, last] if last else [0]
    if last < 2 or max(map(len, lines[1:last])) <= MAX_CSV_FIELDS:
        return ends
    long = [i for i in range(1, last) if len(lines[i]) > MAX_CSV_FIELDS]
    return [0, *long, last]


def _separators(line: bytes) -> int:
    return max(line.count(separator) for separator in CSV_FIELD_SEPARATORS)


def _check_line(length: int, fields: int, number: int) -> None:
    if length > MAX_CSV_LINE_BYTES or fields > MAX_CSV_FIELDS:
        raise UnreadableFile(
            "csv_line",
            FILE_TOO_LARGE,
            line=number,
            size=f"{length / (1 << 20):.1f} MB" if length >= 1 << 20 else f"{length >> 10} KB",
            fields=f"{fields:,}",
            max_megabytes=MAX_CSV_LINE_BYTES >> 20,
            max_fields=f"{MAX_CSV_FIELDS:,}",
        )


class UnreadableFile(Exception):
    """The file cannot be read at all; `code` and `ctx` become a finding. `reason` is a key
    of `messages.READ_REASONS` (said in the user's language); `detail` keeps the reader
    library's own words for the JSON report."""

    def __init__(
        self, reason: str, code: Code = FILE_UNREADABLE, detail: str | None = None, **ctx: object
    ) -> None:
        super().__init__(detail or reason)
        self.code = code
        self.reason = reason
        self.detail = detail
        self.ctx: dict[str, Any] = dict(ctx)


@dataclass(frozen=True)
class Limits:
    """What a reader may take in: how large a workbook may inflate, and whether hidden
    worksheets (drafts, old copies) are read."""

    max_uncompressed_mb: int = DEFAULT_MAX_UNCOMPRESSED_MB
    include_hidden: bool = False
    chunk_rows: int = DEFAULT_CHUNK_ROWS  # rows per chunk of a large CSV
    chunk_bytes: int = DEFAULT_CHUNK_BYTES  # a CSV larger than this is read in chunks
    max_cells: int = DEFAULT_MAX_CELLS  # the largest rectangle a sheet may span
    # which reads run in a child process that is killed past these bounds (reading/isolated.py):
    # "risky" the formats no safety pass can look into, "all" every file (a server), "none"
    isolate: str = "risky"
    read_seconds: float = DEFAULT_READ_SECONDS
    read_memory_mb: int = DEFAULT_READ_MEMORY_MB

    @classmethod
    def from_env(
        cls, max_uncompressed_mb: int | None = None, *, include_hidden: bool = False
    ) -> Limits:
        if max_uncompressed_mb is None:
            text = os.environ.get(ENV_MAX_UNCOMPRESSED, "")
            max_uncompressed_mb = (
                int(text) if text.strip().isdigit() else DEFAULT_MAX_UNCOMPRESSED_MB
            )
        rows = _positive(ENV_CHUNK_ROWS, 0)
        isolate = os.environ.get("ZYTALENT_ISOLATE", "").strip().lower()
        return cls(
            max_uncompressed_mb,
            include_hidden,
            chunk_rows=int(rows) or DEFAULT_CHUNK_ROWS,
            chunk_bytes=0 if rows else DEFAULT_CHUNK_BYTES,
            max_cells=int(_positive(ENV_MAX_CELLS, DEFAULT_MAX_CELLS)),
            isolate=isolate if isolate in ("all", "risky", "none") else "risky",
            read_seconds=_positive("ZYTALENT_READ_SECONDS", DEFAULT_READ_SECONDS),
            read_memory_mb=int(_positive("ZYTALENT_READ_MEMORY_MB", DEFAULT_READ_MEMORY_MB)),
        )


def _positive(name: str, default: float) -> float:
    """A positive number from the environment, or the default."""
    try:
        value = float(os.environ.get(name, "").strip())
    except ValueError:
        return default
    return value if value > 0 else default


@dataclass
class Inspection:
    formulas_without_value: dict[str, list[str]] = field(default_factory=dict)  # sheet -> cells
    hidden_rows: dict[str, list[int]] = field(default_factory=dict)  # sheet -> row numbers
    drawings: bool = False  # charts or pictures, which an annotated copy cannot keep
    # workbook.xml rewritten for the reader, when it names sheets the reader refuses
    # (an Excel 4.0 macro sheet, a sheet whose part is gone, state="show"); None if fine
    workbook_xml: bytes | None = None
    macro_sheets: list[str] = field(default_factory=list)  # skipped, with a note
    missing_sheets: list[str] = field(default_factory=list)  # named, but not in the file
    sheets_left: int = 0  # worksheets the repaired workbook.xml still names


def inspect_workbook(path: Path, limits: Limits) -> Inspection:
    """Raise UnreadableFile for files that must not be parsed; report formula cells."""
    try:
        with path.open("rb") as handle:
            start = handle.read(8)
    except OSError as exc:
        raise UnreadableFile("os", detail=exc.strerror or str(exc)) from exc
    if not start:
        raise UnreadableFile("empty")
    if start == OLE_SIGNATURE:
        if _is_encrypted_ooxml(path):
            raise UnreadableFile("encrypted", FILE_ENCRYPTED)
        return Inspection()  # a legacy .xls: calamine reads BIFF itself
    old = old_excel_format(start)
    if old:
        raise UnreadableFile("not_workbook", FILE_FORMAT_OLD, format=old)
    if not start.startswith(ZIP_SIGNATURE):
        raise UnreadableFile("not_workbook")
    return inspect_zip(path, limits)


def inspect_zip(path: Path, limits: Limits) -> Inspection:
    """The safety pass over an Office Open XML zip (a workbook or a Word document): every
    part inflated as a stream against the limit, scanned for DTDs."""
    try:
        with zipfile.ZipFile(path) as archive:
            return _inspect_parts(archive, limits)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise UnreadableFile("damaged", detail=str(exc)) from exc


# The first record of a BIFF2-4 file (before Excel 5 put workbooks in an OLE container):
# a BOF record 0x0009, 0x0209 or 0x0409, then its length. calamine reads BIFF5 and later.
OLD_BIFF = {b"\x09\x00": "Excel 2.x", b"\x09\x02": "Excel 3.0", b"\x09\x04": "Excel 4.0"}


def old_excel_format(start: bytes) -> str | None:
    """The name of a pre-1993 Excel format ("Excel 4.0") from a file's first bytes."""
    name = OLD_BIFF.get(start[:2])
    return name if name and start[3:4] == b"\x00" and 4 <= start[2] <= 16 else None


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
    _plan_repairs(archive, inspection)
    total = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        xml = info.filename.endswith((".xml", ".rels", ".vml"))
        if info.filename.startswith(("xl/drawings/", "xl/charts/", "xl/media/")):
            inspection.drawings = True
        cells: list[str] = []
        hidden: list[int] = []
        extent = _Extent() if _is_worksheet(info.filename, sheet_names) else None
        tail = b""
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                total += len(chunk)
                if total > budget:
                    raise UnreadableFile(
                        "too_large",
                        FILE_TOO_LARGE,
                        limit=limits.max_uncompressed_mb,
                        env=ENV_MAX_UNCOMPRESSED,
                    )
                if not xml:
                    continue
                window = tail + chunk
                if DTD.search(window):
                    raise UnreadableFile("unsafe_xml", FILE_UNSAFE_XML, part=info.filename)
                if info.filename in sheet_names and b"<f" in window:
                    cells.extend(m.decode() for m in FORMULA_WITHOUT_VALUE.findall(window))
                if info.filename in sheet_names and b'hidden="' in window:
                    hidden.extend(_hidden_rows(window))
                if extent is not None:
                    extent.scan(window)
                    extent.check(limits, sheet_names.get(info.filename, info.filename))
                tail = window[-4096:]
        if hidden:
            inspection.hidden_rows[sheet_names[info.filename]] = sorted(set(hidden))
        if cells:
            # the overlap may have matched a cell twice; keep each once, in order
            inspection.formulas_without_value[sheet_names[info.filename]] = list(
                dict.fromkeys(cells)
            )
    return inspection


def _is_worksheet(part: str, sheet_names: dict[str, str]) -> bool:
    return part in sheet_names or (
        part.startswith("xl/worksheets/") and part.endswith(".xml") and "/_rels/" not in part
    )


@dataclass
class _Extent:
    """The rectangle a worksheet's real cells span, grown chunk by chunk. The declared
    `<dimension ref=…>` is not trusted either way: the readers size a sheet by its cells
    (a declared A1:XFD1048576 over two cells reads fine), so only real cells count."""

    first_row: int = 0
    last_row: int = 0
    last_column: int = 0
    far_cell: str = ""

    def scan(self, xml: bytes) -> None:
        rows = [int(number) for number in ROW_REF.findall(xml)]
        wide = set(WIDE_CELL.findall(xml)) if b'r="' in xml else set()
        for letters, number in wide:
            rows.append(int(number))
            column = column_number(letters.decode())
            if column > self.last_column:
                self.last_column = column
                self.far_cell = f"{letters.decode()}{int(number)}"
        if rows:
            self.first_row = min(self.first_row or rows[0], min(rows))
            self.last_row = max(self.last_row, max(rows))

    def place(self) -> str:
        """The farthest real cell, or the last row when no wide cell is the cause."""
        return self.far_cell if self.last_column > 26 else f"A{self.last_row}"

    def cells(self) -> int:
        if not self.last_row:
            return 0
        return (self.last_row - self.first_row + 1) * max(self.last_column, 26)

    def check(self, limits: Limits, sheet: str) -> None:
        if self.cells() > limits.max_cells:
            raise UnreadableFile(
                "too_many_cells",
                FILE_TOO_LARGE,
                sheet=sheet,
                cell=self.place(),
                cells=f"{self.cells():,}",
                max_cells=f"{limits.max_cells:,}",
                env=ENV_MAX_CELLS,
            )


def column_number(letters: str) -> int:
    """Excel column letters as a number: A → 1, Z → 26, AA → 27, XFD → 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _hidden_rows(xml: bytes) -> list[int]:
    """Row numbers of `<row … hidden="1">` tags (rows hidden by hand or by a filter)."""
    rows: list[int] = []
    for tag in ROW_TAG.findall(xml):
        number = ROW_NUMBER.search(tag)
        if number and ROW_HIDDEN.search(tag):
            rows.append(int(number.group(1)))
    return rows


WORKSHEET_TYPES = ("/worksheet", "/chartsheet")
VISIBLE_STATES = {"visible", "hidden", "veryHidden"}


def _plan_repairs(archive: zipfile.ZipFile, inspection: Inspection) -> None:
    """Workbooks that Excel opens but the reader refuses whole, for one odd sheet entry:
    an Excel 4.0 macro sheet ("Unrecognized sheet:type"), a sheet named in workbook.xml
    whose part is gone ("Relationship not found"), a state other than visible, hidden
    and veryHidden (exceljs writes "show"). The entry is dropped or made "visible" in a
    copy of workbook.xml that the reader is given instead; every other part is as sent."""
    from defusedxml import ElementTree

    try:
        text = archive.read("xl/workbook.xml")
        workbook = ElementTree.fromstring(text)
        rels = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except Exception:  # damaged or not a workbook: the reader will say so
        return
    relations = {r.get("Id"): (r.get("Type", ""), r.get("Target", "")) for r in rels}
    parts = set(archive.namelist())
    changed = False
    for sheets in workbook.iter():
        if not sheets.tag.endswith("}sheets"):
            continue
        for sheet in list(sheets):
            rid = next((v for k, v in sheet.attrib.items() if k.endswith("}id")), None)
            kind, target = relations.get(rid, ("", ""))
            part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
            name = sheet.get("name", "")
            if kind.endswith(("/xlMacrosheet", "/xlIntlMacrosheet", "/dialogsheet")):
                inspection.macro_sheets.append(name)
            elif not kind.endswith(WORKSHEET_TYPES) or part not in parts:
                inspection.missing_sheets.append(name)
            else:
                if sheet.get("state", "visible") not in VISIBLE_STATES:
                    sheet.set("state", "visible")
                    changed = True
                inspection.sheets_left += 1
                continue
            sheets.remove(sheet)
            changed = True
    if changed:
        inspection.workbook_xml = ElementTree.tostring(workbook, encoding="utf-8")


def repaired_copy(path: Path, workbook_xml: bytes) -> Any:
    """The workbook in memory with its workbook.xml replaced (see _plan_repairs); its size
    is bounded by the safety pass that planned it."""
    import io

    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(path) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as copy,
    ):
        for info in source.infolist():
            data = workbook_xml if info.filename == "xl/workbook.xml" else source.read(info)
            copy.writestr(info, data)
    buffer.seek(0)
    return buffer


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
