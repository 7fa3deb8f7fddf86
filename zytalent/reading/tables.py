"""From a grid to ledger tables: header, kind, records, totals, footer lines and notes.

A sheet is usually one table. A sheet with one column per month becomes one table per
month (each a "part" of the sheet, with its own cell addresses), so that every record
is still one row of typed fields with a spreadsheet row and cell behind each value.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pandas as pd

from zytalent.cells.values import split_date_range
from zytalent.diagnostics.codes import (
    COLUMNS_UNUSED,
    COUNT_ONE_PER_ROW,
    FORM_READ,
    LAYOUT_MONTHS,
    MONTH_YEAR_UNKNOWN,
    PERIOD_FROM_SHEET,
    ROWS_COLUMN_NUMBERS,
    Code,
)
from zytalent.diagnostics.i18n import Text
from zytalent.ledgers import LEDGERS
from zytalent.reading.forms import Form, read_form
from zytalent.reading.grids import Grid
from zytalent.reading.headers import MONEY_UNITS, normalise_header, required_fields
from zytalent.reading.layout import (
    HEAD_ROWS,
    AmbiguousKind,
    Layout,
    Month,
    NoLedger,
    Role,
    find_layout,
    month_in_text,
    range_kinds,
    year_in_text,
)
from zytalent.reading.stacked import next_table, split_at

__all__ = ["AmbiguousKind", "LedgerTable", "NoLedger", "build_tables"]

TOTAL_LABEL = re.compile(r"^(合计|总计|小计|共计|总合计)(?:[:：]|$)")
FOOTER_LABEL = re.compile(
    r"^(填表人|填报人|制表人|审核人|负责人|单位负责人|联系人|联系电话|填表日期|填报日期|说明|注|备注)\s*[:：]"
)
# Cells of a month column that hold no record: nothing that month
NOTHING = frozenset({"", "0", "0.0", "0.00", "-", "—", "－", "/", "无"})


@dataclass
class SourceColumn:
    field: str
    position: int  # 0-based grid column; -1 when the value comes from the sheet name or title
    header: str  # as written in the file
    factor: int = 1  # money unit in 元
    # a form (一人一表): where the value really is (spreadsheet row, 0-based column),
    # since the record's fields come from cells of several rows
    at: tuple[int, int] | None = None

    @property
    def letter(self) -> str:
        if self.at is not None:
            return column_letter(self.at[1])
        return column_letter(self.position) if self.position >= 0 else ""

    def cell(self, row: int) -> str:
        """The A1 address of this column's cell in the record of spreadsheet row `row`."""
        return f"{self.letter}{self.at[0] if self.at is not None else row}"


@dataclass(kw_only=True)
class TotalRow:
    """A 合计, 总计 or 小计 row: what it states, and which records it covers."""

    row: int
    label: str  # 合计 / 总计 / 小计
    stated: dict[str, object]  # field -> raw cell
    first_record: int  # the records it sums: positions in `records` from here ...
    end_record: int  # ... up to here (exclusive)


@dataclass
class TableNote:
    """Something about the layout that becomes a finding (code and message context)."""

    code: Code
    row: int | None = None
    cell: str | None = None
    column: str | None = None
    ctx: dict[str, Any] = field(default_factory=dict)


@dataclass
class RowTotals:
    """A row-total column (合计 / 全年) beside month columns: its cells by row."""

    field: str
    source: SourceColumn
    cells: pd.Series  # raw cells, index = spreadsheet row numbers


@dataclass(kw_only=True)
class LedgerTable:
    """One ledger table read from a sheet (or a chunk of it): where it is, which column
    holds which field, the raw cells of its records, and the 合计 rows and footer lines
    found among them."""

    file: str
    sheet: str | None
    kind: str
    header_row: int  # spreadsheet row number of the header (its last row)
    columns: dict[str, SourceColumn]
    missing: list[str]  # required fields with no column
    duplicates: list[tuple[SourceColumn, SourceColumn]]  # (ignored, kept)
    records: pd.DataFrame  # raw cells by field; index = spreadsheet row numbers
    totals: list[TotalRow] = field(default_factory=list)
    footer_rows: list[int] = field(default_factory=list)
    part: int = 0  # which table of its sheet (months: one table per month)
    notes: list[TableNote] = field(default_factory=list)
    row_totals: list[RowTotals] = field(default_factory=list)
    # read in chunks: which chunk (None: the whole sheet at once), the position of its first
    # record among all the table's records, and what the checks keep between its chunks
    # (the same dict for every chunk of a table; each check owns its entry, see
    # checks/rules Sheet.kept: the reader knows nothing of what is in it)
    chunk: int | None = None
    first_record: int = 0
    kept: dict[type, object] = field(default_factory=dict)
    titles: list[str] = field(default_factory=list)  # text above the header block


def column_letter(position: int) -> str:
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class _Body:
    """The rows below the header: which are records, totals and footer lines."""

    cells: pd.DataFrame
    row_numbers: npt.NDArray[np.int64]
    record: npt.NDArray[np.bool_]
    totals: list[tuple[int, str]]  # (offset, label)
    footers: list[int]  # spreadsheet rows


def sheet_layout(grid: Grid, kind: str | None = None) -> Layout:
    """The header block and kind of a sheet, from its first rows only; raise NoLedger or
    AmbiguousKind when it is not a ledger or fits several kinds equally."""
    head = grid.cells.head(HEAD_ROWS)
    # as Python rows in one step: itertuples on a wide sheet costs a Series per column
    rows = head.to_numpy(dtype=object).tolist() if len(head.columns) else []
    layout = find_layout(rows, kind)
    layout.titles = [*grid.titles, *layout.titles]
    return layout


@dataclass
class Cursor:
    """Where the next chunk of a table starts: records before it, the end of the last 小计."""

    records: int = 0
    last_subtotal_end: int = 0
    kept: dict[type, object] = field(default_factory=dict)  # the checks' state, by check


@dataclass
class TablePlan:
    """How a sheet's columns are read, from its header block (its first rows)."""

    layout: Layout
    columns: dict[str, SourceColumn]
    duplicates: list[tuple[SourceColumn, SourceColumn]]
    months: dict[Month, dict[str, SourceColumn]]
    row_totals: dict[str, SourceColumn]
    notes: list[TableNote]
    derived: dict[str, tuple[str, str]]  # field -> (range source's field, start or end)
    constants: dict[str, object]
    cursor: Cursor = field(default_factory=Cursor)


def plan_tables(grid: Grid, kind: str | None = None) -> TablePlan:
    """Read the header block; raise NoLedger or AmbiguousKind when the sheet is not a
    ledger or fits several kinds equally."""
    layout = sheet_layout(grid, kind)
    model = LEDGERS[layout.kind]
    columns: dict[str, SourceColumn] = {}
    duplicates: list[tuple[SourceColumn, SourceColumn]] = []
    months: dict[Month, dict[str, SourceColumn]] = {}
    totals: dict[str, SourceColumn] = {}
    ranges: list[SourceColumn] = []
    for position, role in sorted(layout.roles.items()):
        source = _source(model, role, position, layout.labels[position])
        if role.month is not None:
            months.setdefault(role.month, {}).setdefault(source.field, source)
        elif role.total:
            totals.setdefault(source.field, source)
        elif role.range:
            ranges.append(source)
        elif source.field in columns:
            duplicates.append((source, columns[source.field]))
        else:
            columns[source.field] = source
    notes: list[TableNote] = []
    header_row = layout.last_row + 1
    if layout.unused:
        notes.append(_unused_note(layout, header_row))
    derived: dict[str, tuple[str, str]] = {}
    pair = range_kinds().get(layout.kind)
    if ranges and pair and not (set(pair) & set(columns)):
        start, end = pair
        columns[start] = SourceColumn(start, ranges[0].position, ranges[0].header)
        columns[end] = SourceColumn(end, ranges[0].position, ranges[0].header)
        derived = {start: (start, "start"), end: (start, "end")}
    year_field = model.year_field()
    constants: dict[str, object] = {}
    if not months and year_field not in columns and not _in_pair(layout.kind, year_field):
        found = _period_from_sheet(grid, layout, year_field, header_row, notes)
        if found is not None:
            columns[year_field], constants[year_field] = found
    count = model.one_per_row
    if count and not months and count not in columns:
        # one row per meal served (a canteen's export): each row counts one
        column = model.columns()[count]
        columns[count] = SourceColumn(count, -1, column.header)
        constants[count] = 1
        notes.append(TableNote(COUNT_ONE_PER_ROW, row=header_row, ctx={"header": column.header}))
    return TablePlan(layout, columns, duplicates, months, totals, notes, derived, constants)


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
        return _month_tables(grid, plan, _body(grid, plan.layout, plan.columns, _start(plan, grid)))
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
    body = _body(chunk, plan.layout, plan.columns, _start(plan, chunk))
    return _table(chunk, plan, body, plan.duplicates, plan.notes, plan.constants, plan.derived)


def next_chunk(plan: TablePlan, chunk: Grid) -> LedgerTable:
    """The records of one more chunk of rows: row numbers, 合计 spans and record
    positions go on from where the last chunk ended."""
    body = _body(chunk, plan.layout, plan.columns, 0)
    return _table(chunk, plan, body, [], [], plan.constants, plan.derived)


def _start(plan: TablePlan, grid: Grid) -> int:
    """The grid row of the first row below the header block and the 栏次 rows under it
    (甲 乙 丙 1 2 3 …, （1）（2）…, a cell 栏次), which number the columns of statistical
    forms and are skipped with a note."""
    start = plan.layout.last_row + 1
    skipped: list[int] = []
    while start < len(grid.cells) and len(skipped) < 2:
        row = grid.cells.iloc[start].tolist()
        if not _numbers_columns(row):
            break
        skipped.append(grid.first_row + start + 1)
        start += 1
    if skipped:
        plan.notes.append(
            TableNote(
                ROWS_COLUMN_NUMBERS,
                row=skipped[0],
                ctx={"rows": "、".join(map(str, skipped))},
            )
        )
    return start


STEMS = "甲乙丙丁戊己庚辛壬癸"
_COLUMN_NUMBER = re.compile(r"^(?:[（(]?\d{1,3}[）)]?|[①-⑳]|[甲乙丙丁戊己庚辛壬癸])$")


def _numbers_columns(cells: list[object]) -> bool:
    """A row that numbers the columns: every filled cell a column number, at least three,
    the numbers counting up (1 2 3, （1）（2）), or a cell 栏次."""
    texts = [
        normalise_header(str(int(c)) if isinstance(c, float) and c.is_integer() else str(c))
        for c in cells
        if not (c is None or c != c or (isinstance(c, str) and not c.strip()))
    ]
    if len(texts) < 3:
        return False
    if any(t in ("栏次", "栏号") for t in texts):
        return True
    if not all(_COLUMN_NUMBER.match(t) for t in texts):
        return False
    numbers = [int(re.sub(r"\D", "", t)) for t in texts if re.search(r"\d", t)]
    stems = [t for t in texts if t in STEMS]
    counting = all(b == a + 1 for a, b in itertools.pairwise(numbers))
    return counting and (len(numbers) >= 2 or len(stems) >= 2)


def _source(model: Any, role: Role, position: int, label: str) -> SourceColumn:
    name = role.field or ""
    factor = 1
    if name and model.columns()[name].kind == "money" and role.unit:
        factor = MONEY_UNITS.get(role.unit, 1)
    return SourceColumn(name, position, label, factor)


def _in_pair(kind: str, name: str) -> bool:
    return name in range_kinds().get(kind, ())


def _unused_note(layout: Layout, header_row: int) -> TableNote:
    model = LEDGERS[layout.kind]
    shown = "、".join(f"{layout.labels[p]}（{column_letter(p)}）" for p in layout.unused[:20]) + (
        "等" if len(layout.unused) > 20 else ""
    )
    return TableNote(
        COLUMNS_UNUSED,
        row=header_row,
        ctx={"columns": shown, "title": model.label},
    )


TITLE, SHEET_NAME, FILE_NAME = (
    Text("标题", "title"),
    Text("工作表名", "sheet name"),
    Text("文件名", "file name"),
)


def _year_hint(grid: Grid, layout: Layout) -> tuple[int, Text, str] | None:
    """A year from the title rows, the sheet name or the file name, and where it was."""
    for text in layout.titles:
        year = year_in_text(text)
        if year:
            return year, TITLE, text
    if grid.sheet and year_in_text(grid.sheet):
        return year_in_text(grid.sheet) or 0, SHEET_NAME, grid.sheet
    stem = Path(grid.file).stem
    year = year_in_text(stem)
    return (year, FILE_NAME, stem) if year else None


def _period_from_sheet(
    grid: Grid, layout: Layout, year_field: str, header_row: int, notes: list[TableNote]
) -> tuple[SourceColumn, object] | None:
    """One sheet per month: the period named by the sheet name or the title."""
    column = LEDGERS[layout.kind].columns()[year_field]
    places = [(grid.sheet, SHEET_NAME)] if grid.sheet else []
    places += [(t, TITLE) for t in layout.titles]
    for text, source in places:
        if not text:
            continue
        month = month_in_text(text)
        if month is None:
            continue
        year = month[0]
        if year is None:
            hint = _year_hint(grid, layout)
            if hint is None:
                notes.append(
                    TableNote(
                        MONTH_YEAR_UNKNOWN,
                        row=header_row,
                        ctx={"months": f"{month[1]}月"},
                    )
                )
                return None
            year = hint[0]
        period = f"{year:04d}-{month[1]:02d}"
        notes.append(
            TableNote(
                PERIOD_FROM_SHEET,
                row=header_row,
                ctx={"header": column.header, "source": source, "text": text, "period": period},
            )
        )
        return SourceColumn(year_field, -1, f"{source}：{text}"), period
    return None


def _month_tables(grid: Grid, plan: TablePlan, body: _Body) -> list[LedgerTable]:
    """One table per month column (or per group of columns under a month)."""
    layout, columns, months, notes = plan.layout, plan.columns, plan.months, plan.notes
    model = LEDGERS[layout.kind]
    year_field = model.year_field()
    header_row = layout.last_row + 1
    unnamed = [m for m in months if m[0] is None]
    hint = _year_hint(grid, layout) if unnamed else None
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
        table = _table(
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
        rows = body.row_numbers[body.record]
        for name, source in plan.row_totals.items():
            cells = body.cells.iloc[body.record, source.position]
            tables[0].row_totals.append(RowTotals(name, source, pd.Series(cells.to_numpy(), rows)))
        return tables
    # no month could be read: an empty table carries the notes and the missing columns
    empty = _table(
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


def _body(grid: Grid, layout: Layout, columns: dict[str, SourceColumn], start: int) -> _Body:
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
        what = _classify(cells)
        record[offset] = what == "record"
        if what == "footer":
            footers.append(int(row_numbers[offset]))
        elif what.startswith("total:"):
            totals.append((offset, what.split(":", 1)[1]))
    return _Body(body, row_numbers, record, totals, footers)


def _table(
    grid: Grid,
    plan: TablePlan,
    body: _Body,
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


def blank_mask(values: pd.Series) -> npt.NDArray[np.bool_]:
    """True where a cell is empty or white space only."""
    if values.dtype == object:
        return np.fromiter(
            (v is None or v != v or (isinstance(v, str) and not v.strip()) for v in values),
            dtype=bool,
            count=len(values),
        )
    if _arrow_text(values.dtype):
        # in place on the Arrow text (what a CSV gives): no trimmed copy of the column
        import pyarrow as pa
        import pyarrow.compute as pc

        text = pa.array(values.array, type=pa.string())  # zero-copy (chunked) view
        blank = pc.or_kleene(pc.equal(pc.binary_length(text), 0), pc.utf8_is_space(text))
        return np.asarray(blank.fill_null(True).to_numpy(zero_copy_only=False), dtype=bool)
    return np.asarray((values.str.strip() == "").fillna(True), dtype=bool)


def _arrow_text(dtype: object) -> bool:
    if isinstance(dtype, pd.ArrowDtype):
        return str(dtype.pyarrow_dtype) in ("string", "large_string")
    return isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"


def _classify(cells: list[object]) -> str:
    texts = [normalise_header(c) if isinstance(c, str) else "" for c in cells]
    filled = [
        c for c in cells if not (c is None or c != c or (isinstance(c, str) and not c.strip()))
    ]
    if not filled:
        return "blank"
    for text in texts:
        match = TOTAL_LABEL.match(text)
        if match:
            return "total:" + match.group(1)
    first = next((t for t in texts if t), "")
    if FOOTER_LABEL.match(first) and len(filled) <= 3:
        return "footer"
    return "record"
