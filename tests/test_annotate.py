"""Annotated returns, read back with a different reader (calamine and the raw XML) than
the one that wrote them (openpyxl)."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

import python_calamine as calamine
from helpers import digest, make_id, write_xlsx
from typer.testing import CliRunner

from zytalent.cli.app import app

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def xml(path: Path, pattern: str) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(
            archive.read(n).decode("utf-8") for n in archive.namelist() if re.search(pattern, n)
        )


def hyperlink_locations(path: Path) -> set[str]:
    """Internal link targets, read as XML (writers may escape non-ASCII as &#…;)."""
    from defusedxml import ElementTree

    found: set[str] = set()
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name):
                root = ElementTree.fromstring(archive.read(name))
                found |= {
                    e.get("location", "") for e in root.iter() if e.tag.endswith("}hyperlink")
                }
    return found


def test_annotated_copies_mark_every_finding(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    for name in ("messy_hires.xlsx", "gbk_meals.csv"):
        shutil.copy(FIXTURES / name, inputs / name)
    before = {p.name: digest(p) for p in inputs.iterdir()}
    out = tmp_path / "out"
    result = runner.invoke(app, ["validate", str(inputs), "--annotate", str(out), "--year", "2023"])
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == [
        "gbk_meals_问题标注.xlsx",
        "messy_hires_问题标注.xlsx",
    ]
    assert {p.name: digest(p) for p in inputs.iterdir()} == before  # originals untouched

    hires = out / "messy_hires_问题标注.xlsx"
    book = calamine.CalamineWorkbook.from_path(str(hires))
    assert book.sheet_names == ["问题清单", "说明", "引进人才"]
    listing = book.get_sheet_by_name("问题清单").to_python()
    assert listing[0][:5] == ["级别", "问题", "工作表", "行", "单元格"]
    # a short Chinese name for each code (the JSON report keeps the code)
    assert [(r[1], r[4]) for r in listing[1:]] == [
        ("身份证号被存成数字", "C5"),
        ("身份证号校验位不符", "C6"),
        ("不是允许的值", "D6"),
        ("不是日期", "G6"),
        ("同一人重复", "C8"),
    ]
    assert all(
        "********" in r[6] or r[1] != "身份证号校验位不符" for r in listing[1:]
    )  # masked in the list
    data = book.get_sheet_by_name("引进人才").to_python()
    assert data[3][1] == "张三"  # the department's own data is kept
    comments = xml(hires, r"comments")
    assert "校验位不符" in comments and "不是有效日期" in comments and "另见" in comments
    assert "'引进人才'!C6" in hyperlink_locations(hires)
    styles = xml(hires, r"styles\.xml")
    assert "FFC7CE" in styles

    meals = out / "gbk_meals_问题标注.xlsx"
    book = calamine.CalamineWorkbook.from_path(str(meals))
    assert book.sheet_names == ["问题清单", "gbk_meals"]
    assert book.get_sheet_by_name("gbk_meals").to_python()[0][0] == "月份"
    styles = xml(meals, r"styles\.xml")
    assert "FFC7CE" in styles and "FFEB9C" in styles  # errors red, warnings amber


def test_annotate_never_overwrites_without_force(tmp_path: Path) -> None:
    out = tmp_path / "out"
    args = ["validate", str(FIXTURES / "gbk_meals.csv"), "--annotate", str(out)]
    assert runner.invoke(app, args).exit_code == 1
    assert runner.invoke(app, args).exit_code == 2
    assert runner.invoke(app, [*args, "--force"]).exit_code == 1


def test_csv_text_that_looks_like_a_formula_stays_text(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text(
        "姓名,身份证号,学历,引进单位,引进领域,到岗日期\n=1+1,1,本科,@SUM(A1),县直,2023-01-01\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    runner.invoke(app, ["validate", str(path), "--annotate", str(out)])
    sheet_xml = xml(out / "h_问题标注.xlsx", r"xl/worksheets/sheet2\.xml")
    assert "<f>" not in sheet_xml
    values = (
        calamine.CalamineWorkbook.from_path(str(out / "h_问题标注.xlsx"))
        .get_sheet_by_index(1)
        .to_python()
    )
    assert values[1][0] == "=1+1" and values[1][3] == "@SUM(A1)"


def test_a_finding_on_a_merged_cell_marks_its_top_left_cell(tmp_path: Path) -> None:
    """Before: AttributeError (exit 3) on the read-only MergedCell, the batch half written."""
    from openpyxl import load_workbook

    rows = [
        ["姓名", "身份证号", "学历", "引进单位", "引进领域", "到岗日期"],
        ["甲", make_id(seq=201), "本科", "县委办", "卫健x", "2023-03-15"],
        ["乙", make_id(seq=202), "本科", "县委办", None, "2023-03-15"],
        ["丙", make_id(seq=203), "本科", "县委办", None, "2023-03-15"],
    ]
    merged = write_xlsx(tmp_path / "merged.xlsx", {"引进": rows}, merges={"引进": ["E2:E4"]})
    chart = write_xlsx(tmp_path / "chart.xlsx", {"引进": rows})
    book = load_workbook(chart)
    sheet = book["引进"]
    from openpyxl.chart import BarChart, Reference

    bar = BarChart()
    bar.add_data(Reference(sheet, min_col=1, min_row=1, max_row=3))
    sheet.add_chart(bar, "H2")
    sheet.protection.sheet = True
    book.save(chart)
    out = tmp_path / "out"
    result = runner.invoke(app, ["validate", str(merged), str(chart), "--annotate", str(out)])
    assert result.exit_code == 1, result.output
    copy = load_workbook(out / "merged_问题标注.xlsx")
    comment = copy["引进"]["E2"].comment
    # the merge's three cells hold one wrong value: one finding for the run of rows 2–4
    assert comment is not None and "E2:E4" in comment.text and comment.text.count("【错误】") == 1
    listed = [[c.value for c in row] for row in copy["问题清单"].iter_rows(min_row=2)]
    assert [(r[3], r[4]) for r in listed if r[1] == "不是允许的值"] == [("2–4", "E2–E4")]
    listing = [str(c.value) for c in copy["问题清单"]["H"]]
    assert not any("图表" in text for text in listing)
    charted = load_workbook(out / "chart_问题标注.xlsx")
    assert any("图表和图片未保留" in str(c.value) for c in charted["问题清单"]["H"])


def test_annotate_runs_over_every_fixture_and_broken_input(tmp_path: Path) -> None:
    import shutil

    from hostile.builders import good_workbook

    inputs = tmp_path / "in"
    inputs.mkdir()
    fixtures = Path(__file__).resolve().parent / "fixtures"
    for path in fixtures.rglob("*"):
        if path.suffix in (".xlsx", ".csv", ".ods", ".xls", ".docx"):
            shutil.copy(path, inputs / path.name)
    good = good_workbook(inputs / "good.xlsx").read_bytes()
    (inputs / "truncated.xlsx").write_bytes(good[: len(good) // 2])
    (inputs / "text.xlsx").write_text("姓名,身份证号\n张三,1\n", encoding="utf-8")
    (inputs / "empty.csv").write_bytes(b"")
    (inputs / "binary.csv").write_bytes(b"\x00\x01" * 50)
    out = tmp_path / "out"
    result = runner.invoke(app, ["validate", str(inputs), "--annotate", str(out), "-f", "json"])
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    with_problems = {
        Path(f["file"]).stem
        for f in report["findings"]
        if f["file"] and f["severity"] in ("error", "warning")
    }
    written = {p.name.removesuffix("_问题标注.xlsx") for p in out.iterdir()}
    assert written == with_problems
    assert not [f for f in report["findings"] if f["code"] == "annotate_failed"]
