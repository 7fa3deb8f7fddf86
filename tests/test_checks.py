"""One test per check of the ledger contract (spec §3)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import HIRES_HEADER, TODAY, hire, make_id, write_csv, write_xlsx

from zytalent.diagnostics import i18n
from zytalent.diagnostics.findings import Finding
from zytalent.load import load

TRAINING_HEADER = ["培训项目", "培训类别", "开始日期", "结束日期", "培训人次"]
MEALS_HEADER = ["日期", "服务点", "姓名", "身份证号", "就餐次数", "政府补贴"]


def only(path: Path, **options: object) -> Finding:
    loaded = load([path], today=TODAY, **options)  # type: ignore[arg-type]
    problems = [f for f in loaded.findings.items if f.severity != "info"]
    assert len(problems) == 1, problems
    return problems[0]


def test_required_cell_empty(tmp_path: Path) -> None:
    rows = [HIRES_HEADER, hire("张三", 1)]
    rows[1][3] = "  "
    f = only(write_csv(tmp_path / "h.csv", rows))
    assert (f.severity, f.code, f.row, f.cell, f.column) == (
        "error",
        "cell_empty",
        2,
        "D2",
        "引进单位",
    )


def test_value_outside_allowed_set_lists_the_allowed_values(tmp_path: Path) -> None:
    f = only(write_csv(tmp_path / "h.csv", [HIRES_HEADER, hire("张三", 1, sector="农业")]))
    assert (f.code, f.cell, f.value) == ("value_not_allowed", "E2", "农业")
    assert "县直和乡镇" in f.message and "卫生系统" in f.message


def test_value_that_does_not_parse(tmp_path: Path) -> None:
    f = only(
        write_csv(
            tmp_path / "t.csv",
            [TRAINING_HEADER, ["甲", "教师", "2023-07-01", "2023-07-03", "三十"]],
        )
    )
    assert (f.code, f.cell, f.value) == ("not_a_number", "E2", "三十")


def test_negative_counts_and_amounts(tmp_path: Path) -> None:
    rows = [MEALS_HEADER, ["2023-03", "点", "王", make_id(dt.date(1950, 1, 1)), 3, "-5"]]
    f = only(write_csv(tmp_path / "m.csv", rows))
    assert (f.code, f.cell) == ("negative", "F2")
    rows = [TRAINING_HEADER, ["甲", "教师", "2023-07-01", "2023-07-03", "-3"]]
    assert only(write_csv(tmp_path / "t.csv", rows)).code == "negative"


def test_id_number_checks(tmp_path: Path) -> None:
    good = make_id(seq=1)
    cases = {
        good[:17] + ("0" if good[17] != "0" else "1"): "id_checksum",
        good[:16]: "id_format",
        good[:6] + "20991231" + good[14:]: "id_birth_date",
        good[:6] + "19900230" + good[14:]: "id_birth_date",
    }
    for number, code in cases.items():
        rows = [HIRES_HEADER, hire("张三", 1)]
        rows[1][1] = number
        f = only(write_csv(tmp_path / f"{code}.csv", rows))
        assert (f.code, f.cell) == (code, "B2"), number
        assert "*" in (f.value or "")  # masked


def test_id_numbers_are_masked_unless_asked(tmp_path: Path) -> None:
    good = make_id(seq=1)
    bad = good[:17] + ("0" if good[17] != "0" else "1")
    rows = [HIRES_HEADER, hire("张三", 1)]
    rows[1][1] = bad
    path = write_csv(tmp_path / "h.csv", rows)
    f = only(path)
    assert f.code == "id_checksum"
    assert f.value == bad[:6] + "********" + bad[-4:]
    assert bad not in f.message
    assert only(path, show_personal=True).value == bad


def test_same_person_twice_across_files_names_both_places(tmp_path: Path) -> None:
    write_csv(tmp_path / "a.csv", [HIRES_HEADER, hire("张三", 1)])
    write_xlsx(
        tmp_path / "b.xlsx", {"表": [["标题"], HIRES_HEADER, hire("张三", 1, sector="教育")]}
    )
    f = only(tmp_path)
    assert (f.severity, f.code, f.file, f.sheet, f.row, f.cell) == (
        "error",
        "duplicate_person",
        str(tmp_path / "b.xlsx"),
        "表",
        3,
        "B3",
    )
    assert str(tmp_path / "a.csv") in f.message and "第 2 行" in f.message


def test_the_same_row_twice_is_a_warning(tmp_path: Path) -> None:
    row = ["2023-03", "点", "王", make_id(dt.date(1950, 1, 1)), 3, "9"]
    f = only(write_csv(tmp_path / "m.csv", [MEALS_HEADER, row, row]))
    assert (f.severity, f.code, f.row) == ("warning", "duplicate_row", 3)
    assert "第 2 行" in f.message


def test_unique_certificate_numbers(tmp_path: Path) -> None:
    header = ["姓名", "身份证号", "职业", "技能等级", "证书编号", "发证日期"]
    rows = [
        header,
        ["甲", make_id(seq=1), "电工", "五级", "C-1", "2023-03-01"],
        ["乙", make_id(seq=2), "焊工", "四级", "C-1", "2023-03-01"],
    ]
    f = only(write_csv(tmp_path / "s.csv", rows))
    assert (f.code, f.row, f.cell, f.value) == ("duplicate_value", 3, "E3", "C-1")


def test_a_date_outside_the_year_is_a_warning_and_does_not_count(tmp_path: Path) -> None:
    path = write_csv(
        tmp_path / "h.csv", [HIRES_HEADER, hire("张三", 1), hire("李四", 2, date="2024-01-03")]
    )
    loaded = load([path], year=2023, today=TODAY)
    (f,) = loaded.findings.items
    assert (f.severity, f.code, f.row, f.cell, f.value) == (
        "warning",
        "outside_year",
        3,
        "F3",
        "2024-01-03",
    )
    assert loaded.frames["hires"]["_in_year"].tolist() == [True, False]


def test_end_date_before_start_date(tmp_path: Path) -> None:
    f = only(
        write_csv(
            tmp_path / "t.csv", [TRAINING_HEADER, ["甲", "教师", "2023-07-05", "2023-07-03", "30"]]
        )
    )
    assert (f.severity, f.code, f.row, f.cell, f.column) == (
        "error",
        "end_before_start",
        2,
        "D2",
        "结束日期",
    )
    assert "2023-07-05" in f.message


def test_elder_under_60_is_a_warning(tmp_path: Path) -> None:
    young = make_id(dt.date(1963, 6, 1), 5)
    rows = [
        MEALS_HEADER,
        ["2023-05", "点", "王", young, 3, "9"],
        ["2023-06", "点", "王", young, 3, "9"],
    ]
    f = only(write_csv(tmp_path / "m.csv", rows))
    assert (f.severity, f.code, f.row, f.cell) == ("warning", "elder_under_60", 2, "D2")
    assert "59" in f.message


def test_every_failing_cell_is_reported_not_just_the_first(tmp_path: Path) -> None:
    rows = [
        TRAINING_HEADER,
        ["", "体育", "昨天", "2023-07-03", "0"],
        ["乙", "教师", "2023-07-01", "x", "1.5"],
    ]
    loaded = load([write_csv(tmp_path / "t.csv", rows)], today=TODAY)
    assert sorted((f.cell, f.code) for f in loaded.findings.items) == [
        ("A2", "cell_empty"),
        ("B2", "value_not_allowed"),
        ("C2", "not_a_date"),
        ("D3", "not_a_date"),
        ("E2", "below_minimum"),
        ("E3", "not_integer"),
    ]


def test_messages_switch_to_english(tmp_path: Path) -> None:
    i18n.set_lang("en")
    f = only(write_csv(tmp_path / "h.csv", [HIRES_HEADER, hire("张三", 1, sector="农业")]))
    assert f.message.startswith("'农业' is not an allowed value")


def test_end_before_start_is_reported_beside_other_problems_in_the_row(tmp_path: Path) -> None:
    rows = [TRAINING_HEADER, ["甲", "教师", "2023-07-05", "2023-07-03", "x"]]
    loaded = load([write_csv(tmp_path / "t.csv", rows)], today=TODAY)
    assert sorted((f.cell, f.code) for f in loaded.findings.items) == [
        ("D2", "end_before_start"),
        ("E2", "not_a_number"),
    ]


def test_the_model_states_the_order_rule_too() -> None:
    import pytest
    from pydantic import ValidationError

    from zytalent.ledgers.training import TrainingClass

    with pytest.raises(ValidationError) as caught:
        TrainingClass.model_validate(
            {
                "program": "甲",
                "category": "教师",
                "start_date": "2023-07-05",
                "end_date": "2023-07-03",
                "trainees": "3",
            }
        )
    assert caught.value.errors()[0]["type"] == "end_before_start"


def test_text_that_lost_its_characters_is_a_warning(tmp_path: Path) -> None:
    rows = [HIRES_HEADER, hire("张?", 1), hire("王？明", 2), hire("李四", 3), hire("赵六", 4)]
    rows[3][3] = "县\ufffd院"  # the employer: a replacement character from a bad decode
    rows[4][3] = "县委办（?）"  # a question mark outside a name is left alone
    loaded = load([write_csv(tmp_path / "h.csv", rows)], today=TODAY)
    found = [(f.severity, f.code, f.cell, f.value) for f in loaded.findings.sorted()]
    assert found == [
        ("warning", "text_garbled", "A2", "张?"),
        ("warning", "text_garbled", "A3", "王？明"),
        ("warning", "text_garbled", "D4", "县\ufffd院"),
    ]
    assert len(loaded.frames["hires"]) == 4 and loaded.frames["hires"]["_valid"].all()


def test_every_finding_code_is_declared_once_with_its_words() -> None:
    """A code's message lives in its declaration, not in a second catalogue under its name."""
    import zytalent.checks.rules  # noqa: F401
    from zytalent.diagnostics.codes import CODES, Code
    from zytalent.diagnostics.i18n import Text
    from zytalent.diagnostics.messages import MESSAGES

    assert not set(CODES) & set(MESSAGES)
    for code, declared in CODES.items():
        assert declared.code == code
        assert declared.message.zh and declared.message.en, code
        assert declared.name.zh and declared.name.en, code
    with pytest.raises(ValueError, match="declared twice"):
        Code("file_unreadable", "file", "error", Text("x", "x"), Text("x", "x"))


def test_skip_invalid_counts_every_file_it_left_out(tmp_path: Path) -> None:
    """An unsafe-XML workbook, a zip bomb, a corrupt workbook and an old Excel file beside
    a good ledger: four files left out (before: only unreadable and no-ledger counted)."""
    from hostile.builders import good_workbook, rewrite_part, zip_bomb

    from zytalent.reading.safety import Limits
    from zytalent.summary import summarize

    good = good_workbook(tmp_path / "good.xlsx")
    rewrite_part(
        good,
        tmp_path / "unsafe.xlsx",
        "xl/worksheets/sheet1.xml",
        lambda xml: '<!DOCTYPE x [<!ENTITY a "b">]>' + xml,
    )
    zip_bomb(good, tmp_path / "bomb.xlsx", 40)
    (tmp_path / "corrupt.xlsx").write_bytes(good.read_bytes()[:300])
    (tmp_path / "old.xls").write_bytes(b"\x09\x04\x06\x00\x00\x00\x10\x00\x00\x00")
    result = summarize(
        2023, [tmp_path], skip_invalid=True, today=TODAY, limits=Limits(max_uncompressed_mb=16)
    )
    assert result.to_dict()["left_out"] == {"rows": 0, "files": 4}


def test_rules_are_registered_with_declared_codes() -> None:
    from zytalent.checks.rules import RULES
    from zytalent.diagnostics.codes import CODES

    names = [r.run.__module__.rsplit(".", 1)[1] for r in RULES]
    assert names == ["order", "age", "totals", "garbled", "region", "row_totals"]
    for registered in RULES:
        assert registered.codes, registered.name
        assert all(CODES[c.code] is c for c in registered.codes), registered.name


def test_a_finding_is_said_in_the_language_it_is_read_in(tmp_path: Path) -> None:
    rows = [HIRES_HEADER, hire("张三", 1), hire("张三", 1)]
    loaded = load([write_csv(tmp_path / "h.csv", rows)], today=TODAY)
    duplicate = next(f for f in loaded.findings.items if f.code == "duplicate_person")
    assert "同一人" in duplicate.message
    with i18n.using("en"):
        assert duplicate.message.startswith("The same person")
        assert "h.csv" in str(dict(duplicate.context)["other"])  # the other place, kept as data
        assert "row 2" in duplicate.message and "第" not in duplicate.message  # said whole


def test_findings_follow_the_workbook_sheet_order_and_columns(tmp_path: Path) -> None:
    wrong = hire("甲", 1)
    wrong[2] = "博士后"  # C: education
    wrong[4] = "卫健x"  # E: sector
    sheets = {"乙表": [HIRES_HEADER, wrong], "甲表": [HIRES_HEADER, hire("乙", 2, date="x")]}
    loaded = load([write_xlsx(tmp_path / "h.xlsx", sheets)], today=TODAY)
    placed = [(f.sheet, f.cell) for f in loaded.findings.sorted() if f.severity == "error"]
    # 乙表 is the first sheet of the workbook although 甲 sorts first by name
    assert placed == [("乙表", "C2"), ("乙表", "E2"), ("甲表", "F2")]


def test_every_finding_carries_its_declared_code() -> None:
    """A finding holds its code's declaration, also when it was made in the isolated
    reading process and came back pickled: over the bundled data and every fixture
    (layouts and the messy corpus), each equals the one registered under its name."""
    from zytalent.diagnostics.codes import CODES

    root = Path(__file__).resolve().parent.parent
    seen: set[str] = set()
    for path in [root / "data" / "2022", root / "data" / "2023", root / "tests" / "fixtures"]:
        for finding in load([path], year=2023, today=TODAY).findings.items:
            assert finding.declared == CODES[finding.code], finding
            seen.add(finding.code)
    assert len(seen) >= 25  # the run reaches most codes
