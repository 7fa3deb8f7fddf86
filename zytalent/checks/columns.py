"""Parse whole columns: each distinct value is parsed once by the column's own parser.

Ledger columns repeat heavily (a month, a service point, an elder's ID number), so a
million cells hold a few thousand distinct values; the result is mapped back with numpy.
ID numbers are additionally checked with a vectorised check-character test.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

from zytalent.cells.identifiers import id_codes_valid, id_valid_mask
from zytalent.cells.informal import Note, Notes
from zytalent.cells.values import CellError
from zytalent.ledgers.base import Column


@dataclass
class ParsedColumn:
    values: pd.Series
    bad: npt.NDArray[np.bool_]  # the cell does not hold what the column needs
    # what was read informally: (the distinct value's slot, its note), and each row's slot
    notes: list[tuple[int, Note]] = field(default_factory=list)
    slots: npt.NDArray[np.intp] = field(default_factory=lambda: np.zeros(0, dtype=np.intp))


def parse_column(column: Column, raw: pd.Series, factor: int, today: dt.date) -> ParsedColumn:
    codes, found = pd.factorize(raw, use_na_sentinel=True)
    # pandas gives the distinct values as an Index; its array keeps the Arrow buffers
    uniques = found.array if isinstance(found, pd.Index) else found
    values = _python_values(uniques)
    distinct = [*values, None]  # the last slot stands for missing cells (code -1)
    parsed: list[object] = [None] * len(distinct)
    bad = np.zeros(len(distinct), dtype=bool)
    prechecked = _valid_ids(uniques, values, today) if column.kind == "id_number" else None
    noted: list[tuple[int, Note]] = []
    for i, value in enumerate(distinct):
        if prechecked is not None and prechecked[i] is not None:
            parsed[i] = prechecked[i]
            continue
        notes: Notes = []
        try:
            parsed[i] = column.parse(value, factor, today, notes)
        except CellError:
            bad[i] = True
            continue
        noted.extend((i, n) for n in notes)
    take = np.where(codes < 0, len(distinct) - 1, codes)
    return ParsedColumn(_typed(column, parsed, take, raw.index), bad[take], noted, take)


def _python_values(uniques: object) -> list[object]:
    """The distinct values as Python objects. Arrow text is converted by pyarrow in one
    call; pandas' tolist would build one Arrow scalar per value first."""
    import pyarrow as pa

    if isinstance(uniques, pd.arrays.ArrowExtensionArray):
        return list(pa.array(uniques).to_pylist())
    return list(uniques.tolist())  # type: ignore[attr-defined]


def empty_column(column: Column, index: pd.Index) -> pd.Series:
    """The typed column for a field the sheet does not have."""
    return _typed(column, [None], np.zeros(len(index), dtype=np.intp), index)


def _valid_ids(uniques: object, values: list[object], today: dt.date) -> list[str | None]:
    """Plain ID numbers that pass the vectorised check (one slot per distinct value, and
    one for missing cells); the rest, None here, go the scalar way."""
    fast = _valid_ids_arrow(uniques, values, today)
    if fast is not None:
        return fast
    # only text can be a plain ID number; dates, numbers and the like go the scalar way
    text = pd.Series([v if isinstance(v, str) else "" for v in values], dtype=object)
    plain = text.str.strip().str.upper()
    fixed = plain.where(plain.str.len() == 18, "").to_numpy(dtype="<U18")
    ok = id_valid_mask(fixed, today)
    return [str(number) if good else None for number, good in zip(fixed, ok, strict=True)] + [None]


def _valid_ids_arrow(
    uniques: object, values: list[object], today: dt.date
) -> list[str | None] | None:
    """The common case, Arrow text (what a CSV gives): values of 18 bytes are checked in
    place, without making Python strings first; the others (None here) go the scalar way
    with the exact messages. None when the values are not Arrow text."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if not isinstance(uniques, pd.api.extensions.ExtensionArray):
        return None
    try:
        array = pa.array(uniques, type=pa.string())
    except (pa.ArrowInvalid, pa.ArrowTypeError, TypeError):
        return None
    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    plain = pc.equal(pc.binary_length(array), 18).fill_null(False)
    positions = np.flatnonzero(plain.to_numpy(zero_copy_only=False))
    result: list[str | None] = [None] * (len(values) + 1)
    if not len(positions):
        return result
    fixed = array.take(pa.array(positions)).cast(pa.binary()).cast(pa.binary(18))
    start = fixed.offset * 18
    codes = np.frombuffer(fixed.buffers()[1], dtype=np.uint8)[start : start + len(fixed) * 18]
    ok = id_codes_valid(codes.reshape(-1, 18).astype(np.int32), today)
    for position in positions[ok].tolist():
        value = values[position]
        result[position] = value if isinstance(value, str) else None
    return result


def _typed(
    column: Column, parsed: list[object], take: npt.NDArray[np.intp], index: pd.Index
) -> pd.Series:
    if column.kind == "date":
        days = np.array(
            [
                np.datetime64(v, "D") if isinstance(v, dt.date) else np.datetime64("NaT")
                for v in parsed
            ],
            dtype="datetime64[D]",
        )
        return pd.Series(days[take].astype("datetime64[s]"), index=index)
    if column.kind in ("integer", "money") or (
        column.choices and isinstance(column.choices[0].code, int)
    ):
        ints = np.array([v if isinstance(v, int) else 0 for v in parsed], dtype=np.int64)
        missing = np.array([not isinstance(v, int) for v in parsed], dtype=bool)
        return pd.Series(pd.arrays.IntegerArray(ints[take], missing[take]), index=index)
    # Text as a categorical: the distinct values once, an integer code per row. Grouping,
    # hashing and distinct counts then work on the codes. Different raw values can parse
    # to the same text (" 张三" and "张三"), so the categories are made distinct first.
    codes, categories = pd.factorize(pd.Series(parsed, dtype=object), use_na_sentinel=True)
    return pd.Series(
        pd.Categorical.from_codes(codes[take], categories=pd.Index(categories, dtype=object)),
        index=index,
    )
