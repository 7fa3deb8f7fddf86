"""From a grid to a ledger table: header row, kind, records, totals and footer lines."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

from zytalent.ledgers import LEDGERS
from zytalent.reading.grids import HEAD_ROWS, Grid
from zytalent.reading.headers import (
    IGNORED_HEADERS,
    MONEY_UNITS,
    kind_score,
    match_header,
    normalise_header,
    required_fields,
)

TOTAL_LABEL = re.compile(r"^(合计|总计|小计|共计|总合计)(?:[:：]|$)")
FOOTER_LABEL = re.compile(
    r"^(填表人|填报人|制表人|审核人|负责人|单位负责人|联系人|联系电话|填表日期|填报日期|说明|注|备注)\s*[:：]"
)


@dataclass
class SourceColumn:
    field: str
    position: int  # 0-based grid column
    header: str  # as written in the file
    factor: int = 1  # money unit in 元

    @property
    def letter(self) -> str:
        return column_letter(self.position)


@dataclass
class TotalRow:
    row: int
    label: str  # 合计 / 总计 / 小计
    stated: dict[str, object]  # field -> raw cell
    first_record: int  # the records it sums: positions in `records` from here ...
    end_record: int  # ... up to here (exclusive)


@dataclass
class LedgerTable:
    file: str
    sheet: str | None
    kind: str
    header_row: int  # spreadsheet row number of the header
    columns: dict[str, SourceColumn]
    missing: list[str]  # required fields with no column
    duplicates: list[tuple[SourceColumn, SourceColumn]]  # (ignored, kept)
    records: pd.DataFrame  # raw cells by field; index = spreadsheet row numbers
    totals: list[TotalRow] = field(default_factory=list)
    footer_rows: list[int] = field(default_factory=list)


class NoLedger(Exception):
    pass


class AmbiguousKind(Exception):
    def __init__(self, kinds: list[str]) -> None:
        super().__init__(", ".join(kinds))
        self.kinds = kinds


def column_letter(position: int) -> str:
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def find_header(grid: Grid, kind: str | None) -> tuple[int, str]:
    """The first row among the first 15 that names at least half of a kind's required
    columns; the kind whose required columns it names best."""
    kinds = [kind] if kind else list(LEDGERS)
    head = grid.cells.head(HEAD_ROWS)
    best_forced: tuple[float, int] = (0.0, -1)
    for position, row in enumerate(head.itertuples(index=False, name=None)):
        cells = [c for c in row if isinstance(c, str) and c.strip()]
        if not cells:
            continue
        scores = {k: kind_score(k, cells) for k in kinds}
        top = max(scores.values())
        if kind and top > best_forced[0]:
            best_forced = (top, position)
        if top >= 0.5:
            winners = [k for k, s in scores.items() if s == top]
            if len(winners) > 1:
                raise AmbiguousKind(winners)
            return position, winners[0]
    if kind and best_forced[1] >= 0:
        return best_forced[1], kind  # forced: take the best row and report what is missing
    raise NoLedger()


def build_table(grid: Grid, kind: str | None = None) -> LedgerTable:
    header_pos, kind = find_header(grid, kind)
    header_cells = list(grid.cells.iloc[header_pos])
    columns: dict[str, SourceColumn] = {}
    duplicates: list[tuple[SourceColumn, SourceColumn]] = []
    model = LEDGERS[kind]
    for position, text in enumerate(header_cells):
        if normalise_header(text) in IGNORED_HEADERS:
            continue
        matched = match_header(kind, text)
        if not matched:
            continue
        factor = 1
        if model.columns()[matched.field].kind == "money" and matched.unit:
            factor = MONEY_UNITS.get(matched.unit, 1)
        source = SourceColumn(matched.field, position, str(text).strip(), factor)
        if matched.field in columns:
            duplicates.append((source, columns[matched.field]))
        else:
            columns[matched.field] = source
    missing = [name for name in required_fields(model) if name not in columns]
    table = LedgerTable(
        grid.file, grid.sheet, kind, header_pos + 1, columns, missing, duplicates, pd.DataFrame()
    )
    _split_rows(grid, table, header_pos)
    return table


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


def _split_rows(grid: Grid, table: LedgerTable, header_pos: int) -> None:
    """Records, 合计 rows and footer lines. Total and footer rows always leave some
    required cell blank, so only rows with a blank required cell are looked at closely."""
    body = grid.cells.iloc[header_pos + 1 :]
    row_numbers = np.arange(header_pos + 2, header_pos + 2 + len(body))
    required = [
        c.position
        for name, c in table.columns.items()
        if LEDGERS[table.kind].columns()[name].required
    ]
    any_blank = np.zeros(len(body), dtype=bool)
    for position in required or list(range(body.shape[1])):
        any_blank |= blank_mask(body.iloc[:, position])
    kinds = {
        offset: _classify(list(body.iloc[offset])) for offset in np.flatnonzero(any_blank).tolist()
    }
    keep = np.ones(len(body), dtype=bool)
    for offset, what in kinds.items():
        keep[offset] = what == "record"
    record_count_before = np.cumsum(keep) - keep  # records above each row
    last_subtotal_end = 0
    for offset, what in sorted(kinds.items()):
        row = int(row_numbers[offset])
        if what == "footer":
            table.footer_rows.append(row)
        elif what.startswith("total:"):
            label = what.split(":", 1)[1]
            end = int(record_count_before[offset])
            start = last_subtotal_end if label == "小计" else 0
            if label == "小计":
                last_subtotal_end = end
            cells = body.iloc[offset]
            stated = {name: cells.iloc[c.position] for name, c in table.columns.items()}
            table.totals.append(TotalRow(row, label, stated, start, end))
    positions = {name: c.position for name, c in table.columns.items()}
    columns = list(positions.values())
    records = body.iloc[:, columns] if keep.all() else body.iloc[keep, columns]
    records.columns = list(positions.keys())
    records.index = pd.Index(row_numbers[keep], name="row")
    table.records = records


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
