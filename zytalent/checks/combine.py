"""Putting the typed frames of many sheets and chunks together."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pandas as pd


def concat_frames(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate typed frames, keeping text columns categorical (plain concat would turn
    categoricals with different categories into Python objects)."""
    if len(frames) == 1:
        return frames[0]
    order = list(frames[0].columns)
    text = [n for n in order if all(isinstance(f[n].dtype, pd.CategoricalDtype) for f in frames)]
    # plain concat would first turn categoricals with different categories into objects
    combined = pd.concat([f.drop(columns=text) for f in frames], ignore_index=True)
    for name in text:
        combined[name] = union_of_categoricals([f[name].array for f in frames])
    return combined[order]


def union_of_categoricals(parts: Sequence[pd.Categorical]) -> pd.Categorical:
    """The parts one after another, over the union of their categories. One hash pass
    over all the parts' categories; pandas' union_categoricals re-hashes the growing union
    for every part, which is quadratic in the number of files."""
    categories = [np.asarray(p.categories, dtype=object) for p in parts]
    union_code, union = pd.factorize(np.concatenate(categories), use_na_sentinel=True)
    offsets = np.cumsum([0] + [len(c) for c in categories[:-1]])
    codes = np.full(sum(len(p) for p in parts), -1, dtype=np.int64)
    start = 0
    for part, offset in zip(parts, offsets, strict=True):
        own = part.codes.astype(np.int64)
        present = own >= 0  # -1 is a missing value in every part
        codes[start : start + len(part)][present] = union_code[offset + own[present]]
        start += len(part)
    return pd.Categorical.from_codes(codes, categories=pd.Index(union, dtype=object))
