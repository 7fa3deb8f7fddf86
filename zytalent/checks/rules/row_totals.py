"""A row-total column (合计 / 全年) beside month columns: each row's stated total against
the sum of its months' valid values. A sheet of month columns is read as one table per
month, so the months are added up table by table and the rows compared with the last."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from zytalent.checks.rules import Sheet, rule
from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import ROW_TOTAL_MISMATCH
from zytalent.diagnostics.i18n import Text
from zytalent.ledgers import LEDGERS

if TYPE_CHECKING:
    from zytalent.reading.model import RowTotals


@dataclass
class MonthSums:
    """What the months of the sheet checked so far add up to: the row-total columns (the
    first month's table carries them), per field the sum of each row's valid month
    values, and the months whose cell in a row is not a number."""

    totals: list[RowTotals] = field(default_factory=list)
    sums: dict[str, dict[int, int]] = field(default_factory=dict)
    invalid: dict[str, dict[int, list[str]]] = field(default_factory=dict)


def row_totals(sheet: Sheet) -> list[fnd.Finding]:
    import numpy as np

    table, frame = sheet.table, sheet.frame
    months = sheet.kept_by_sheet(MonthSums)
    months.totals.extend(table.row_totals)
    for totals in months.totals:
        if totals.field not in table.columns:
            continue
        values = frame[totals.field]
        month = table.columns[totals.field].header.split(" › ")[0]
        numbers = values.fillna(0).to_numpy(dtype=np.int64)
        missing = values.isna().to_numpy()
        sums = months.sums.setdefault(totals.field, {})
        invalid = months.invalid.setdefault(totals.field, {})
        rows = frame["_row"].tolist()
        for row, value, bad in zip(rows, numbers.tolist(), missing.tolist(), strict=True):
            sums[row] = sums.get(row, 0) + value
            if bad:
                invalid.setdefault(row, []).append(month)
    if table.part < table.parts:
        return []
    return [f for totals in months.totals for f in _mismatches(sheet, totals, months)]


rule(row_totals, "row totals beside month columns", ROW_TOTAL_MISMATCH)


def _mismatches(sheet: Sheet, totals: RowTotals, months: MonthSums) -> list[fnd.Finding]:
    from zytalent.cells.money import format_fen
    from zytalent.cells.values import CellError

    column = LEDGERS[sheet.table.kind].columns()[totals.field]
    sums = months.sums.get(totals.field, {})
    invalid = months.invalid.get(totals.field, {})
    shown = format_fen if column.kind == "money" else str
    found = []
    for row, raw in zip(totals.cells.index.tolist(), totals.cells.tolist(), strict=True):
        try:
            stated = column.parse(raw, totals.source.factor)
        except CellError:
            continue
        if stated is None:
            continue
        computed = sums.get(int(row), 0)
        if stated == computed:
            continue
        found.append(
            fnd.make(
                ROW_TOTAL_MISMATCH,
                file=sheet.table.file,
                sheet=sheet.table.sheet,
                row=int(row),
                column=totals.source.header,
                cell=f"{totals.source.letter}{row}",
                value=shown(stated),
                stated=shown(stated),
                computed=shown(computed),
                invalid=Text(
                    f"其中 {'、'.join(invalid[int(row)])} 的数值无效，未计入。",
                    f"{', '.join(invalid[int(row)])} hold invalid values and were not added. ",
                )
                if int(row) in invalid
                else "",
            )
        )
    return found
