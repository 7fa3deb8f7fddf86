"""Exports read back the way their readers would: xlsx by calamine (values) and openpyxl
(formats), CSV by Excel's rules (BOM, quoting), HTML by an HTML parser, Markdown as text."""

from __future__ import annotations

import csv
import io
import json
from html.parser import HTMLParser
from pathlib import Path

import pytest
import python_calamine as calamine
from helpers import HIRES_HEADER, hire, write_csv
from openpyxl import load_workbook
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.reading.discover import sha256
from zytalent.summary import summarize

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2023"
runner = CliRunner()


@pytest.fixture(scope="module")
def xlsx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("x") / "figures.xlsx"
    result = runner.invoke(
        app, ["summarize", "2023", str(DATA), "--format", "xlsx", "--output", str(out)]
    )
    assert result.exit_code == 0
    return out


def test_summary_workbook_values_and_sections(xlsx: Path) -> None:
    book = calamine.CalamineWorkbook.from_path(str(xlsx))
    assert book.sheet_names == ["引才", "育才", "技能", "校地合作", "资金", "留才", "养老", "来源"]
    funds = {row[4]: row for row in book.get_sheet_by_name("资金").to_python()[1:]}
    assert funds["funds.allocated.fiscal_special"][1] == pytest.approx(601.09)
    assert funds["funds.allocated.fiscal_special"][3] == pytest.approx(6010900.00)
    assert funds["funds.allocated.fiscal_special"][2] == "万元"
    hires = {row[4]: row for row in book.get_sheet_by_name("引才").to_python()[1:]}
    assert hires["hires.total"][1] == 48


def test_summary_workbook_number_formats(xlsx: Path) -> None:
    book = load_workbook(xlsx)
    assert book["资金"]["B3"].number_format == "#,##0.00"
    assert book["引才"]["B3"].number_format == "#,##0"


def test_summary_workbook_prints_as_a_titled_table_with_charts_below(xlsx: Path) -> None:
    book = load_workbook(xlsx)
    for sheet in book.worksheets:
        assert sheet["A1"].value and sheet["A1"].font.bold, sheet.title  # a title row
        assert sheet["A2"].border.left.style == "thin"
    recruit = book["引才"]
    assert "2023" in recruit["A1"].value and recruit["A1"].value.endswith("引才")
    assert recruit.column_dimensions["E"].hidden  # the codes, kept for explain
    last = max(r for r in range(1, recruit.max_row + 1) if recruit[f"A{r}"].value)
    assert recruit.print_area.replace("$", "").endswith(f"A1:D{last}")
    for chart in recruit._charts:
        assert chart.anchor._from.row + 1 > last and chart.anchor._from.col == 0  # below
        assert chart.x_axis.scaling.orientation == "maxMin"  # bars in the table's order
    sources = book["来源"]
    kinds = {sources.cell(r, 3).value for r in range(3, sources.max_row + 1)} - {None, ""}
    assert "引进人才台账" in kinds and "hires" not in kinds


def test_sources_sheet_names_every_input_with_its_hash(xlsx: Path) -> None:
    rows = calamine.CalamineWorkbook.from_path(str(xlsx)).get_sheet_by_name("来源").to_python()
    files = {r[0]: r[4] for r in rows[2:] if r[0] and r[4]}  # a title, then the header
    expected = {str(p): sha256(p) for p in DATA.iterdir()}
    assert {Path(f).name: h for f, h in files.items()} == {
        Path(f).name: h for f, h in expected.items()
    }


def test_csv_export_is_exact_and_opens_in_excel(tmp_path: Path) -> None:
    out = tmp_path / "f.csv"
    assert (
        runner.invoke(app, ["summarize", "2023", str(DATA), "-f", "csv", "-o", str(out)]).exit_code
        == 0
    )
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel on Chinese Windows reads UTF-8
    rows = {r["figure"]: r for r in csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))}
    assert rows["funds.disbursed.talent_rewards"]["value"] == "1948000.00"
    assert rows["meals.elders"]["value"] == "3126"
    library = summarize(2023, [DATA]).to_dict()["figures"]
    assert {k: r["value"] for k, r in rows.items()} == {k: str(v) for k, v in library.items()}


def test_markdown_and_html(tmp_path: Path) -> None:
    md = runner.invoke(app, ["summarize", "2023", str(DATA), "-f", "md"]).stdout
    assert "| 资金安排 | 823.09 | 万元 |" in md and "## 养老" in md

    class Cells(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.cells: list[str] = []
            self.tags: set[str] = set()

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.add(tag)

        def handle_data(self, data: str) -> None:
            self.cells.append(data)

    page = runner.invoke(app, ["summarize", "2023", str(DATA), "-f", "html"]).stdout
    parser = Cells()
    parser.feed(page)
    assert "601.09" in parser.cells and "新增技能人才" in parser.cells
    assert "script" not in parser.tags and "link" not in parser.tags and "http" not in page


def test_exports_never_overwrite_and_xlsx_needs_an_output(tmp_path: Path) -> None:
    out = tmp_path / "f.md"
    assert (
        runner.invoke(app, ["summarize", "2023", str(DATA), "-f", "md", "-o", str(out)]).exit_code
        == 0
    )
    assert (
        runner.invoke(app, ["summarize", "2023", str(DATA), "-f", "md", "-o", str(out)]).exit_code
        == 2
    )
    assert runner.invoke(app, ["summarize", "2023", str(DATA), "-f", "xlsx"]).exit_code == 2


def test_formula_injection_is_neutralised_in_every_export(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    write_csv(
        folder / "=cmd.csv", [HIRES_HEADER, hire('=HYPERLINK("http://x")', 1), hire("@SUM(1)", 2)]
    )
    out = tmp_path / "e.xlsx"
    assert (
        runner.invoke(
            app, ["explain", "hires.total", "2023", str(folder), "-f", "xlsx", "-o", str(out)]
        ).exit_code
        == 0
    )
    book = load_workbook(out)
    names = [c.value for c in book["明细"]["D"][1:3]]
    assert names == ['\'=HYPERLINK("http://x")', "'@SUM(1)"]
    assert all(
        not (isinstance(c.value, str) and c.value.startswith("="))
        for row in book["来源"].iter_rows()
        for c in row
    )
    csv_text = runner.invoke(
        app, ["explain", "hires.total", "2023", str(folder), "-f", "csv"]
    ).stdout
    assert "'=HYPERLINK" in csv_text and "\n=HYPERLINK" not in csv_text


def test_explain_exports_agree_with_json(tmp_path: Path) -> None:
    data = json.loads(
        runner.invoke(app, ["explain", "hires.doctorate", "2023", str(DATA), "-f", "json"]).stdout
    )
    html_page = runner.invoke(
        app, ["explain", "hires.doctorate", "2023", str(DATA), "-f", "html"]
    ).stdout
    md = runner.invoke(app, ["explain", "hires.doctorate", "2023", str(DATA), "-f", "md"]).stdout
    assert data["value"] == 1 and "合计：1 人" in md and "博士研究生" in html_page


def test_every_workbook_prints_on_a4_fitted_to_one_page_wide(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    fixtures = Path(__file__).resolve().parent / "fixtures"
    files = {
        "summary.xlsx": ["summarize", "2023", str(DATA), "-f", "xlsx"],
        "explain.xlsx": ["explain", "hires.total", "2023", str(DATA), "-f", "xlsx"],
        "compare.xlsx": ["compare", "2022", "2023", "--data-dir", str(DATA.parent), "-f", "xlsx"],
        "template.xlsx": ["template", "hires", "meals"],
    }
    for name, args in files.items():
        result = runner.invoke(app, [*args, "--output", str(tmp_path / name)])
        assert result.exit_code == 0, (name, result.output)
    annotated = tmp_path / "annotated"
    runner.invoke(
        app, ["validate", str(fixtures / "messy_hires.xlsx"), "--annotate", str(annotated)]
    )
    paths = [tmp_path / n for n in files] + list(annotated.glob("*.xlsx"))
    assert len(paths) == 5
    for path in paths:
        book = load_workbook(path)
        for sheet in book.worksheets:
            if sheet.sheet_state != "visible":
                continue
            setup = sheet.page_setup
            assert int(setup.paperSize) == int(sheet.PAPERSIZE_A4), (path.name, sheet.title)
            assert setup.fitToWidth == 1 and sheet.sheet_properties.pageSetUpPr.fitToPage
            assert sheet.oddFooter.center.text == "第 &P 页 共 &N 页"
            if sheet.freeze_panes:
                assert sheet.print_title_rows, (path.name, sheet.title)  # header on every page
        listing = book["问题清单"] if "问题清单" in book.sheetnames else None
        if listing is not None:
            assert listing.page_setup.orientation == "landscape"
            assert listing["H2"].alignment.wrap_text  # the long messages wrap


def test_the_summary_workbook_has_native_charts_on_its_own_cells(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "s.xlsx"
    assert (
        runner.invoke(app, ["summarize", "2023", str(DATA), "-f", "xlsx", "-o", str(out)]).exit_code
        == 0
    )
    book = load_workbook(out)
    recruit = book["引才"]
    assert len(recruit._charts) == 1
    chart = recruit._charts[0]
    reference = chart.series[0].val.numRef.f  # e.g. '引才'!$B$5:$B$10
    assert reference.replace("'", "").startswith("引才!$B$")
    first, last = (int(part.split("$")[-1]) for part in reference.split(":"))
    labels = [recruit[f"A{r}"].value for r in range(first, last + 1)]
    assert "按领域：教育系统" in labels and all(str(x).startswith("按领域") for x in labels)
    assert sum(len(s._charts) for s in book.worksheets) >= 6


def test_every_wrapped_cell_has_the_height_for_its_lines(tmp_path: Path) -> None:
    """LibreOffice and WPS do not grow a row for wrapped text: each wrapped cell's lines
    (at its column's width) must fit in the row's height, or the text is cut on paper."""
    import math

    from zytalent.text.wrap import cell_width
    from zytalent.writers.printing import LINE_POINTS

    fixtures = Path(__file__).resolve().parent / "fixtures"
    template = tmp_path / "t.xlsx"
    assert runner.invoke(app, ["template", "hires", "meals", "-o", str(template)]).exit_code == 0
    annotated = tmp_path / "a"
    runner.invoke(
        app, ["validate", str(fixtures / "messy_hires.xlsx"), "--annotate", str(annotated)]
    )
    checked = 0
    for path in [template, *annotated.glob("*.xlsx")]:
        book = load_workbook(path)
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if not (isinstance(cell.value, str) and cell.alignment.wrap_text):
                        continue
                    width = (sheet.column_dimensions[cell.column_letter].width or 8.43) - 1
                    lines = sum(
                        max(1, math.ceil(cell_width(part) / width))
                        for part in cell.value.split("\n")
                    )
                    height = sheet.row_dimensions[cell.row].height or LINE_POINTS
                    assert lines * LINE_POINTS <= height, (path.name, sheet.title, cell.coordinate)
                    checked += 1
    assert checked > 20


def test_the_annotated_copy_widens_the_columns_it_marks(tmp_path: Path) -> None:
    fixtures = Path(__file__).resolve().parent / "fixtures"
    annotated = tmp_path / "a"
    runner.invoke(
        app, ["validate", str(fixtures / "messy_hires.xlsx"), "--annotate", str(annotated)]
    )
    (copy,) = annotated.glob("*.xlsx")
    book = load_workbook(copy)
    listing = book["问题清单"]
    marked = {
        (listing.cell(r, 2).value, "".join(c for c in str(listing.cell(r, 5).value) if c.isalpha()))
        for r in range(2, listing.max_row + 1)
        if listing.cell(r, 5).value
    }
    for sheet_name, letters in marked:
        if sheet_name in book.sheetnames and letters:
            width = book[sheet_name].column_dimensions[letters[:3]].width
            assert width and width >= 10, (sheet_name, letters)
