"""`summarize --by`: a city's counties side by side. The totals are `summarize` without
`--by`; each group is `summarize` of its folder alone; an elder who moved between counties
counts once in the total and once in each county."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from helpers import TODAY, make_id, write_csv
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.grouped import summarize_by
from zytalent.summary import summarize

runner = CliRunner()
HEADER = ["日期", "服务点", "姓名", "身份证号", "就餐次数", "政府补贴"]
MOVED = make_id(dt.date(1945, 5, 5), 77)


@pytest.fixture
def city(tmp_path: Path) -> Path:
    root = tmp_path / "吕梁市"
    for number, county in enumerate(("中阳县", "离石区", "柳林县")):
        rows: list[list[object]] = [HEADER]
        for elder in range(4):
            number_id = make_id(dt.date(1940 + elder, 1, 1 + number), 10 * number + elder)
            # every county has a 幸福小院 of the same name: places are told apart by county
            rows.append(
                ["2023-03", "城关幸福小院", f"老人{number}{elder}", number_id, 10 + elder, 30]
            )
        if county in ("中阳县", "柳林县"):  # moved from 中阳 to 柳林 in the summer
            rows.append(
                [
                    "2023-08" if county == "柳林县" else "2023-02",
                    "城关幸福小院",
                    "迁居老人",
                    MOVED,
                    5,
                    15,
                ]
            )
        (root / county).mkdir(parents=True)
        write_csv(root / county / "助餐台账.csv", rows)
    return root


def test_groups_and_totals_of_a_city(city: Path) -> None:
    grouped = summarize_by(2023, [city], "folder", today=TODAY)
    plain = summarize(2023, [city], today=TODAY)
    assert grouped.summary.values == plain.values  # the totals are summarize's
    assert list(grouped.groups) == ["中阳县", "柳林县", "离石区"]
    for county, values in grouped.groups.items():
        assert values == summarize(2023, [city / county], today=TODAY).values, county
    elders = [g["meals.elders"] for g in grouped.groups.values()]
    assert elders == [5, 5, 4] and plain.values["meals.elders"] == 13  # the moved elder once
    assert grouped.differs("meals.elders") and not grouped.differs("meals.meals")
    assert grouped.differs("meals.centers")  # 城关幸福小院 in three counties is one name


def test_by_column_and_by_file_and_json(city: Path) -> None:
    by_point = summarize_by(2023, [city], "服务点", today=TODAY)
    assert list(by_point.groups) == ["城关幸福小院"]
    result = runner.invoke(app, ["summarize", "2023", str(city), "--by", "folder", "-f", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["by"] == "folder" and set(data["groups"]) == {"中阳县", "离石区", "柳林县"}
    assert data["figures"]["meals.elders"] == 13
    assert "meals.elders" in data["not_the_sum_of_groups"]
    assert data["groups"]["中阳县"]["figures"]["meals.funding.gov"] == "135.00"  # 4 × 30 + 15
    by_file = summarize_by(2023, [city], "file", today=TODAY)
    assert len(by_file.groups) == 3
    table = runner.invoke(
        app, ["summarize", "2023", str(city), "--by", "folder"], env={"COLUMNS": "100"}
    )
    assert table.exit_code == 0 and "中阳县" in table.output
    assert "合计按全部记录计算" in table.output
    bad = runner.invoke(app, ["summarize", "2023", str(city), "--by", "不存在的列"])
    assert bad.exit_code == 2


def test_report_and_compare_on_one_group(city: Path, tmp_path: Path) -> None:
    report = runner.invoke(app, ["report", "2023", str(city), "--group", "中阳县"])
    assert report.exit_code == 0, report.output
    alone = runner.invoke(app, ["report", "2023", str(city / "中阳县")])
    assert report.output == alone.output
    import shutil

    data, only = tmp_path / "data", tmp_path / "only"
    for year in ("2022", "2023"):
        shutil.copytree(city, data / year)
        shutil.copytree(city / "中阳县", only / year)
    grouped = runner.invoke(
        app, ["compare", "2022", "2023", "--data-dir", str(data), "--group", "中阳县", "-f", "json"]
    )
    alone = runner.invoke(app, ["compare", "2022", "2023", "--data-dir", str(only), "-f", "json"])
    assert grouped.exit_code == 0, grouped.output
    assert json.loads(grouped.stdout)["figures"] == json.loads(alone.stdout)["figures"]
    wrong = runner.invoke(app, ["report", "2023", str(city), "--group", "汾阳市"])
    assert wrong.exit_code == 2 and "中阳县" in wrong.output


def test_by_as_csv(city: Path, tmp_path: Path) -> None:
    import csv

    out = tmp_path / "by.csv"
    result = runner.invoke(
        app, ["summarize", "2023", str(city), "--by", "folder", "-f", "csv", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(out.read_text(encoding="utf-8-sig").splitlines()))
    elders = next(r for r in rows if r["指标代码"] == "meals.elders")
    assert (elders["中阳县"], elders["柳林县"], elders["离石区"], elders["合计"]) == (
        "5",
        "5",
        "4",
        "13",
    )
    assert elders["合计等于各组之和"] == "否"
    gov = next(r for r in rows if r["指标代码"] == "meals.funding.gov")
    assert gov["中阳县"] == "135.00" and gov["合计等于各组之和"] == "是"


def test_by_in_every_export_format_says_the_same(city: Path, tmp_path: Path) -> None:
    """md, html and xlsx hold the csv's cells: each group's value, the total and whether
    it is the sum; money exact in the workbook (numbers, not text)."""
    from decimal import Decimal

    from openpyxl import load_workbook

    from zytalent.grouped import summarize_by
    from zytalent.writers.exports import grouped_table

    result = summarize_by(2023, [city], "folder", today=TODAY)
    header, rows = grouped_table(result)
    elders = next(r for r in rows if r[0] == "meals.elders")
    outputs = {}
    for fmt in ("md", "html", "xlsx"):
        out = tmp_path / f"by.{fmt}"
        done = runner.invoke(
            app, ["summarize", "2023", str(city), "--by", "folder", "-f", fmt, "-o", str(out)]
        )
        assert done.exit_code == 0, done.output
        outputs[fmt] = out
    markdown = outputs["md"].read_text(encoding="utf-8")
    assert "| meals.elders | 助餐服务老人 | 人 | 5 | 5 | 4 | 13 | 否 |" in markdown
    page = outputs["html"].read_text(encoding="utf-8")
    assert "<td>meals.elders</td>" in page and "<td class=n>13</td><td>否</td>" in page
    sheet = load_workbook(outputs["xlsx"]).active
    assert sheet is not None
    cells = [[c.value for c in row] for row in sheet.iter_rows()]
    assert cells[0] == header
    got = next(r for r in cells if r[0] == "meals.elders")
    assert got[: len(elders)] == elders
    gov = next(r for r in cells if r[0] == "meals.funding.gov")
    assert gov[3] == 135 and isinstance(next(r for r in rows if r[0] == gov[0])[3], Decimal)


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_by_file_fits_the_terminal_and_never_breaks_a_file_name(columns: int) -> None:
    import unicodedata

    from typer.testing import CliRunner

    from zytalent.cli.app import app

    data = Path(__file__).resolve().parent.parent / "data" / "2023"
    result = CliRunner().invoke(
        app, ["summarize", "2023", str(data), "--by", "file"], env={"COLUMNS": str(columns)}
    )
    assert result.exit_code == 0

    def width(text: str) -> int:
        return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)

    lines = result.stdout.splitlines()
    assert max(width(line) for line in lines) <= columns
    shown = 0
    for name in (p.name for p in data.iterdir()):
        if name[len(name) // 2 :] in result.stdout and width(name) < columns // 2:
            assert name in result.stdout, name  # shown whole, on one line, or not at all
            shown += 1
    assert shown >= 8
    assert len(lines) < 600  # 1,805 lines at 80 columns before groups became rows (299 now)
