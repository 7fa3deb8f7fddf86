"""The normalisers of values a clerk reads at once: a value and its informal spellings
parse to the same thing, each with a note; what is not recognised stays an error."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
from helpers import TODAY, make_id, write_csv
from hypothesis import given
from hypothesis import strategies as st

from zytalent.cells import informal
from zytalent.cells.values import CellError, parse_date, parse_fen, parse_id_number, parse_integer
from zytalent.ledgers import LEDGERS
from zytalent.load import load
from zytalent.summary import summarize

GENDER = LEDGERS["hires"].columns()["gender"]
EDUCATION = LEDGERS["hires"].columns()["education"]
MONEY = LEDGERS["meals"].columns()["gov"]


def parsed(column: object, raw: object) -> tuple[object, list[str]]:
    notes: informal.Notes = []
    value = column.parse(raw, 1, TODAY, notes)  # type: ignore[attr-defined]
    return value, [severity for severity, _, _ in notes]


@pytest.mark.parametrize(
    ("raw", "code", "severity"),
    [
        ("男性", "male", "info"),
        ("女性", "female", "info"),
        ("M", "male", "info"),
        ("f", "female", "info"),
    ],
)
def test_genders(raw: str, code: str, severity: str) -> None:
    assert parsed(GENDER, raw) == (code, [severity])
    assert parsed(GENDER, {"male": "男", "female": "女"}[code]) == (code, [])


@pytest.mark.parametrize(
    ("raw", "code", "severity"),
    [
        ("全日制本科", "bachelor", "info"),
        ("本科学历", "bachelor", "info"),
        ("全日制本科学历", "bachelor", "info"),
        ("研究生（硕士）", "master", "info"),
        ("研究生(博士)", "doctorate", "info"),
        ("在职研究生", "master", "warning"),
        ("研究生", "master", "warning"),
        ("大专学历", "college", "info"),
    ],
)
def test_education(raw: str, code: str, severity: str) -> None:
    assert parsed(EDUCATION, raw) == (code, [severity])


@pytest.mark.parametrize("raw", ["研究", "学历", "男女", "本科以上", "X"])
def test_what_is_not_recognised_stays_an_error(raw: str) -> None:
    column = GENDER if len(raw) <= 2 and raw in ("男女", "X") else EDUCATION
    with pytest.raises(CellError):
        parsed(column, raw)


@given(
    yuan=st.decimals(min_value=0, max_value=10**8, places=2, allow_nan=False),
    spelling=st.sampled_from(["{}元", "￥{}", "¥{}", "{:,}元", "￥{:,}", "人民币{}元"]),
)
def test_an_amount_and_its_informal_spellings_are_the_same_fen(
    yuan: Decimal, spelling: str
) -> None:
    plain = parse_fen(str(yuan))
    notes: informal.Notes = []
    assert parse_fen(spelling.format(yuan), notes=notes) == plain
    assert len(notes) == 1


@given(wan=st.decimals(min_value=0, max_value=10**4, places=6, allow_nan=False))
def test_wan_yuan_in_a_yuan_column_is_multiplied_exactly(wan: Decimal) -> None:
    notes: informal.Notes = []
    assert parse_fen(f"{wan}万元", notes=notes) == int(wan * 10000 * 100)
    assert parse_fen(str(wan), factor=10000) == int(wan * 10000 * 100)


def test_a_cell_unit_wins_over_the_header_and_a_bare_number_keeps_the_header() -> None:
    assert parse_fen("12000元", factor=10000) == 1_200_000
    assert parse_fen("1.2", factor=10000) == 1_200_000
    with pytest.raises(CellError):
        parse_fen("3.5万美元")


@given(count=st.integers(min_value=0, max_value=10**6), unit=st.sampled_from(informal.COUNT_UNITS))
def test_a_count_with_its_unit_is_the_count(count: int, unit: str) -> None:
    notes: informal.Notes = []
    assert parse_integer(f"{count}{unit}", notes=notes) == count
    assert len(notes) == 1


def test_counts_that_are_no_count_stay_errors() -> None:
    for raw in ("约20人", "20-30人", "人", "二十人"):
        with pytest.raises(CellError):
            parse_integer(raw)


@pytest.mark.parametrize("raw", sorted(informal.PLACEHOLDERS))
def test_placeholders_are_empty_in_optional_cells_and_missing_in_required_ones(raw: str) -> None:
    notes: informal.Notes = []
    assert parse_fen(raw, notes=notes) is None and len(notes) == 1
    with pytest.raises(CellError) as error:
        parse_fen(raw, required=True)
    assert error.value.code.code == "cell_empty"


CHINESE = "〇一二三四五六七八九"


def chinese_year(year: int) -> str:
    return "".join(CHINESE[int(d)] for d in str(year))


def chinese_small(number: int) -> str:
    tens, units = divmod(number, 10)
    return ("" if tens == 0 else ("" if tens == 1 else CHINESE[tens]) + "十") + (
        CHINESE[units] if units else ""
    )


@given(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)))
def test_chinese_numeral_dates(day: dt.date) -> None:
    text = f"{chinese_year(day.year)}年{chinese_small(day.month)}月{chinese_small(day.day)}日"
    notes: informal.Notes = []
    assert parse_date(text, notes=notes) == day
    assert len(notes) == 1


def test_an_impossible_chinese_date_is_an_error() -> None:
    with pytest.raises(CellError):
        parse_date("二〇二三年二月三十日")


@given(
    seq=st.integers(min_value=0, max_value=999),
    born=st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(1999, 12, 31)),
)
def test_a_15_digit_id_is_the_same_person_as_its_18_digit_form(seq: int, born: dt.date) -> None:
    full = make_id(born, seq)
    old = full[:6] + full[8:17]
    notes: informal.Notes = []
    assert parse_id_number(old, today=TODAY, notes=notes) == full
    assert len(notes) == 1


@given(
    marks=st.lists(st.sampled_from(["\u202d", "\u202c", "\u200b", "\ufeff", "\u200e"]), min_size=1)
)
def test_invisible_characters_are_removed_and_named(marks: list[str]) -> None:
    number = make_id(seq=7)
    raw = marks[0] + number[:9] + "".join(marks[1:]) + number[9:]
    notes: informal.Notes = []
    assert parse_id_number(raw, today=TODAY, notes=notes) == number
    assert len(notes) == 1 and f"U+{ord(marks[0]):04X}" in str(notes[0][1])


def test_the_same_elder_under_either_id_form_counts_once(tmp_path: Path) -> None:
    full = make_id(dt.date(1948, 7, 9), 13)
    header = ["日期", "服务点", "姓名", "身份证号", "就餐次数"]
    write_csv(tmp_path / "a.csv", [header, ["2023-01", "幸福小院", "刘大爷", full, 10]])
    write_csv(
        tmp_path / "b.csv",
        [header, ["2023-02", "幸福小院", "刘大爷", "\u202d" + full[:6] + full[8:17] + "\u202c", 5]],
    )
    summary = summarize(2023, [tmp_path], today=TODAY)
    assert summary.values["meals.elders"] == 1 and summary.values["meals.meals"] == 15
    notes = [f for f in summary.loaded.findings.items if f.code == "value_normalised"]
    assert len(notes) == 2  # the invisible characters, and the 15 digits
    for finding in notes:
        assert full not in finding.message


def test_a_note_covers_a_run_of_rows(tmp_path: Path) -> None:
    header = ["日期", "服务点", "姓名", "身份证号", "就餐次数"]
    rows = [
        ["2023-01", "幸福小院", f"老人{i}", make_id(dt.date(1940, 1, 1), i), f"{i + 1}次"]
        for i in range(50)
    ]
    loaded = load([write_csv(tmp_path / "m.csv", [header, *rows])], today=TODAY)
    (note,) = loaded.findings.items
    assert note.code == "value_normalised" and note.row == 2
    assert "第 2–51 行（50 处）" in note.message
