"""Builders for broken and hostile inputs."""

from __future__ import annotations

import zipfile
from pathlib import Path

from helpers import HIRES_HEADER, hire, write_xlsx


def good_workbook(path: Path, rows: int = 2) -> Path:
    return write_xlsx(
        path, {"引进": [HIRES_HEADER, *(hire(f"人{i}", i) for i in range(1, rows + 1))]}
    )


def rewrite_part(source: Path, target: Path, part: str, change: object) -> Path:
    """Copy a workbook, replacing one part's text through `change(text) -> text`."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name)
            if name == part:
                data = change(data.decode("utf-8")).encode("utf-8")  # type: ignore[operator]
            dst.writestr(name, data)
    return target


def zip_bomb(source: Path, target: Path, inflated_mb: int) -> Path:
    """A workbook whose first sheet inflates to `inflated_mb` MB of white space."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            if name != "xl/worksheets/sheet1.xml":
                dst.writestr(name, src.read(name))
                continue
            text = src.read(name)
            head, tail = text.split(b"<sheetData>", 1)
            with dst.open(name, "w") as out:
                out.write(head + b"<sheetData>")
                block = b" " * (1 << 20)
                for _ in range(inflated_mb):
                    out.write(block)
                out.write(tail)
    return target


def far_cell(source: Path, target: Path, cell: str, value: str = "远") -> Path:
    """A copy of a workbook with one more real cell at `cell` (say XFD1048576): the shape
    that makes a reader allocate the whole rectangle up to it. A cell in row 1 joins the
    header row; any other gets a row of its own after the data."""
    row = int("".join(ch for ch in cell if ch.isdigit()))
    new_cell = f'<c r="{cell}" t="inlineStr"><is><t>{value}</t></is></c>'

    def change(text: str) -> str:
        if row == 1:
            return text.replace("</row>", new_cell + "</row>", 1)
        return text.replace("</sheetData>", f'<row r="{row}">{new_cell}</row></sheetData>')

    return rewrite_part(source, target, "xl/worksheets/sheet1.xml", change)


def one_line_csv(path: Path, fields: int) -> Path:
    """A CSV of one line with `fields` empty fields: 50 million once exhausted memory."""
    with path.open("wb") as out:
        block = b"," * (1 << 20)
        for _ in range(fields // len(block)):
            out.write(block)
        out.write(b"," * (fields % len(block)) + b"\n")
    return path


MACRO_SHEET = (
    '<xm:macrosheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><sheetData>'
    '<row r="1"><c r="A1"><f>HALT()</f></c></row></sheetData></xm:macrosheet>'
)
MACRO_TYPE = "http://schemas.microsoft.com/office/2006/relationships/xlMacrosheet"


def with_macro_sheet(source: Path, target: Path) -> Path:
    """A workbook (as .xlsm) with an Excel 4.0 macro sheet before its worksheet, the
    shape of old Excel files with XLM macros."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            data = src.read(name).decode("utf-8")
            if name == "xl/workbook.xml":
                data = data.replace(
                    "<sheets>",
                    '<sheets><sheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/'
                    '2006/relationships" name="Macro1" sheetId="9" r:id="rId9"/>',
                )
            elif name == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    "</Relationships>",
                    f'<Relationship Type="{MACRO_TYPE}" Target="macrosheets/sheet1.xml" '
                    'Id="rId9"/></Relationships>',
                )
            elif name == "[Content_Types].xml":
                data = data.replace(
                    "</Types>",
                    '<Override PartName="/xl/macrosheets/sheet1.xml" ContentType="application/'
                    'vnd.ms-excel.macrosheet+xml"/></Types>',
                )
            dst.writestr(name, data)
        dst.writestr("xl/macrosheets/sheet1.xml", MACRO_SHEET)
    return target


def with_sheet_state(source: Path, target: Path, state: str) -> Path:
    """A workbook whose sheet declares `state="…"` (exceljs writes "show")."""
    return rewrite_part(
        source,
        target,
        "xl/workbook.xml",
        lambda text: text.replace('state="visible"', f'state="{state}"'),
    )


def without_worksheets(source: Path, target: Path) -> Path:
    """A workbook that names a sheet whose part and relationship are gone."""
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as dst:
        for name in src.namelist():
            if name.startswith("xl/worksheets/"):
                continue
            data = src.read(name).decode("utf-8")
            if name == "xl/_rels/workbook.xml.rels":
                data = data.replace(
                    '<Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/'
                    'relationships/worksheet" Target="/xl/worksheets/sheet1.xml" Id="rId1"/>',
                    "",
                )
            dst.writestr(name, data)
    return target
