"""Each reading rule that a plausible one-line bug would break, pinned by name. These were
mutants that survived the suite (see the README's mutation testing): each test here says
which rule it pins and fails if that rule changes."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

from helpers import TODAY, make_id, write_csv

from zytalent.load import load
from zytalent.reading.layout import _is_child_row, find_layout, month_in_text, month_of

TRAINING = ["培训项目", "培训类别", "开始日期", "结束日期", "培训人次"]


def test_a_date_header_names_a_month_only_on_the_first_of_the_month() -> None:
    # Excel turns a typed 2023-03 into the date 2023-03-01; any other day is a date, not a month
    assert month_of(dt.datetime(2023, 3, 1)) == (2023, 3)
    assert month_of(dt.date(2023, 12, 1)) == (2023, 12)
    assert month_of(dt.datetime(2023, 3, 2)) is None
    assert month_of(dt.date(2023, 3, 15)) is None


def test_a_sheet_name_with_two_months_is_no_single_period() -> None:
    assert month_in_text("2023年3月份助餐") == (2023, 3)
    assert month_in_text("3月") == (None, 3)
    assert month_in_text("3月、5月助餐") is None
    assert month_in_text("3月和4月") is None
    assert month_in_text("1-12月") is None


def test_a_child_header_row_names_different_children_under_its_parent() -> None:
    # a merged data cell repeats one value under a merged header: data, not a header row
    assert not _is_child_row(["培训时间", "培训时间"], ["开始", "开始"])
    assert _is_child_row(["培训时间", "培训时间"], ["开始", "结束"])


def test_a_header_block_is_at_most_three_rows() -> None:
    rows: list[list[object]] = [
        ["甲", "甲", "甲", "丁", "丁", "丁"],
        ["姓名", "学历", "乙", "乙", "乙", "乙"],
        [None, None, "身份证号", "引进单位", "丙", "丙"],
        [None, None, None, None, "引进领域", "到岗日期"],
        ["张三", "本科", make_id(seq=1), "县委办", "县直", "2023-03-15"],
    ]
    for upper, lower in itertools.pairwise(rows[:4]):
        assert _is_child_row(upper, lower)  # every row would join a longer block
    layout = find_layout(rows)
    assert (layout.kind, layout.first_row, layout.last_row) == ("hires", 0, 2)


def test_a_header_naming_exactly_half_the_required_columns_is_a_ledger() -> None:
    # hires requires six columns; three of them are enough to know the sheet
    assert find_layout([["姓名", "身份证号", "学历", "备注"]]).kind == "hires"


def test_a_subtotal_names_only_the_invalid_cells_it_covers(tmp_path: Path) -> None:
    rows = [
        TRAINING,
        ["甲班", "教师", "2023-03-01", "2023-03-02", 10],
        ["乙班", "教师", "2023-03-01", "2023-03-02", 20],
        ["小计", None, None, None, 31],  # wrong, and nothing invalid among rows 2-3
        ["丙班", "教师", "2023-04-01", "2023-04-02", "约5人"],  # invalid, after the 小计
        ["合计", None, None, None, 36],
    ]
    found = load([write_csv(tmp_path / "t.csv", rows)], today=TODAY).findings.items
    subtotal = next(f for f in found if f.cell == "E4")
    assert subtotal.code == "total_mismatch"
    total = next(f for f in found if f.cell == "E6")
    assert total.code == "total_mismatch_invalid" and "第 5 行" in total.message


def test_an_invalid_cell_with_no_number_does_not_explain_a_total(tmp_path: Path) -> None:
    rows = [
        TRAINING,
        ["甲班", "教师", "2023-03-01", "2023-03-02", 10],
        ["乙班", "教师", "2023-03-01", "2023-03-02", "若干"],
        ["合计", None, None, None, 30],
    ]
    found = load([write_csv(tmp_path / "t.csv", rows)], today=TODAY).findings.items
    total = next(f for f in found if f.code.startswith("total_mismatch"))
    assert total.code == "total_mismatch_invalid" and "第 3 行" in total.message
    assert "合计相符" not in total.message and "仍不相符" not in total.message
