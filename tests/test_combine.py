"""Frames from many files are put together exactly (the province case: hundreds of files)."""

from __future__ import annotations

import pandas as pd
from hypothesis import given
from hypothesis import strategies as st
from pandas.api.types import union_categoricals

from zytalent.checks.combine import union_of_categoricals

texts = st.lists(st.one_of(st.none(), st.sampled_from(["宁乡镇", "金罗镇", "", "a", "b"])))


@given(st.lists(texts, min_size=1, max_size=6))
def test_union_of_categoricals_equals_pandas(parts_values: list[list[str | None]]) -> None:
    parts = [
        pd.Categorical(
            values, categories=pd.Index(sorted({v for v in values if v is not None}), dtype=object)
        )
        for values in parts_values
    ]
    ours = union_of_categoricals(parts)
    theirs = union_categoricals(parts, ignore_order=True)
    assert ours.astype(object).tolist() == theirs.astype(object).tolist()
    assert len(ours.categories) == len(set(ours.categories))


def test_parts_without_categories() -> None:
    empty = pd.Categorical.from_codes([-1, -1], categories=pd.Index([], dtype=object))
    ours = union_of_categoricals([empty, pd.Categorical(["x", None]), empty])
    assert ours.codes.tolist() == [-1, -1, 0, -1, -1, -1]
    assert ours.categories.tolist() == ["x"]
