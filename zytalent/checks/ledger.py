"""Checks across all tables of one kind: a person once per ledger, identical rows, the year."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import AFTER_YEAR, OUTSIDE_YEAR, Code
from zytalent.diagnostics.i18n import Text
from zytalent.diagnostics.words import ROW_NUMBER
from zytalent.ledgers import LEDGERS

# (file, sheet, part, field) -> (header as written, column letter); a sheet with one
# column per month has one part per month, each with its own columns
Headers = dict[tuple[str, str | None, int, str], tuple[str, str]]


PLACE = Text("{where} › {row}", "{where} › {row}")


def place(file: str, sheet: str | None, row: int) -> Text:
    """Where a record is (file › sheet › 第 N 行), a Text so that a finding naming it is
    said whole in the language it is read in, not the one it was found in."""
    return PLACE.format(
        where=" › ".join([file, sheet] if sheet else [file]), row=ROW_NUMBER.format(row=row)
    )


@dataclass
class Provenance:
    """Where each record of a combined frame came from, addressed as its file has it.
    Positions are looked up only for the few records a finding names."""

    files: Any  # array-likes (categorical), read at a position only when a finding needs it
    sheets: Any
    rows: npt.NDArray[np.int64]
    parts: npt.NDArray[np.int16]
    headers: Headers

    @classmethod
    def of(cls, frame: pd.DataFrame, headers: Headers) -> Provenance:
        return cls(
            frame["_file"].array,
            frame["_sheet"].array,
            frame["_row"].to_numpy(),
            frame["_part"].to_numpy(),
            headers,
        )

    def at(self, position: int) -> tuple[str, str | None, int]:
        files, sheets = self._texts
        return files(position), sheets(position), int(self.rows[position])

    @cached_property
    def _texts(self) -> tuple[Callable[[int], str], Callable[[int], str | None]]:
        """Readers of a file's and a sheet's name by position, made once: indexing a
        categorical costs microseconds a time, and a ledger with a thousand repeated IDs
        asks a few thousand times."""
        return _text_at(self.files, False), _text_at(self.sheets, True)

    def place(self, position: int) -> Text:
        return place(*self.at(position))

    def finding(
        self,
        position: int,
        name: str | None,
        code: Code,
        value: str | None = None,
        **ctx: Any,
    ) -> fnd.Finding:
        file, sheet, row = self.at(position)
        if name is None:
            return fnd.make(code, file=file, sheet=sheet, row=row, value=value, **ctx)
        header, letter = self.headers[(file, sheet, int(self.parts[position]), name)]
        return fnd.make(
            code,
            file=file,
            sheet=sheet,
            row=row,
            column=header,
            cell=f"{letter}{row}" if letter else None,
            value=value,
            **ctx,
        )


def _text_at(values: Any, none_if_missing: bool) -> Callable[[int], Any]:
    """A reader of `values` (a categorical, or any array-like) by position as text; a
    missing value is None with `none_if_missing`, else the text "nan" as str() gives."""
    absent = None if none_if_missing else "nan"
    if isinstance(values, pd.Categorical):
        codes = values.codes
        names = [str(c) for c in values.categories]
        return lambda position: absent if (code := codes[position]) < 0 else names[code]

    def read(position: int) -> str | None:
        value = values[position]
        return absent if none_if_missing and pd.isna(value) else str(value)

    return read


def row_hashes(keys: pd.DataFrame) -> npt.NDArray[np.uint64]:
    """A 64-bit hash per row from the values of each column (text by its characters,
    dates and integers as numbers), so that equal rows hash equal in every batch of rows
    and every file; the rare collision is sorted out by the exact grouping that follows."""
    hashes = np.full(len(keys), 0xCBF29CE484222325, dtype=np.uint64)
    prime = np.uint64(0x100000001B3)
    missing = np.uint64(0x9E3779B97F4A7C15)
    for name in keys.columns:
        column = keys[name]
        if isinstance(column.dtype, pd.CategoricalDtype):
            # each distinct text hashed once, then taken by the codes
            categories = np.asarray(column.cat.categories, dtype=object)
            per_value = np.append(pd.util.hash_array(categories), missing)
            codes = column.cat.codes.to_numpy()
            values = per_value[np.where(codes < 0, len(categories), codes)]
        elif pd.api.types.is_datetime64_any_dtype(column.dtype):
            # numbers are their own value in every batch: no need to hash them first
            values = column.to_numpy(dtype="datetime64[s]").view(np.uint64)
        elif isinstance(column.dtype, pd.Int64Dtype):
            values = column.fillna(-(2**62)).to_numpy(dtype=np.int64).view(np.uint64)
        else:
            values = pd.util.hash_array(column.to_numpy(dtype=object))
        with np.errstate(over="ignore"):
            hashes = (hashes ^ values) * prime
    return hashes


def repeated_rows(
    keys: pd.DataFrame, rows: npt.NDArray[np.intp]
) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Among `rows` (positions in `keys`), those whose keys appeared in an earlier one of
    them, and the position of that first row.

    A 64-bit hash per row finds the candidates in linear time, without copying the rows;
    only the candidates are then grouped on the real values, so the result is exact (a
    hash collision costs nothing)."""
    empty = np.zeros(0, dtype=np.intp)
    if keys.empty or not len(rows):
        return empty, empty
    hashes = pd.Series(row_hashes(keys)[rows])
    candidates = rows[np.flatnonzero(hashes.duplicated(keep=False).to_numpy())]
    if not len(candidates):
        return empty, empty
    subset = keys.iloc[candidates]
    groups = subset.groupby(list(subset.columns), dropna=False, sort=False).ngroup().to_numpy()
    first_of_group = np.full(groups.max() + 1, len(keys), dtype=np.intp)
    np.minimum.at(first_of_group, groups, candidates)
    first = first_of_group[groups]
    later = first != candidates
    return candidates[later], first[later]


def year_findings(
    kind: str, frame: pd.DataFrame, year: int, where: Provenance
) -> tuple[list[fnd.Finding], npt.NDArray[np.bool_]]:
    """Warnings for records dated outside the year; the mask of records that count.
    Cumulative ledgers (a pool, a stock of centres) count everything dated up to the year."""
    model = LEDGERS[kind]
    name = model.year_field()
    days = frame[name].to_numpy(dtype="datetime64[D]")
    years = days.astype("datetime64[Y]").astype(np.int64) + 1970  # NaT gives a huge negative
    in_year = (years <= year) & ~np.isnat(days) if model.cumulative else years == year
    outside = ~in_year & ~np.isnat(days) & frame["_valid"].to_numpy(dtype=bool)
    code = AFTER_YEAR if model.cumulative else OUTSIDE_YEAR
    found = [
        where.finding(p, name, code, str(days[p]), year=year)
        for p in np.flatnonzero(outside).tolist()
    ]
    return found, in_year
