"""Templates: what a department fills in validates clean; what breaks the rules is caught."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

from helpers import TODAY, make_id
from openpyxl import load_workbook
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.load import load
from zytalent.writers.template import FIRST_DATA_ROW, build_template

runner = CliRunner()


def fill(template: bytes, sheet: str, rows: list[list[object]], path: Path) -> Path:
    book = load_workbook(io.BytesIO(template))
    target = book[sheet]
    for offset, row in enumerate(rows):
        for column, value in enumerate(row, 1):
            target.cell(FIRST_DATA_ROW + offset, column, value)
    book.save(path)
    return path


def test_a_filled_template_validates_clean(tmp_path: Path) -> None:
    template = build_template(["hires", "meals"], 2023)
    path = fill(
        template,
        "引进人才台账",
        [
            [
                "张三",
                "男",
                make_id(seq=1),
                "硕士研究生",
                "山西大学",
                "法学",
                "县委办",
                "县直和乡镇",
                "公开招聘",
                dt.date(2023, 8, 1),
            ],
            [
                "李四",
                "女",
                make_id(seq=2),
                "大学本科",
                None,
                None,
                "县医院",
                "卫生系统",
                None,
                "2023-09-01",
            ],
        ],
        tmp_path / "filled.xlsx",
    )
    path = fill(
        path.read_bytes(),
        "养老助餐台账",
        [
            [
                "2023-03",
                "郝家岭村幸福小院",
                "王大妈",
                make_id(dt.date(1950, 1, 1), 3),
                20,
                60,
                40,
                60,
                30,
                10.5,
            ],
        ],
        tmp_path / "filled.xlsx",
    )
    loaded = load([path], year=2023, today=TODAY)
    assert [f for f in loaded.findings.items if f.severity != "info"] == []
    assert loaded.frames["hires"]["_row"].tolist() == [4, 5]
    assert loaded.frames["meals"]["society"].tolist() == [1050]


def test_a_template_that_breaks_its_rules_is_caught(tmp_path: Path) -> None:
    good = make_id(seq=1)
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    path = fill(
        build_template(["hires"]),
        "引进人才台账",
        [
            ["张三", "男", bad, "博士后", None, None, "", "农业", None, "2023-13-01"],
        ],
        tmp_path / "broken.xlsx",
    )
    found = sorted(
        (f.code, f.cell) for f in load([path], today=TODAY).findings.items if f.severity == "error"
    )
    assert found == [
        ("cell_empty", "G4"),
        ("id_checksum", "C4"),
        ("not_a_date", "J4"),
        ("value_not_allowed", "D4"),
        ("value_not_allowed", "H4"),
    ]


def test_template_formats_drop_downs_rules_and_frozen_header(tmp_path: Path) -> None:
    book = load_workbook(io.BytesIO(build_template(["hires", "diaspora", "funds"])))
    assert book.sheetnames[0] == "填表说明" and book["选项"].sheet_state == "hidden"
    hires = book["引进人才台账"]
    assert hires.freeze_panes == "A4"
    assert [c.value for c in hires[3]][:3] == ["姓名", "性别", "身份证号"]
    assert hires["C4"].number_format == "@" and hires["J4"].number_format == "yyyy-mm-dd"
    assert (
        book["资金台账"]["E3"].value == "金额（元）"
        and book["资金台账"]["E4"].number_format == "#,##0.00"
    )
    assert book["在外人才库"]["E4"].number_format == "@"  # phone as text
    lists = [dv for dv in hires.data_validations.dataValidation if dv.type == "list"]
    assert {str(dv.sqref).split(":")[0] for dv in lists} == {"B4", "D4", "H4", "I4"}
    prompts = [dv for dv in hires.data_validations.dataValidation if dv.prompt]
    assert any("身份证" in (dv.prompt or "") or "18" in (dv.prompt or "") for dv in prompts)
    assert "一人只能出现一次" in hires["C3"].comment.text
    notes = [row[0] for row in book["填表说明"].iter_rows(values_only=True)]
    assert any("身份证号、手机号已设为文本格式" in (n or "") for n in notes)


def test_several_kinds_in_one_workbook_from_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "t.xlsx"
    result = runner.invoke(app, ["template", "hires", "meals", "--output", str(out)])
    assert result.exit_code == 0
    with zipfile.ZipFile(out) as archive:
        assert "xl/workbook.xml" in archive.namelist()
    assert runner.invoke(app, ["template", "hires", "--output", str(out)]).exit_code == 2
    assert (
        runner.invoke(app, ["template", "nonsense", "--output", str(tmp_path / "x.xlsx")]).exit_code
        == 2
    )
