"""Check one ledger table: every column at once, then explain the rows that fail."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal

import numpy as np
import pandas as pd

from zytalent import findings as fnd
from zytalent.checks.columns import empty_column, parse_column
from zytalent.checks.explain import explain_cells, explain_order
from zytalent.figures.units import format_fen
from zytalent.i18n import pick
from zytalent.identifiers import region_known
from zytalent.ledgers import LEDGERS, Column
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
    for note in table.notes:
        found.append(
            fnd.make(
                note.severity,  # type: ignore[arg-type]
                note.code,
                **where,
                row=note.row,
                cell=note.cell,
                column=note.column,
                **note.ctx,
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
    frame["_part"] = np.full(len(records), table.part, dtype=np.int16)
    frame["_valid"] = valid
    frame = frame.reset_index(drop=True)
    found.extend(_age_warnings(table, frame, show_personal))
    found.extend(_total_warnings(table, frame, today, bad_cells))
    found.extend(_garbled_warnings(table, frame))
    found.extend(_region_warnings(table, frame, show_personal))
    return CheckedTable(table, frame, found)


def _region_warnings(
    table: LedgerTable, frame: pd.DataFrame, show_personal: bool
) -> list[fnd.Finding]:
    """ID numbers whose six-digit region code is in no edition of GB/T 2260: a warning,
    since a typing error there passes the check character one time in eleven. Each
    distinct region code is looked up once."""
    found: list[fnd.Finding] = []
    for name, column in LEDGERS[table.kind].columns().items():
        if column.kind != "id_number" or name not in table.columns:
            continue
        numbers = frame[name].astype("category")  # already categorical: no copy
        regions = [str(v)[:6] for v in numbers.cat.categories]
        unknown = np.array([not region_known(r) for r in regions], dtype=bool)
        if not unknown.any():
            continue
        codes = numbers.cat.codes.to_numpy()
        hits = np.flatnonzero((codes >= 0) & unknown[np.maximum(codes, 0)])
        source = table.columns[name]
        rows = frame["_row"].to_numpy()
        first: dict[int, fnd.Finding] = {}  # one message per distinct number
        for i in hits.tolist():
            row, code = int(rows[i]), int(codes[i])
            if code not in first:
                value = str(numbers.cat.categories[code])
                first[code] = fnd.make(
                    "warning",
                    "id_region_unknown",
                    file=table.file,
                    sheet=table.sheet,
                    row=row,
                    column=source.header,
                    cell=f"{source.letter}{row}",
                    value=value if show_personal else mask_value(value, column.kind),
                    region=value[:6],
                )
            found.append(first[code].at(row, source.letter))
    return found


def check_row_totals(tables: list[CheckedTable]) -> list[fnd.Finding]:
    """A row-total column (合计 / 全年) beside month columns: each row's stated total
    against the sum of its months' valid values."""
    found: list[fnd.Finding] = []
    for checked in tables:
        for totals in checked.table.row_totals:
            parts = [c for c in tables if c.table.sheet == checked.table.sheet]
            column = LEDGERS[checked.table.kind].columns()[totals.field]
            sums: dict[int, int] = {}
            invalid: dict[int, list[str]] = {}  # row -> months whose cell is not a number
            for part in parts:
                values = part.frame[totals.field]
                month = part.table.columns[totals.field].header.split(" › ")[0]
                numbers = values.fillna(0).to_numpy(dtype=np.int64)
                missing = values.isna().to_numpy()
                rows = part.frame["_row"].tolist()
                for row, value, bad in zip(rows, numbers.tolist(), missing.tolist(), strict=True):
                    sums[row] = sums.get(row, 0) + value
                    if bad:
                        invalid.setdefault(row, []).append(month)
            shown = format_fen if column.kind == "money" else str
            for row, raw in zip(totals.cells.index.tolist(), totals.cells.tolist(), strict=True):
                try:
                    stated = column.parse(raw, totals.source.factor)
                except CellError:
                    continue
                if stated is None:
                    continue
                computed = sums.get(int(row), 0)
                if stated != computed:
                    found.append(
                        fnd.make(
                            "warning",
                            "row_total_mismatch",
                            file=checked.table.file,
                            sheet=checked.table.sheet,
                            row=int(row),
                            column=totals.source.header,
                            cell=f"{totals.source.letter}{row}",
                            value=shown(stated),
                            stated=shown(stated),
                            computed=shown(computed),
                            invalid=pick(
                                f"其中 {'、'.join(invalid[int(row)])} 的数值无效，未计入。",
                                f"{', '.join(invalid[int(row)])} hold invalid values and were not added. ",
                            )
                            if int(row) in invalid
                            else "",
                        )
                    )
    return found


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


def _total_warnings(
    table: LedgerTable, frame: pd.DataFrame, today: dt.date, bad_cells: dict[str, np.ndarray]
) -> list[fnd.Finding]:
    """A stated 合计 that does not equal the sum of the rows it covers. Where cells of the
    column were invalid (and so not added), the finding says which, and whether the total
    agrees once they are read as the number they seem to hold."""
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
            span = slice(total.first_record, total.end_record)
            computed = int(frame[name].iloc[span].sum())
            if stated == computed:
                continue
            shown = format_fen if column.kind == "money" else str
            invalid = np.flatnonzero(bad_cells.get(name, np.zeros(len(frame), bool))[span])
            context: dict[str, str] = {}
            if len(invalid):  # the rows left out of the sum, and whether they explain it
                rows = frame["_row"].to_numpy()[span][invalid]
                raws = table.records[name].iloc[span].iloc[invalid].tolist()
                guess = _lenient_sum(column, raws, source.factor)
                agrees = ""
                if guess is not None and computed + guess == stated:
                    agrees = pick(
                        "按这些单元格看起来的数值更正后，合计相符。",
                        "Once those cells are corrected to the numbers they seem to hold, the total agrees.",
                    )
                elif guess is not None:
                    agrees = pick(
                        "即使按这些单元格看起来的数值计入，合计仍不相符，请一并核对。",
                        "Even with those cells read as the numbers they seem to hold, the total disagrees; check it too.",
                    )
                context = {"rows": ", ".join(str(int(r)) for r in rows), "agrees": agrees}
            found.append(
                fnd.make(
                    "warning",
                    "total_mismatch_invalid" if context else "total_mismatch",
                    file=table.file,
                    sheet=table.sheet,
                    row=total.row,
                    column=source.header,
                    cell=f"{source.letter}{total.row}",
                    value=shown(stated),
                    stated=shown(stated),
                    computed=shown(computed),
                    **context,
                )
            )
    return found


_DIGITS = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")


def _lenient_sum(column: Column, raws: list[object], factor: int) -> int | None:
    """The sum of what invalid number cells seem to hold (`12人` -> 12), or None when
    one of them holds no single number."""
    total = 0
    for raw in raws:
        text = unicodedata.normalize("NFKC", str(raw)).replace(",", "")
        numbers = _DIGITS.findall(text)
        if len(numbers) != 1:
            return None
        amount = Decimal(numbers[0]) * factor * (100 if column.kind == "money" else 1)
        if amount != amount.to_integral_value():
            return None
        total += int(amount)
    return total
