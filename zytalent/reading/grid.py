"""What a reader gives back: a grid of raw cell values per worksheet, the notes it made,
and a reader library's own words for what went wrong. Its own module, so that the
readers (reading/grids.py, reading/documents.py) and the worker that runs them
(reading/isolated.py) share it without importing one another."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from zytalent.diagnostics.codes import Code


@dataclass
class Note:
    """Something the reader noticed that becomes a finding (code and message context)."""

    code: Code
    cells: list[str] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)


@dataclass
class Grid:
    file: str
    sheet: str | None
    cells: pd.DataFrame
    notes: list[Note] = field(default_factory=list)
    hidden: bool = False  # a hidden worksheet (a draft, an old copy, a list of choices)
    hidden_rows: list[int] = field(default_factory=list)  # rows hidden by hand or a filter
    # read in chunks of rows (a large CSV): which chunk, and the grid row of its first row
    chunk: int | None = None
    first_row: int = 0
    bytes_read: int = 0  # of the file, when this chunk was cut (for a progress bar)
    # title text from outside the cells (the paragraph above a Word table, a caption)
    titles: list[str] = field(default_factory=list)
    skipped_as: Literal["macro"] | None = None  # a sheet not read, only noted


def library_reason(exc: Exception) -> str:
    """A reader library's own words, first line, bounded (for a finding's detail)."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:200]
