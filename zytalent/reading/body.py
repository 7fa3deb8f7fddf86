"""The rows below the header block: records, 合计 spans and footer lines, made into the
table of a sheet or of one chunk of its rows."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import pandas as pd

from zytalent.cells.values import split_date_range
from zytalent.ledgers import LEDGERS
from zytalent.reading.grids import Grid
from zytalent.reading.headers import required_fields
from zytalent.reading.layout import (
    Layout,
)
from zytalent.reading.model import (
    Cursor,
    LedgerTable,
    SourceColumn,
    TableNote,
    TablePlan,
    TotalRow,
)
from zytalent.reading.rows import Row, blank_mask, classify


@dataclass
class Body:
    """The rows below the header: which are records, totals and footer lines."""

    cells: pd.DataFrame
    row_numbers: npt.NDArray[np.int64]
    record: npt.NDArray[np.bool_]
    totals: list[tuple[int, str]]  # (offset, label)
    footers: list[int]  # spreadsheet rows


def read_body(grid: Grid, layout: Layout, columns: dict[str, SourceColumn], start: int) -> Body:
    """Records, 合计 rows and footer lines of the grid's rows from `start` on. Total and
    footer rows always leave some required cell blank, so only rows with a blank required
    cell are looked at closely."""
    body = grid.cells.iloc[start:]
    first = grid.first_row + start + 1  # the spreadsheet row of the body's first row
    row_numbers = np.arange(first, first + len(body))
    model = LEDGERS[layout.kind]
    required = sorted(
        {
            c.position
            for name, c in columns.items()
            if model.columns()[name].required and c.position >= 0
        }
    )
    any_blank = np.zeros(len(body), dtype=bool)
    for position in required or list(range(body.shape[1])):
        any_blank |= blank_mask(body.iloc[:, position])
    record = np.ones(len(body), dtype=bool)
    totals: list[tuple[int, str]] = []
    footers: list[int] = []
    offsets = np.flatnonzero(any_blank)
    # the rows as Python lists in one step: a row at a time through iloc costs a Series each
    looked_at = body.iloc[offsets].to_numpy(dtype=object).tolist() if len(offsets) else []
    for offset, cells in zip(offsets.tolist(), looked_at, strict=True):
        what = classify(cells)
        record[offset] = what.row is Row.RECORD
        if what.row is Row.FOOTER:
            footers.append(int(row_numbers[offset]))
        elif what.row is Row.TOTAL:
            totals.append((offset, what.label))
    return Body(body, row_numbers, record, totals, footers)


def make_table(
    grid: Grid,
    plan: TablePlan,
    body: Body,
    duplicates: list[tuple[SourceColumn, SourceColumn]],
    notes: list[TableNote],
    constants: dict[str, object],
    derived: dict[str, tuple[str, str]],
    drop: npt.NDArray[np.bool_] | None = None,
    columns: dict[str, SourceColumn] | None = None,
    cursor: Cursor | None = None,
) -> LedgerTable:
    layout = plan.layout
    columns = plan.columns if columns is None else columns
    cursor = plan.cursor if cursor is None else cursor
    model = LEDGERS[layout.kind]
    missing = [name for name in required_fields(model) if name not in columns]
    first_record = cursor.records
    totals: list[TotalRow] = []
    keep = body.record if drop is None else body.record & ~drop
    # records above each row, counting those of the chunks before
    records_before: npt.NDArray[np.int64] = np.cumsum(keep) - keep
    records_before += cursor.records
    for offset, label in body.totals:
        end = int(records_before[offset])
        start = cursor.last_subtotal_end if label == "小计" else 0
        if label != "小计" and end == 0 and grid.chunk is None:
            # a 合计 right under the header, as statistical forms put it: it covers the
            # records below it
            end = int(records_before[-1] + keep[-1]) if len(keep) else 0
        if label == "小计":
            cursor.last_subtotal_end = end
        cells = body.cells.iloc[offset]
        stated = {
            name: cells.iloc[c.position]
            for name, c in columns.items()
            if c.position >= 0 and name not in constants and name not in derived
        }
        totals.append(
            TotalRow(
                row=int(body.row_numbers[offset]),
                label=label,
                stated=stated,
                first_record=start,
                end_record=end,
            )
        )
    cursor.records += int(keep.sum())
    plain = {n: c.position for n, c in columns.items() if n not in constants and n not in derived}
    chosen = body.cells.iloc[:, list(plain.values())]
    records = chosen if keep.all() else chosen.iloc[keep]
    records.columns = list(plain.keys())
    records.index = pd.Index(body.row_numbers[keep], name="row")
    for name, value in constants.items():
        records[name] = pd.Series([value] * len(records), index=records.index, dtype=object)
    if derived:
        source = columns[next(iter(derived))].position
        raw = body.cells.iloc[:, source]
        raw = raw if keep.all() else raw.iloc[keep]
        starts, ends = _split_ranges(raw)
        for name, (_, side) in derived.items():
            records[name] = pd.Series(starts if side == "start" else ends, index=records.index)
    return LedgerTable(
        file=grid.file,
        sheet=grid.sheet,
        kind=layout.kind,
        header_row=layout.last_row + 1,
        columns=columns,
        missing=missing,
        duplicates=duplicates,
        records=records,
        totals=totals,
        footer_rows=list(body.footers),
        notes=notes,
        titles=list(layout.titles),
        chunk=grid.chunk,
        first_record=first_record,
        kept=cursor.kept,
    )


def _split_ranges(raw: pd.Series) -> tuple[list[object], list[object]]:
    """Start and end of each range cell, each distinct cell split once."""
    codes, uniques = pd.factorize(raw, use_na_sentinel=True)
    parts = [split_date_range(v) for v in list(uniques)] + [(None, None)]
    take = np.where(codes < 0, len(parts) - 1, codes)
    return [parts[i][0] for i in take], [parts[i][1] for i in take]
