"""Derived columns some figures need, computed on the records that count."""

from __future__ import annotations

import pandas as pd

# kinds whose derived columns look at all their records (a person's best level of the year)
DERIVED_OVER_ALL_RECORDS = frozenset({"skills"})


EVERY_FIELD = -1  # as a `_bad` mask: a record with any invalid field is left out


def that_count(frame: pd.DataFrame, mask: int = EVERY_FIELD) -> pd.DataFrame:
    """The records of the year whose fields under `mask` are valid (validity.py): by
    default those with no invalid field at all; no copy when all of them count."""
    keep = frame["_in_year"].to_numpy(dtype=bool) & ((frame["_bad"].to_numpy() & mask) == 0)
    return frame if keep.all() else frame[keep]


def prepare(kind: str, counted: pd.DataFrame) -> pd.DataFrame:
    if kind == "skills" and len(counted):
        # A person with several certificates counts once, at the highest level of the year
        # (level 1 is the highest).
        counted = counted.assign(best_level=counted.groupby("id_number")["level"].transform("min"))
    elif kind == "skills":
        counted = counted.assign(best_level=pd.Series(dtype="Int64"))
    return counted
