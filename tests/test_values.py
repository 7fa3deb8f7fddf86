from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from zytalent.cells.values import CellError, parse_date, parse_fen, parse_integer, parse_text

dates = st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31))
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@given(
    dates,
    st.sampled_from(
        [
            "{d:%Y-%m-%d}",
            "{d.year}/{d.month}/{d.day}",
            "{d.year}.{d.month}.{d.day}",
            "{d.year}年{d.month}月{d.day}日",
            "{d:%Y%m%d}",
            " {d:%Y-%m-%d} ",
            "{d:%Y-%m-%d} 00:00:00",
        ]
    ),
)
def test_every_date_form_round_trips(day: dt.date, form: str) -> None:
    assert parse_date(form.format(d=day)) == day


@given(dates)
def test_real_date_cells_and_excel_serials(day: dt.date) -> None:
    serial = (day - dt.date(1899, 12, 30)).days
    assert parse_date(day) == day
    assert parse_date(dt.datetime.combine(day, dt.time(8, 30))) == day
    assert parse_date(float(serial)) == day
    assert parse_date(serial + 0.75) == day  # a date-time serial
    assert parse_date(str(serial)) == day


@given(
    dates,
    st.sampled_from(
        [
            "{d.year}-{d.month:02d}",
            "{d.year}/{d.month:02d}",
            "{d.year}.{d.month:02d}",
            "{d.year}年{d.month}月",
        ]
    ),
)
def test_months_mean_their_first_day(day: dt.date, form: str) -> None:
    assert parse_date(form.format(d=day)) == day.replace(day=1)


def test_month_typed_as_a_number_is_ambiguous() -> None:
    with pytest.raises(CellError) as caught:
        parse_date(2023.1)
    assert caught.value.code.code == "date_ambiguous"


@pytest.mark.parametrize("text", ["2023-02-30", "2023年13月1日", "明天", "2023-3-15-1"])
def test_impossible_dates_are_errors(text: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_date(text)
    assert caught.value.code.code == "not_a_date"


@given(st.integers(0, 10**12), st.booleans(), st.booleans(), st.booleans())
def test_integers_as_text_round_trip(n: int, commas: bool, full_width: bool, spaces: bool) -> None:
    text = f"{n:,}" if commas else str(n)
    if full_width:
        text = text.translate(FULL_WIDTH)
    if spaces:
        text = f"  {text} "
    assert parse_integer(text) == n
    assert parse_integer(float(n) if n < 2**52 else n) == n


@given(st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False))
def test_money_is_exact_to_the_fen(amount: Decimal) -> None:
    assert parse_fen(str(amount)) == int(amount * 100)
    assert parse_fen(f"{amount:,}") == int(amount * 100)
    assert parse_fen(float(amount)) == int(amount * 100)


@given(st.decimals(min_value=0, max_value=10**6, places=6, allow_nan=False))
def test_money_in_wan_yuan_scales_exactly(amount: Decimal) -> None:
    yuan = amount * 10_000
    fen = yuan * 100
    if fen == fen.to_integral_value():
        assert parse_fen(str(amount), factor=10_000) == int(fen)
    else:
        with pytest.raises(CellError):
            parse_fen(str(amount), factor=10_000)


def test_float_noise_from_excel_formulas_is_rounded_but_typed_fractions_of_a_fen_are_not() -> None:
    assert parse_fen(0.1 + 0.2) == 30  # 0.30000000000000004: noise above a whole fen
    assert parse_fen(19.9 * 3) == 5970  # 59.699999999999996: noise below, rounded up
    assert parse_fen(1.15 * 3) == 345  # 3.4499999999999997
    assert parse_fen(0.07 * 100, factor=10_000) == 7_000_000  # 7.000000000000001 万元
    assert parse_fen(601.09, factor=10_000) == 601_090_000
    with pytest.raises(CellError) as caught:
        parse_fen("12.345")
    assert caught.value.code.code == "money_precision"


@given(st.integers(0, 10**9), st.integers(1, 9))
def test_a_formula_result_is_the_fen_it_stands_for(fen: int, times: int) -> None:
    """Excel's binary doubles miss a whole fen above or below; either way it is that fen."""
    value = fen / 100 * times
    assert parse_fen(value) == round(fen * times)


@pytest.mark.parametrize(
    ("raw", "code"),
    [("-1", "negative"), ("abc", "not_a_number"), ("1.5", "not_integer"), (True, "not_a_number")],
)
def test_integer_errors(raw: object, code: str) -> None:
    with pytest.raises(CellError) as caught:
        parse_integer(raw)
    assert caught.value.code.code == code


def test_minimum_and_required() -> None:
    with pytest.raises(CellError) as caught:
        parse_integer("0", minimum=1)
    assert caught.value.code.code == "below_minimum"
    with pytest.raises(CellError) as caught:
        parse_integer("  ", required=True)
    assert caught.value.code.code == "cell_empty"
    assert parse_integer("", required=False) is None


def test_text_keeps_rare_characters_exactly() -> None:
    assert parse_text("  𠀀𪚥明 ") == "𠀀𪚥明"
    assert parse_text(12.0) == "12"
