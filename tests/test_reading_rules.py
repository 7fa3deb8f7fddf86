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


def test_a_sheet_name_names_its_month_in_every_form_offices_write() -> None:
    # a Chinese numeral month, the year joined by a dash or a dot, the year written with 年
    assert month_in_text("三月") == (None, 3)
    assert month_in_text("十一月助餐") == (None, 11)
    assert month_in_text("十二月") == (None, 12)
    assert month_in_text("2023-03") == (2023, 3)
    assert month_in_text("助餐2023.11") == (2023, 11)
    assert month_in_text("2023年03月") == (2023, 3)
    assert month_in_text("2023.3月") == (2023, 3)
    # no month, or a year alone, is no period
    assert month_in_text("助餐台账") is None
    assert month_in_text("2023年") is None
    assert month_in_text("2023年1月—12月") is None
    assert month_in_text("2023年1-12月") is None
    # a year joined to its month by a dash is no span; the 3 of 13月 or 2013月报 no month
    assert month_in_text("2023-3月") == (2023, 3)
    assert month_in_text("13月") is None
    assert month_in_text("2013月报") is None


def _row_total_findings(tmp_path: Path, rows: list[list[object]]) -> list[tuple[str | None, str]]:
    from helpers import write_xlsx

    path = write_xlsx(tmp_path / "wide.xlsx", {"助餐": rows})
    found = load([path], today=TODAY).findings.items
    return [(f.cell, f.message) for f in found if f.code == "row_total_mismatch"]


def _meal_months(totals: list[object]) -> list[list[object]]:
    """Two elders, meals in 1月 and 2月, and a 全年 column holding `totals`."""
    rows: list[list[object]] = [["服务点", "姓名", "身份证号", "2023年1月", "2023年2月", "全年"]]
    people = [
        ("王大妈", make_id(dt.date(1950, 3, 1), 11)),
        ("刘大爷", make_id(dt.date(1948, 7, 9), 13)),
    ]
    for (name, number), total in zip(people, totals, strict=True):
        rows.append(["幸福小院", name, number, 10, 20, total])
    return rows


def test_a_row_total_names_the_months_whose_values_it_could_not_add(tmp_path: Path) -> None:
    rows = _meal_months([30, 31])
    rows[2][4] = "二十"  # 2月 of the second elder is no number: the months add up to 10
    [(cell, message)] = _row_total_findings(tmp_path, rows)
    assert cell == "F3"
    assert "31" in message and "10" in message and "2023年2月 的数值无效" in message


def test_a_blank_or_unreadable_row_total_is_passed_over_and_the_next_rows_still_checked(
    tmp_path: Path,
) -> None:
    for first in (None, "约三十"):
        rows = _meal_months([first, 31])
        assert [cell for cell, _ in _row_total_findings(tmp_path, rows)] == ["F3"], first


def test_a_table_under_a_line_of_labels_and_values_is_a_table_not_one_form(
    tmp_path: Path,
) -> None:
    """引进单位 | 县委办 above the header reads as half a 一人一表 form (with the last header
    and the value below it); the header names more of the ledger, so the table wins."""
    from helpers import write_xlsx

    from zytalent.reading.forms import read_form
    from zytalent.reading.grid import Grid

    rows: list[list[object]] = [
        ["引进单位", "县委办", "引进领域", "县直"],
        ["姓名", "身份证号", "学历", "到岗日期"],
    ]
    for i in range(3):
        rows.append([f"张{i}", make_id(dt.date(1990, 1, 1 + i), 11 + 2 * i), "本科", "2023-03-15"])
    import pandas as pd

    form = read_form(Grid("x.xlsx", "引进人才", pd.DataFrame(rows, dtype=object)))
    assert form is not None and form.share == 0.5  # the case this pins: both readings exist
    path = write_xlsx(tmp_path / "table.xlsx", {"引进人才": rows})
    assert len(load([path], today=TODAY).frames["hires"]) == 3
