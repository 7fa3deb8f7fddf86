"""What reading a sheet gives: a ledger table (its columns as found, its records as raw
cells by spreadsheet row, its 合计 rows and notes), and the plan its chunks share."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from zytalent.diagnostics.codes import (
    Code,
)
from zytalent.reading.layout import (
    Layout,
    Month,
)


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
    # the tables of one sheet (months): how many there are, and what the checks keep
    # between them (the same dict for every table of the sheet, see Sheet.kept_by_sheet)
    parts: int = 1
    sheet_kept: dict[type, object] = field(default_factory=dict)
    titles: list[str] = field(default_factory=list)  # text above the header block


def column_letter(position: int) -> str:
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


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
