"""Checks across all tables of one kind: a person once per ledger, identical rows, the year."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from zytalent import findings as fnd
from zytalent.i18n import pick
from zytalent.ledgers import LEDGERS
from zytalent.masking import mask_value

# (file, sheet, field) -> (header as written, column letter)
Headers = dict[tuple[str, str | None, str], tuple[str, str]]


def place(file: str, sheet: str | None, row: int) -> str:
    parts = [file, sheet] if sheet else [file]
    return " › ".join([*parts, pick(f"第 {row} 行", f"row {row}")])


@dataclass
class Provenance:
    """Where each record of a combined frame came from, addressed as its file has it."""

    files: list[str]
    sheets: list[str | None]
    rows: list[int]
    headers: Headers

    @classmethod
    def of(cls, frame: pd.DataFrame, headers: Headers) -> Provenance:
        return cls(
            [str(f) for f in frame["_file"]],
            [None if s is None or s != s else str(s) for s in frame["_sheet"]],
            [int(r) for r in frame["_row"]],
            headers,
        )

    def place(self, position: int) -> str:
        return place(self.files[position], self.sheets[position], self.rows[position])

    def finding(
        self,
        position: int,
        name: str | None,
        severity: fnd.Severity,
        code: str,
        value: str | None = None,
        **ctx: Any,
    ) -> fnd.Finding:
        file, sheet, row = self.files[position], self.sheets[position], self.rows[position]
        if name is None:
            return fnd.make(severity, code, file=file, sheet=sheet, row=row, value=value, **ctx)
        header, letter = self.headers[(file, sheet, name)]
        return fnd.make(
            severity,
            code,
            file=file,
            sheet=sheet,
            row=row,
            column=header,
            cell=f"{letter}{row}",
            value=value,
            **ctx,
        )


def first_occurrence(keys: pd.DataFrame) -> npt.NDArray[np.int64]:
    """For every row, the position of the first row with the same keys (exact, hash-based)."""
    if keys.empty:
        return np.zeros(0, dtype=np.int64)
    groups = keys.groupby(list(keys.columns), dropna=False, sort=False).ngroup().to_numpy()
    first_of_group = np.full(groups.max() + 1, len(keys), dtype=np.int64)
    np.minimum.at(first_of_group, groups, np.arange(len(keys)))
    return first_of_group[groups]


def duplicate_findings(
    kind: str, frame: pd.DataFrame, where: Provenance, show_personal: bool
) -> tuple[list[fnd.Finding], npt.NDArray[np.bool_]]:
    """Errors for values that must be unique and warnings for identical rows.

    Grouping, never pairwise, so linear in the rows. Returns the findings and a mask of
    the rows that lose validity (later occurrences of a unique value)."""
    found: list[fnd.Finding] = []
    invalid = np.zeros(len(frame), dtype=bool)
    columns = LEDGERS[kind].columns()
    positions = np.arange(len(frame))
    for name, column in columns.items():
        if not column.unique:
            continue
        values = frame[name].where(frame["_valid"])
        first = first_occurrence(values.to_frame())
        repeats = values.notna().to_numpy() & (first != positions)
        code = "duplicate_person" if column.kind == "id_number" else "duplicate_value"
        for position in np.flatnonzero(repeats).tolist():
            value = str(values.iat[position])
            shown = value if show_personal else mask_value(value, column.kind)
            found.append(
                where.finding(
                    position, name, "error", code, shown, other=where.place(int(first[position]))
                )
            )
        invalid |= repeats
    first = first_occurrence(frame[list(columns)])
    same = (first != positions) & frame["_valid"].to_numpy(dtype=bool) & ~invalid
    for position in np.flatnonzero(same).tolist():
        found.append(
            where.finding(
                position, None, "warning", "duplicate_row", other=where.place(int(first[position]))
            )
        )
    return found, invalid


def year_findings(
    kind: str, frame: pd.DataFrame, year: int, where: Provenance
) -> tuple[list[fnd.Finding], npt.NDArray[np.bool_]]:
    """Warnings for records dated outside the year; the mask of records that count."""
    name = LEDGERS[kind].year_field()
    dates = frame[name]
    in_year = (dates.dt.year == year).fillna(False).to_numpy(dtype=bool)
    outside = ~in_year & dates.notna().to_numpy() & frame["_valid"].to_numpy(dtype=bool)
    shown = dates.dt.strftime("%Y-%m-%d")
    found = [
        where.finding(p, name, "warning", "outside_year", str(shown.iat[p]), year=year)
        for p in np.flatnonzero(outside).tolist()
    ]
    return found, in_year
