"""Annotated returns, read back with a different reader (calamine and the raw XML) than
the one that wrote them (openpyxl)."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

import python_calamine as calamine
from helpers import digest
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
    shutil.copytree(FIXTURES, inputs, ignore=shutil.ignore_patterns("*.json", "*.py"))
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
    assert listing[0][:5] == ["级别", "代码", "工作表", "行", "单元格"]
    assert [(r[1], r[4]) for r in listing[1:]] == [
        ("id_number_as_number", "C5"),
        ("id_checksum", "C6"),
        ("value_not_allowed", "D6"),
        ("not_a_date", "G6"),
        ("duplicate_person", "C8"),
    ]
    assert all(
        "********" in r[6] or r[1] != "id_checksum" for r in listing[1:]
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
