"""Tables stacked in one sheet: 县直 first, blank rows, then a second title and the same
header again for 乡镇. The header repeated below the records starts a new table with its
own title, so its title is no record and its header no data."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import numpy.typing as npt
import pandas as pd

from zytalent.reading.grids import Grid
from zytalent.reading.layout import Layout

# a title above a repeated header: a row of at most this many filled cells
TITLE_CELLS = 2


def next_table(grid: Grid, layout: Layout) -> int | None:
    """The grid row where a second table starts (its title rows, then its header), or
    None when the header is not repeated below the first table's records."""
    header = grid.cells.iloc[layout.last_row]
    positions = [p for p in layout.roles if p < len(header) and isinstance(header.iloc[p], str)]
    if len(positions) < 2:
        return None
    body = grid.cells.iloc[layout.last_row + 1 :]
    if body.empty:
        return None
    matches = np.zeros(len(body), dtype=np.int64)
    for position in positions:
        raw = header.iloc[position]
        text = str(raw).strip()
        column = body.iloc[:, position]
        same = _equals(column, text)
        if raw != text:  # the header cell as typed, spaces and all
            same = same | _equals(column, raw)
        matches += same
    repeated = np.flatnonzero(matches * 2 > len(positions))
    if not len(repeated):
        return None
    start = layout.last_row + 1 + int(repeated[0]) - (layout.last_row - layout.first_row)
    while start - 1 > layout.last_row and _is_title(grid.cells.iloc[start - 1].tolist()):
        start -= 1
    return start


def _equals(column: pd.Series, value: object) -> npt.NDArray[np.bool_]:
    """Where the column holds `value` (a missing cell is no match). An Arrow column (a
    CSV's) is compared in Arrow: made into Python objects first, a million-row CSV spent
    over a second here."""
    return (column == value).to_numpy(dtype=bool, na_value=False)


def _is_title(cells: list[object]) -> bool:
    filled = [
        c for c in cells if not (c is None or c != c or (isinstance(c, str) and not c.strip()))
    ]
    return 0 < len(filled) <= TITLE_CELLS and all(isinstance(c, str) for c in filled)


def split_at(grid: Grid, start: int) -> tuple[Grid, Grid]:
    """The sheet above row `start` and the sheet from there on, each keeping the row
    numbers a person sees."""
    above = replace(grid, cells=grid.cells.iloc[:start])
    below = replace(
        grid,
        cells=grid.cells.iloc[start:].reset_index(drop=True),
        first_row=grid.first_row + start,
        titles=[],
        notes=[],
    )
    return above, below
