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
FORMULA_WITHOUT_VALUE = re.compile(
    rb'<c r="([A-Z]{1,3}[0-9]{1,7})"[^>]*>\s*<f\b[^>]*(?:/>|>[^<]*</f>)\s*(?:<v\s*/>|<v>\s*</v>)?\s*</c>'
)


class UnreadableFile(Exception):
    """The file cannot be read at all; `code` and `ctx` become a finding. `reason` is a key
    of `messages.READ_REASONS` (said in the user's language); `detail` keeps the reader
    library's own words for the JSON report."""

    def __init__(
        self, reason: str, code: str = "file_unreadable", detail: str | None = None, **ctx: object
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

    @classmethod
    def from_env(
        cls, max_uncompressed_mb: int | None = None, *, include_hidden: bool = False
    ) -> Limits:
        if max_uncompressed_mb is None:
            text = os.environ.get(ENV_MAX_UNCOMPRESSED, "")
            max_uncompressed_mb = (
                int(text) if text.strip().isdigit() else DEFAULT_MAX_UNCOMPRESSED_MB
            )
        rows = os.environ.get(ENV_CHUNK_ROWS, "").strip()
        if rows.isdigit() and int(rows) > 0:
            return cls(max_uncompressed_mb, include_hidden, int(rows), 0)
        return cls(max_uncompressed_mb, include_hidden)


@dataclass
class Inspection:
    formulas_without_value: dict[str, list[str]] = field(default_factory=dict)  # sheet -> cells
    hidden_rows: dict[str, list[int]] = field(default_factory=dict)  # sheet -> row numbers
    drawings: bool = False  # charts or pictures, which an annotated copy cannot keep


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
            raise UnreadableFile("encrypted", "file_encrypted")
        return Inspection()  # a legacy .xls: calamine reads BIFF itself
    old = old_excel_format(start)
    if old:
        raise UnreadableFile("not_workbook", "file_format_old", format=old)
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
    total = 0
    for info in archive.infolist():
        if info.is_dir():
            continue
        xml = info.filename.endswith((".xml", ".rels", ".vml"))
        if info.filename.startswith(("xl/drawings/", "xl/charts/", "xl/media/")):
            inspection.drawings = True
        cells: list[str] = []
        hidden: list[int] = []
        tail = b""
        with archive.open(info) as stream:
            while chunk := stream.read(CHUNK):
                total += len(chunk)
                if total > budget:
                    raise UnreadableFile(
                        "too_large",
                        "file_too_large",
                        limit=limits.max_uncompressed_mb,
                        env=ENV_MAX_UNCOMPRESSED,
                    )
                if not xml:
                    continue
                window = tail + chunk
                if DTD.search(window):
                    raise UnreadableFile("unsafe_xml", "file_unsafe_xml", part=info.filename)
                if info.filename in sheet_names and b"<f" in window:
                    cells.extend(m.decode() for m in FORMULA_WITHOUT_VALUE.findall(window))
                if info.filename in sheet_names and b'hidden="' in window:
                    hidden.extend(_hidden_rows(window))
                tail = window[-4096:]
        if hidden:
            inspection.hidden_rows[sheet_names[info.filename]] = sorted(set(hidden))
        if cells:
            # the overlap may have matched a cell twice; keep each once, in order
            inspection.formulas_without_value[sheet_names[info.filename]] = list(
                dict.fromkeys(cells)
            )
    return inspection


def _hidden_rows(xml: bytes) -> list[int]:
    """Row numbers of `<row … hidden="1">` tags (rows hidden by hand or by a filter)."""
    rows: list[int] = []
    for tag in ROW_TAG.findall(xml):
        number = ROW_NUMBER.search(tag)
        if number and ROW_HIDDEN.search(tag):
            rows.append(int(number.group(1)))
    return rows


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
