"""A sheet with one column per month (1月 … 12月): one table per month, each a part of
the sheet with its own cell addresses."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import pandas as pd

from zytalent.diagnostics.codes import (
    LAYOUT_MONTHS,
    MONTH_YEAR_UNKNOWN,
)
from zytalent.ledgers import LEDGERS
from zytalent.reading.body import Body, make_table
from zytalent.reading.grids import Grid
from zytalent.reading.headers import normalise_header
from zytalent.reading.model import (
    Cursor,
    LedgerTable,
    RowTotals,
    SourceColumn,
    TableNote,
    TablePlan,
)
from zytalent.reading.plan import year_hint

# Cells of a month column that hold no record: nothing that month
NOTHING = frozenset({"", "0", "0.0", "0.00", "-", "—", "－", "/", "无"})


def month_tables(grid: Grid, plan: TablePlan, body: Body) -> list[LedgerTable]:
    """One table per month column (or per group of columns under a month)."""
    layout, columns, months, notes = plan.layout, plan.columns, plan.months, plan.notes
    model = LEDGERS[layout.kind]
    year_field = model.year_field()
    header_row = layout.last_row + 1
    unnamed = [m for m in months if m[0] is None]
    hint = year_hint(grid, layout) if unnamed else None
    if unnamed and hint is None:
        names = "、".join(f"{m[1]}月" for m in unnamed)
        notes.append(TableNote(MONTH_YEAR_UNKNOWN, row=header_row, ctx={"months": names}))
        months = {m: c for m, c in months.items() if m[0] is not None}
    tables: list[LedgerTable] = []
    for part, (month, fields) in enumerate(months.items(), 1):
        year = month[0] if month[0] is not None else hint[0] if hint else 0
        first = min(fields.values(), key=lambda s: s.position)
        own = {
            **columns,
            **fields,
            year_field: SourceColumn(year_field, first.position, first.header.split(" › ")[0]),
        }
        nothing = np.ones(len(body.cells), dtype=bool)
        for source in fields.values():
            nothing &= _nothing_mask(body.cells.iloc[:, source.position])
        constants: dict[str, object] = {year_field: f"{year:04d}-{month[1]:02d}"}
        table = make_table(
            grid,
            plan,
            body,
            plan.duplicates if part == 1 else [],
            [],
            constants,
            {},
            drop=nothing,
            columns=own,
            cursor=Cursor(),
        )
        table.part = part
        tables.append(table)
    if tables:
        count = sum(len(t.records) for t in tables)
        labels = "、".join(t.columns[year_field].header for t in tables)
        notes.append(
            TableNote(
                LAYOUT_MONTHS,
                row=header_row,
                ctx={"months": labels, "records": f"{count:,}"},
            )
        )
        tables[0].notes = notes
        shared: dict[type, object] = {}
        for table in tables:
            table.parts, table.sheet_kept = len(tables), shared
        rows = body.row_numbers[body.record]
        for name, source in plan.row_totals.items():
            cells = body.cells.iloc[body.record, source.position]
            tables[0].row_totals.append(RowTotals(name, source, pd.Series(cells.to_numpy(), rows)))
        return tables
    # no month could be read: an empty table carries the notes and the missing columns
    empty = make_table(
        grid,
        plan,
        body,
        plan.duplicates,
        notes,
        {},
        {},
        drop=np.ones(len(body.cells), dtype=bool),
        cursor=Cursor(),
    )
    empty.missing = []  # the month columns are there; month_year_unknown says what is wrong
    return [empty]


def _nothing_mask(values: pd.Series) -> npt.NDArray[np.bool_]:
    """Month cells that hold no record: blank, zero, or a dash."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    none = np.array(
        [
            (isinstance(v, int | float) and not isinstance(v, bool) and v == 0)
            or (isinstance(v, str) and normalise_header(v) in NOTHING)
            for v in uniques
        ]
        + [True],
        dtype=bool,
    )
    return none[np.where(codes < 0, len(uniques), codes)]
