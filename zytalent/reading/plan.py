"""The plan of a sheet's tables from its header block (its first rows): which column is
which field, month columns, row totals, a date range split in two, a period taken from
the title or the sheet's name, and the 栏次 rows under the header."""

from __future__ import annotations

import itertools
import re
from pathlib import Path
from typing import Any

from zytalent.diagnostics.codes import (
    COLUMNS_UNUSED,
    COUNT_ONE_PER_ROW,
    MONTH_YEAR_UNKNOWN,
    PERIOD_FROM_SHEET,
    ROWS_COLUMN_NUMBERS,
)
from zytalent.diagnostics.i18n import Text
from zytalent.ledgers import LEDGERS
from zytalent.reading.grids import Grid
from zytalent.reading.headers import MONEY_UNITS, normalise_header
from zytalent.reading.layout import (
    HEAD_ROWS,
    Layout,
    Month,
    Role,
    find_layout,
    month_in_text,
    range_kinds,
    year_in_text,
)
from zytalent.reading.model import SourceColumn, TableNote, TablePlan, column_letter


def sheet_layout(grid: Grid, kind: str | None = None) -> Layout:
    """The header block and kind of a sheet, from its first rows only; raise NoLedger or
    AmbiguousKind when it is not a ledger or fits several kinds equally."""
    head = grid.cells.head(HEAD_ROWS)
    # as Python rows in one step: itertuples on a wide sheet costs a Series per column
    rows = head.to_numpy(dtype=object).tolist() if len(head.columns) else []
    layout = find_layout(rows, kind)
    layout.titles = [*grid.titles, *layout.titles]
    return layout


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


def body_start(plan: TablePlan, grid: Grid) -> int:
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


def year_hint(grid: Grid, layout: Layout) -> tuple[int, Text, str] | None:
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
            hint = year_hint(grid, layout)
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
