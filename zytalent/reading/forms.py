"""一人一表: a registration form, one sheet (or Word table) per person, whose label cells
stand beside their values (姓名 | 张三 | 性别 | 男 …) instead of heading a column. A sheet
with no header row is looked at as a form: every cell naming a column (through the same
header index as header rows) takes the next filled cell to its right, or else the one
below, as its value. When the labels name at least half of some kind's required columns,
the form is one record of that kind, and each value keeps the cell it is in."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from zytalent.ledgers import LEDGERS
from zytalent.reading.grids import Grid
from zytalent.reading.headers import header_lookup, normalise_header, required_fields

# a value is at most this many cells right of its label (a merged label spans a few)
REACH = 3
SCORE_NEEDED = 0.5


@dataclass(frozen=True)
class FormField:
    field: str
    label: str  # as written
    value: object
    row: int  # spreadsheet row of the value
    column: int  # 0-based column of the value


@dataclass(frozen=True)
class Form:
    kind: str
    fields: list[FormField]
    share: float  # of the kind's required columns its labels name

    @property
    def row(self) -> int:
        """The record's row: the first value's."""
        return min(f.row for f in self.fields)

    def grid(self, source: Grid) -> Grid:
        """The form as a sheet of one header row and one record, numbered so that the
        record is on the row of its first value."""
        labels = [f.label for f in self.fields]
        values = [f.value for f in self.fields]
        cells = pd.DataFrame([labels, values], dtype=object)
        return Grid(
            source.file,
            source.sheet,
            cells,
            hidden=source.hidden,
            first_row=self.row - 2,
            titles=source.titles,
        )


def read_form(grid: Grid, kind: str | None = None) -> Form | None:
    """The form a sheet holds, or None when its labels name too little of any kind."""
    if grid.cells.empty or len(grid.cells) > 200 or grid.cells.shape[1] > 60:
        return None  # a form is a page; a large sheet without a header is no form
    rows = grid.cells.to_numpy(dtype=object).tolist()
    found: dict[str, dict[str, FormField]] = {}
    taken: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            if not isinstance(cell, str) or (r, c) in taken:
                continue
            named, _ = header_lookup(normalise_header(cell))
            if not named:
                continue
            at = _value_of(rows, r, c)
            if at is None:
                continue
            taken.add(at)
            value = rows[at[0]][at[1]]
            for candidate, name in named.items():
                place = FormField(name, cell.strip(), value, grid.first_row + at[0] + 1, at[1])
                found.setdefault(candidate, {}).setdefault(name, place)
    kinds = [kind] if kind else list(found)
    best, score = None, 0.0
    for candidate in kinds:
        required = required_fields(LEDGERS[candidate])
        named_fields = found.get(candidate, {})
        share = sum(1 for n in required if n in named_fields) / max(len(required), 1)
        if share > score:
            best, score = candidate, share
    if best is None or score < SCORE_NEEDED:
        return None
    fields = list(found[best].values())
    return Form(best, sorted(fields, key=lambda f: (f.row, f.column)), score)


def _value_of(rows: list[list[object]], r: int, c: int) -> tuple[int, int] | None:
    """The cell holding a label's value: the next filled cell to the right that is no
    label itself, else the cell below."""
    row = rows[r]
    for offset in range(1, REACH + 1):
        if c + offset >= len(row):
            break
        cell = row[c + offset]
        if _blank(cell):
            continue
        if cell == row[c]:
            continue  # the label merged across: the same text repeated
        if isinstance(cell, str) and header_lookup(normalise_header(cell))[0]:
            return None  # the next label: this one has no value
        return (r, c + offset)
    if r + 1 < len(rows) and c < len(rows[r + 1]) and not _blank(rows[r + 1][c]):
        below = rows[r + 1][c]
        if not (isinstance(below, str) and header_lookup(normalise_header(below))[0]):
            return (r + 1, c)
    return None


def _blank(cell: object) -> bool:
    return cell is None or cell != cell or (isinstance(cell, str) and not cell.strip())
