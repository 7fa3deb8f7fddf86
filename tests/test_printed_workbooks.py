"""Every workbook zytalent writes, printed to PDF by LibreOffice Calc, shows each cell's
text whole: a PDF holds only the glyphs that are drawn, so a cell cut at its column's edge
or a wrapped cell whose row is too low to show every line is missing part of its text in
the PDF's text. Slow (LibreOffice starts for each file); skipped where Calc is absent."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import SOFFICE, print_to_pdf
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.ledgers import LEDGERS

ROOT = Path(__file__).resolve().parent.parent
CALC = Path("/usr/lib/libreoffice/program/libsclo.so")  # Debian's libreoffice-calc
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(
        SOFFICE is None or not CALC.exists(), reason="LibreOffice Calc is not installed"
    ),
]
runner = CliRunner()


def not_printed_whole(workbook: Path, scratch: Path) -> list[tuple[str, str, str]]:
    """(sheet, cell, text) of every visible text cell whose text the printed PDF lacks."""
    from pypdf import PdfReader

    pdf = PdfReader(str(print_to_pdf(workbook, scratch)))
    printed = re.sub(r"\s", "", "".join(page.extract_text() for page in pdf.pages))
    missing = []
    for sheet in load_workbook(workbook).worksheets:
        if sheet.sheet_state != "visible":
            continue
        hidden = {letter for letter, d in sheet.column_dimensions.items() if d.hidden}
        for row in sheet.iter_rows():
            for cell in row:
                value = cell.value
                if not isinstance(value, str) or not value.strip():
                    continue
                if cell.column_letter in hidden or re.sub(r"\s", "", value) in printed:
                    continue
                missing.append((sheet.title, cell.coordinate, value))
    return missing


def test_the_check_sees_a_cut_cell_and_a_wrapped_cell_too_low(tmp_path: Path) -> None:
    """The check itself: a long text beside a filled cell is cut at the column's edge, and
    four wrapped lines in a row of one line's height show one line; both are found."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet["A1"], sheet["B1"] = "这是一段很长的文字，比这一列宽得多，会在列边被截断", "邻格"
    sheet.column_dimensions["A"].width = 8
    sheet["A3"], sheet["B3"] = "第一行文字。第二行文字。第三行文字。第四行文字。", "邻格"
    sheet["A3"].alignment = Alignment(wrap_text=True)
    sheet["A5"] = "够短"
    path = tmp_path / "cut.xlsx"
    book.save(path)
    assert [cell for _, cell, _ in not_printed_whole(path, tmp_path)] == ["A1", "A3"]


def test_the_summary_workbook_prints_every_cell_whole(tmp_path: Path) -> None:
    out = tmp_path / "summary.xlsx"
    args = ["summarize", "2023", str(ROOT / "data" / "2023"), "-f", "xlsx", "-o", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    assert not_printed_whole(out, tmp_path) == []


@pytest.mark.parametrize("kind", sorted(LEDGERS))
def test_every_template_prints_every_cell_whole(kind: str, tmp_path: Path) -> None:
    """The 填表说明 lines are the longest text zytalent writes into a cell."""
    out = tmp_path / f"{kind}.xlsx"
    assert runner.invoke(app, ["template", kind, "--output", str(out)]).exit_code == 0
    assert not_printed_whole(out, tmp_path) == []


def test_an_annotated_copy_prints_every_cell_whole(tmp_path: Path) -> None:
    """The marked data sheet and its 问题清单 (messages of a sentence or two each)."""
    source = ROOT / "tests" / "fixtures" / "messy_hires.xlsx"
    folder = tmp_path / "annotated"
    runner.invoke(app, ["validate", str(source), "--annotate", str(folder)])
    (copy,) = folder.glob("*.xlsx")
    assert not_printed_whole(copy, tmp_path) == []
