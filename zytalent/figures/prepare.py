"""The records that count towards the year, in the fields a figure uses."""

from __future__ import annotations

import pandas as pd

EVERY_FIELD = -1  # as a `_bad` mask: a record with any invalid field is left out


def that_count(frame: pd.DataFrame, mask: int = EVERY_FIELD) -> pd.DataFrame:
    """The records of the year whose fields under `mask` are valid (validity.py): by
    default those with no invalid field at all; no copy when all of them count."""
    keep = frame["_in_year"].to_numpy(dtype=bool) & ((frame["_bad"].to_numpy() & mask) == 0)
    return frame if keep.all() else frame[keep]
