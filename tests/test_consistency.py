"""The column checks and the pydantic models must agree on every cell."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest
from helpers import TODAY, make_id
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from zytalent.checks.columns import parse_column
from zytalent.ledgers import LEDGERS

cells = st.one_of(
    st.none(),
    st.text(max_size=20),
    st.integers(-5, 10**6),
    st.floats(allow_nan=False, allow_infinity=False, min_value=-1e6, max_value=1e18),
    st.just(float("nan")),
    st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2060, 1, 1)),
    st.sampled_from(
        [
            "2023-03",
            "2023年3月15日",
            "１２",
            "1,200",
            "博士",
            "县直",
            "五级",
            "高级技师",
            "12.345",
            "-1",
            make_id(),
            make_id().lower(),
            "1.41129E+17",
            "合计",
        ]
    ),
)


@pytest.mark.parametrize("kind", list(LEDGERS))
@settings(max_examples=max(60, settings.default.max_examples // 10), deadline=None)
@given(values=st.lists(cells, min_size=1, max_size=8))
def test_column_checks_agree_with_the_model(kind: str, values: list[object]) -> None:
    model = LEDGERS[kind]
    for name, column in model.columns().items():
        parsed = parse_column(column, pd.Series(values, dtype=object), 1, TODAY)
        for raw, flagged in zip(values, parsed.bad, strict=True):
            adapter_ok = True
            try:
                column.parse(raw, 1, TODAY)
            except ValueError:
                adapter_ok = False
            assert flagged == (not adapter_ok), (kind, name, raw)
            if flagged:
                with pytest.raises(ValidationError) as caught:
                    model.model_validate({name: raw}, context={"today": TODAY})
                assert any(e["loc"] == (name,) for e in caught.value.errors())
