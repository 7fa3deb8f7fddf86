"""Check one ledger table: every column at once, then explain the rows that fail."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from zytalent import findings as fnd
from zytalent.checks.columns import empty_column, parse_column
from zytalent.checks.explain import explain_cells, explain_order
from zytalent.figures.units import format_fen
from zytalent.ledgers import LEDGERS
from zytalent.masking import mask_value
from zytalent.reading.tables import LedgerTable
from zytalent.values import CellError

PROVENANCE = ("_file", "_sheet", "_row")


@dataclass
class CheckedTable:
    table: LedgerTable
    frame: pd.DataFrame  # typed fields, provenance columns and `_valid`
    findings: list[fnd.Finding]


def check_table(table: LedgerTable, today: dt.date, show_personal: bool = False) -> CheckedTable:
    model = LEDGERS[table.kind]
    columns = model.columns()
    where = {"file": table.file, "sheet": table.sheet}
    found: list[fnd.Finding] = []
    for name in table.missing:
        column = columns[name]
        found.append(
            fnd.make(
                "error",
                "column_missing",
                **where,
                row=table.header_row,
                column=column.header,
                aliases="、".join(column.aliases) or "—",
            )
        )
    for ignored, kept in table.duplicates:
        found.append(
            fnd.make(
                "warning",
                "column_duplicate",
                **where,
                row=table.header_row,
                column=ignored.header,
                cell=f"{ignored.letter}{table.header_row}",
                other=kept.letter,
            )
        )
    if table.footer_rows:
        found.append(
            fnd.make(
                "info",
                "rows_skipped",
                **where,
                row=table.footer_rows[0],
                rows=", ".join(map(str, table.footer_rows)),
            )
        )

    records = table.records
    frame = pd.DataFrame(index=records.index)
    bad_cells: dict[str, np.ndarray] = {}
    for name, column in columns.items():
        if name in table.columns:
            parsed = parse_column(column, records[name], table.columns[name].factor, today)
            frame[name] = parsed.values
            bad_cells[name] = parsed.bad
        else:
            frame[name] = empty_column(column, records.index)
    bad = np.zeros(len(records), dtype=bool)
    for mask in bad_cells.values():
        bad |= mask
    found.extend(explain_cells(table, bad_cells, today, show_personal))
    for name, column in columns.items():
        if column.not_before and name in table.columns and column.not_before in table.columns:
            later, earlier = frame[name], frame[column.not_before]
            out_of_order = np.asarray((later < earlier).fillna(False), dtype=bool)
            found.extend(
                explain_order(
                    table, name, column.not_before, np.flatnonzero(out_of_order), show_personal
                )
            )
            bad |= out_of_order
    valid = ~bad if not table.missing else np.zeros(len(records), dtype=bool)

    constant = np.zeros(len(records), dtype=np.int8)  # one category: a code per row, no strings
    frame["_file"] = pd.Categorical.from_codes(
        constant, categories=pd.Index([table.file], dtype=object)
    )
    frame["_sheet"] = (
        pd.Categorical.from_codes(constant, categories=pd.Index([table.sheet], dtype=object))
        if table.sheet is not None
        else pd.Categorical.from_codes(constant - 1, categories=pd.Index([], dtype=object))
    )
    frame["_row"] = records.index.to_numpy()
    frame["_valid"] = valid
    frame = frame.reset_index(drop=True)
    found.extend(_age_warnings(table, frame, show_personal))
    found.extend(_total_warnings(table, frame, today))
    found.extend(_garbled_warnings(table, frame))
    return CheckedTable(table, frame, found)


# U+FFFD is what a decoder leaves for bytes it could not read; a question mark in a
# person's name is what a lossy save ("ANSI" on a non-Chinese system) leaves for a 汉字.
GARBLED_ANYWHERE = "\ufffd"
GARBLED_IN_NAMES = "?？\ufffd"


def _garbled_warnings(table: LedgerTable, frame: pd.DataFrame) -> list[fnd.Finding]:
    """Text that lost its characters on the way: one look per distinct value."""
    found: list[fnd.Finding] = []
    for name, column in LEDGERS[table.kind].columns().items():
        if column.kind != "text" or name not in table.columns:
            continue
        signs = GARBLED_IN_NAMES if name == "name" else GARBLED_ANYWHERE
        text = frame[name].astype("category")  # already categorical: no copy
        garbled = np.array(
            [any(sign in str(value) for sign in signs) for value in text.cat.categories],
            dtype=bool,
        )
        if not garbled.any():
            continue
        codes = text.cat.codes.to_numpy()
        hits = np.flatnonzero((codes >= 0) & garbled[np.maximum(codes, 0)])
        source = table.columns[name]
        rows = frame["_row"].to_numpy()
        first: dict[int, fnd.Finding] = {}  # one message per distinct text
        for i in hits.tolist():
            row, code = int(rows[i]), int(codes[i])
            if code not in first:
                first[code] = fnd.make(
                    "warning",
                    "text_garbled",
                    file=table.file,
                    sheet=table.sheet,
                    row=row,
                    column=source.header,
                    cell=f"{source.letter}{row}",
                    value=str(text.cat.categories[code]),
                )
            found.append(first[code].at(row, source.letter))
    return found


def _age_warnings(
    table: LedgerTable, frame: pd.DataFrame, show_personal: bool
) -> list[fnd.Finding]:
    """Warn where the holder of an ID number is younger than the column's minimum age on
    the record's date. Birth dates are read once per distinct ID number."""
    found: list[fnd.Finding] = []
    for name, column in LEDGERS[table.kind].columns().items():
        if not column.min_age or name not in table.columns:
            continue
        date_field, minimum = column.min_age
        usable = frame["_valid"].to_numpy(dtype=bool) & frame[name].notna().to_numpy()
        usable &= frame[date_field].notna().to_numpy()
        if not usable.any():
            continue
        numbers_column = frame[name].astype("category")  # already categorical: no copy
        distinct = numbers_column.cat.categories
        birth_of = np.array([int(str(number)[6:14]) for number in distinct], dtype=np.int64)
        births = birth_of[numbers_column.cat.codes.to_numpy()[usable]]
        date_codes, dates = pd.factorize(frame[date_field].to_numpy()[usable])
        on = np.array([int(d.strftime("%Y%m%d")) for d in pd.DatetimeIndex(dates)], dtype=np.int64)
        ages = (on[date_codes] - births) // 10_000  # whole years, from YYYYMMDD numbers
        source = table.columns[name]
        rows, numbers = frame["_row"].to_numpy()[usable], frame[name].to_numpy()[usable]
        for i in np.flatnonzero(ages < minimum).tolist():
            row, value = int(rows[i]), str(numbers[i])
            found.append(
                fnd.make(
                    "warning",
                    "elder_under_60",
                    file=table.file,
                    sheet=table.sheet,
                    row=row,
                    column=source.header,
                    cell=f"{source.letter}{row}",
                    value=value if show_personal else mask_value(value, column.kind),
                    age=int(ages[i]),
                )
            )
    return found


def _total_warnings(table: LedgerTable, frame: pd.DataFrame, today: dt.date) -> list[fnd.Finding]:
    """A stated 合计 that does not equal the sum of the rows it covers."""
    found: list[fnd.Finding] = []
    columns = LEDGERS[table.kind].columns()
    for total in table.totals:
        for name, raw in total.stated.items():
            column = columns[name]
            if column.kind not in ("integer", "money"):
                continue
            source = table.columns[name]
            try:
                stated = column.parse(raw, source.factor, today)
            except CellError:
                continue
            if stated is None:
                continue
            computed = int(frame[name].iloc[total.first_record : total.end_record].sum())
            if stated != computed:
                shown = format_fen if column.kind == "money" else str
                found.append(
                    fnd.make(
                        "warning",
                        "total_mismatch",
                        file=table.file,
                        sheet=table.sheet,
                        row=total.row,
                        column=source.header,
                        cell=f"{source.letter}{total.row}",
                        value=shown(stated),
                        stated=shown(stated),
                        computed=shown(computed),
                    )
                )
    return found
