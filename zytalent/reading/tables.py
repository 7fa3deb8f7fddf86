"""From a grid to ledger tables: header, kind, records, totals, footer lines and notes.

A sheet is usually one table. A sheet with one column per month becomes one table per
month (each a "part" of the sheet, with its own cell addresses), so that every record
is still one row of typed fields with a spreadsheet row and cell behind each value.
"""

from __future__ import annotations

from zytalent.diagnostics.codes import (
    FORM_READ,
)
from zytalent.ledgers import LEDGERS
from zytalent.reading.body import make_table, read_body
from zytalent.reading.forms import Form, read_form
from zytalent.reading.grids import Grid
from zytalent.reading.headers import required_fields
from zytalent.reading.layout import (
    NoLedger,
)
from zytalent.reading.model import LedgerTable, TableNote, TablePlan
from zytalent.reading.months import month_tables
from zytalent.reading.plan import body_start, plan_tables
from zytalent.reading.stacked import next_table, split_at

__all__ = ["build_tables", "first_chunk", "next_chunk"]


def build_tables(grid: Grid, kind: str | None = None) -> list[LedgerTable]:
    """The ledger tables of a sheet (one, or one per month); raise NoLedger or
    AmbiguousKind when the sheet is not a ledger or fits several kinds equally."""
    form = read_form(grid, kind) if grid.chunk is None else None
    try:
        plan = plan_tables(grid, kind)
    except NoLedger:
        if form is None:
            raise
        return [_form_table(grid, form)]
    if form is not None and form.share > _share(plan):
        # label cells beside values (姓名 | 张三 | 性别 | 男) can pass for a header row of
        # another kind (出生年月 | 1990-05 looks like a month column): the form reads better
        return [_form_table(grid, form)]
    start = next_table(grid, plan.layout) if grid.chunk is None else None
    if start is not None:
        above, below = split_at(grid, start)
        tables = build_tables(above, plan.layout.kind)
        try:
            more = build_tables(below, plan.layout.kind)
        except NoLedger:
            return tables
        # each stacked table its own parts, so their cells are told apart
        step = max(t.part for t in tables) + 1
        for table in more:
            table.part += step
        return tables + more
    if plan.months:
        return month_tables(
            grid, plan, read_body(grid, plan.layout, plan.columns, body_start(plan, grid))
        )
    return [first_chunk(plan, grid)]


def _share(plan: TablePlan) -> float:
    """The share of its kind's required columns a sheet's header names."""
    required = required_fields(LEDGERS[plan.layout.kind])
    named = {n for n, c in plan.columns.items() if c.position >= 0} | {
        n for columns in plan.months.values() for n in columns
    }
    return sum(1 for n in required if n in named) / max(len(required), 1)


def _form_table(grid: Grid, form: Form) -> LedgerTable:
    """A 一人一表 form as a table of one record whose values keep their own cells."""
    plan = plan_tables(form.grid(grid), form.kind)
    for position, found in enumerate(form.fields):
        source = plan.columns.get(found.field)
        if source is not None and source.position == position:
            source.at = (found.row, found.column)
    plan.notes.append(TableNote(FORM_READ, row=form.row, ctx={"fields": len(form.fields)}))
    return first_chunk(plan, form.grid(grid))


def first_chunk(plan: TablePlan, chunk: Grid) -> LedgerTable:
    """The table of a plain (one-table) sheet, or of the first chunk of its rows: the
    records below the header block, with what is wrong with the header."""
    body = read_body(chunk, plan.layout, plan.columns, body_start(plan, chunk))
    return make_table(chunk, plan, body, plan.duplicates, plan.notes, plan.constants, plan.derived)


def next_chunk(plan: TablePlan, chunk: Grid) -> LedgerTable:
    """The records of one more chunk of rows: row numbers, 合计 spans and record
    positions go on from where the last chunk ended."""
    body = read_body(chunk, plan.layout, plan.columns, 0)
    return make_table(chunk, plan, body, [], [], plan.constants, plan.derived)
