"""Checks across all tables of one kind: a person once per ledger, identical rows, the year."""

from __future__ import annotations

import numpy as np
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


def duplicate_findings(
    kind: str, frame: pd.DataFrame, headers: Headers, show_personal: bool
) -> tuple[list[fnd.Finding], np.ndarray]:
    """Errors for values that must be unique and warnings for identical rows.

    Hash-based (`duplicated`), so linear in the rows. Returns the findings and a mask
    of rows that lose validity (later occurrences of a unique value)."""
    found: list[fnd.Finding] = []
    invalid = np.zeros(len(frame), dtype=bool)
    columns = LEDGERS[kind].columns()
    fields = list(columns)
    valid = frame["_valid"].to_numpy(dtype=bool)
    flagged = np.zeros(len(frame), dtype=bool)
    for name, column in columns.items():
        if not column.unique:
            continue
        values = frame[name].where(frame["_valid"])
        repeats = values.notna() & values.duplicated(keep="first")
        if not repeats.any():
            continue
        first_at = values[values.notna()].drop_duplicates(keep="first")
        first_index = pd.Series(first_at.index, index=first_at.to_numpy())
        code = "duplicate_person" if column.kind == "id_number" else "duplicate_value"
        for position in np.flatnonzero(repeats.to_numpy()):
            value = str(values.iat[position])
            first = int(first_index[value])
            found.append(_at(frame, position, headers, name, "error", code,
                             value if show_personal else mask_value(value, column.kind),
                             other=_place_of(frame, first)))
            invalid[position] = True
            flagged[position] = True
    same = frame[fields].duplicated(keep="first").to_numpy() & valid & ~flagged
    if same.any():
        keys = frame[fields].astype(str).agg("\x1f".join, axis=1)
        first_of = keys[~keys.duplicated(keep="first")]
        first_index = pd.Series(first_of.index, index=first_of.to_numpy())
        for position in np.flatnonzero(same):
            first = int(first_index[keys.iat[position]])
            found.append(
                fnd.make("warning", "duplicate_row", file=frame.at[position, "_file"],
                         sheet=frame.at[position, "_sheet"], row=int(frame.at[position, "_row"]),
                         other=_place_of(frame, first))
            )
    return found, invalid


def _place_of(frame: pd.DataFrame, position: int) -> str:
    return place(frame.at[position, "_file"], frame.at[position, "_sheet"], int(frame.at[position, "_row"]))


def _at(
    frame: pd.DataFrame, position: int, headers: Headers, name: str,
    severity: fnd.Severity, code: str, value: str, **ctx: object,
) -> fnd.Finding:
    """A finding at one field of one record, addressed as the file has it."""
    file, sheet = frame.at[position, "_file"], frame.at[position, "_sheet"]
    row = int(frame.at[position, "_row"])
    header, letter = headers[(file, sheet, name)]
    return fnd.make(severity, code, file=file, sheet=sheet, row=row, column=header,
                    cell=f"{letter}{row}", value=value, **ctx)


def year_findings(
    kind: str, frame: pd.DataFrame, year: int, headers: Headers
) -> tuple[list[fnd.Finding], np.ndarray]:
    """Warnings for records dated outside the year; the mask of records that count."""
    name = LEDGERS[kind].year_field()
    dates = frame[name]
    in_year = (dates.dt.year == year).fillna(False).to_numpy(dtype=bool)
    outside = ~in_year & dates.notna().to_numpy() & frame["_valid"].to_numpy(dtype=bool)
    found = [
        _at(frame, p, headers, name, "warning", "outside_year", str(dates.iat[p].date()), year=year)
        for p in np.flatnonzero(outside)
    ]
    return found, in_year
