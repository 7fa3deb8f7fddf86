"""Read and check one file, batch by batch: a sheet at a time, or a large CSV a chunk of
rows at a time, so that memory follows the batch and not the file.

Every batch is a list of checked tables (the months of a sheet with one column per
month come together). File-level findings go to the `found` given.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from zytalent.checks.sheet import CheckedTable, check_table, footer_finding
from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import (
    DOCUMENT_NO_LEDGER,
    FILE_NO_LEDGER,
    KIND_AMBIGUOUS,
    ROWS_HIDDEN,
    SHEET_HIDDEN,
    SHEET_MACRO_SKIPPED,
    SHEET_SKIPPED,
)
from zytalent.diagnostics.i18n import Text, render
from zytalent.diagnostics.messages import READ_REASONS
from zytalent.ledgers import LEDGERS
from zytalent.reading.chunks import ReadWhole, csv_chunks
from zytalent.reading.grids import CSV_SUFFIXES, DOCUMENT_SUFFIXES, Grid, read_grids
from zytalent.reading.layout import AmbiguousKind, NoLedger
from zytalent.reading.model import LedgerTable
from zytalent.reading.plan import plan_tables, sheet_layout
from zytalent.reading.safety import Limits, UnreadableFile
from zytalent.reading.tables import build_tables, first_chunk, next_chunk

__all__ = ["ReadWhole", "read_file", "unreadable_finding"]

Batch = list[CheckedTable]


def read_file(
    path: Path,
    kind: str | None,
    today: dt.date,
    show_personal: bool,
    limits: Limits,
    found: fnd.Findings,
    *,
    chunked: bool = True,
    read_so_far: Callable[[int], None] | None = None,
) -> Iterator[Batch]:
    """The file's checked tables, batch by batch. A CSV larger than `limits.chunk_bytes`
    is read in chunks of `limits.chunk_rows` rows (with `chunked`); iterating raises
    ReadWhole when it turns out to need the whole-file reader after all.
    `read_so_far(bytes)` is told, after each chunk, how much of the file has been read;
    for a file read whole, after its sheets are read and after each table is checked, as
    the share of the file's bytes that the work done so far stands for."""
    where: dict[str, Any] = {"file": str(path)}
    try:
        if chunked and reads_in_chunks(path, limits):
            chunks = csv_chunks(path, limits.chunk_rows)
            if chunks is not None:
                yield from _chunked(path, chunks, kind, today, show_personal, found, read_so_far)
                return
        grids = read_grids(path, limits)
    except UnreadableFile as exc:
        found.add(unreadable_finding(str(path), exc))
        return
    except OSError as exc:  # vanished or unreadable while being read
        found.add(unreadable_finding(str(path), UnreadableFile("os", detail=exc.strerror)))
        return
    any_tables = False
    skipped: list[fnd.Finding] = []
    ambiguous = hidden_ledgers = False
    include_hidden = limits.include_hidden
    done = _WholeFile(path, grids, read_so_far)
    for position, grid in enumerate(grids):
        found.sheet_order[(str(path), grid.sheet)] = position
        if grid.skipped_as == "macro":
            skipped.append(fnd.make(SHEET_MACRO_SKIPPED, **where, sheet=grid.sheet))
            done.passed(grid)
            continue
        if grid.hidden and not include_hidden:
            # a hidden sheet is only looked at, not read: its first rows say what it is
            hidden_ledgers |= _hidden_sheet(grid, kind, where, found, skipped)
            done.passed(grid)
            continue
        try:
            built = build_tables(grid, kind)
        except NoLedger:
            if grid.sheet is not None:
                skipped.append(fnd.make(SHEET_SKIPPED, **where, sheet=grid.sheet))
            done.passed(grid)
            continue
        except AmbiguousKind as exc:
            ambiguous = True
            found.add(_ambiguous(where, grid, exc))
            done.passed(grid)
            continue
        found.extend(_notes(grid, built[0]))  # only about sheets that are read
        checked = []
        for number, table in enumerate(built, 1):
            checked.append(check_table(table, today, show_personal))
            done.checked(grid, number, len(built))
        _say_once(checked)
        any_tables = True
        yield checked
    found.extend(skipped)
    if not any_tables and not ambiguous and not hidden_ledgers:
        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            # a Word document beside the ledgers is usually a letter or 说明, not a ledger
            found.add(fnd.make(DOCUMENT_NO_LEDGER, **where))
        else:
            found.add(fnd.make(FILE_NO_LEDGER, **where))


class _WholeFile:
    """How far the reading of a file read whole has come, told to `read_so_far` in bytes
    of the file. Measured on a 60,000-row workbook, parsing it takes about two fifths of
    the time, checking its sheets a third of what is left and counting the records
    (after this) the rest: so the sheets read stand for 40 % of the file, and the checks
    take it to 70 %, sheet by sheet with the sheets' rows and within a sheet of several
    tables (month columns) table by table. The bar moves within a large workbook instead
    of waiting for its end."""

    READ_SHARE, CHECK_SHARE = 0.4, 0.3

    def __init__(
        self, path: Path, grids: list[Grid], read_so_far: Callable[[int], None] | None
    ) -> None:
        self.tell = read_so_far
        self.size = _size(path) if read_so_far is not None else 0
        self.rows = max(1, sum(len(grid.cells) for grid in grids))
        self.before = 0  # rows of the sheets done
        self._say(0.0)

    def checked(self, grid: Grid, tables: int, of: int) -> None:
        """`tables` of the sheet's `of` tables are checked."""
        self._say(len(grid.cells) * tables / of)
        if tables == of:
            self.before += len(grid.cells)

    def passed(self, grid: Grid) -> None:
        """A sheet not read as a ledger (skipped, hidden, unclear)."""
        self.before += len(grid.cells)
        self._say(0.0)

    def _say(self, within: float) -> None:
        if self.tell is not None:
            done = (self.before + within) / self.rows
            self.tell(int(self.size * (self.READ_SHARE + self.CHECK_SHARE * done)))


def reads_in_chunks(path: Path, limits: Limits) -> bool:
    """A CSV larger than `limits.chunk_bytes` is read in chunks of rows."""
    return path.suffix.lower() in CSV_SUFFIXES and _size(path) > limits.chunk_bytes


def _chunked(
    path: Path,
    chunks: Iterator[Grid],
    kind: str | None,
    today: dt.date,
    show_personal: bool,
    found: fnd.Findings,
    read_so_far: Callable[[int], None] | None,
) -> Iterator[Batch]:
    """A plain CSV ledger, chunk by chunk. A sheet with one column per month is read whole
    (its months are tables of their own, in the order of a whole read)."""
    where: dict[str, Any] = {"file": str(path)}
    first = next(iter(chunks))
    found.sheet_order[(str(path), None)] = 0
    try:
        plan = plan_tables(first, kind)
    except NoLedger:
        found.add(fnd.make(FILE_NO_LEDGER, **where))
        return
    except AmbiguousKind as exc:
        found.add(_ambiguous(where, first, exc))
        return
    if plan.months:
        raise ReadWhole("one column per month")
    table = first_chunk(plan, first)
    found.extend(_notes(first, table))
    footers: list[int] = []
    while True:
        footers += table.footer_rows
        checked = [check_table(table, today, show_personal)]
        _say_once(checked)
        yield checked
        try:
            chunk = next(chunks)
        except StopIteration:
            break
        if read_so_far is not None:
            read_so_far(chunk.bytes_read)
        table = next_chunk(plan, chunk)
    if footers:
        found.add(footer_finding(table, footers))


def _say_once(checked: Batch) -> None:
    """Months of one sheet share their other cells, and a range cell gives a start and an
    end: what is wrong with one cell is said once."""
    seen: set[fnd.Finding] = set()
    for table in checked:
        fresh = [f for f in dict.fromkeys(table.findings) if f not in seen]
        seen.update(fresh)
        table.findings = fresh


def _ambiguous(where: dict[str, Any], grid: Grid, exc: AmbiguousKind) -> fnd.Finding:
    return fnd.make(KIND_AMBIGUOUS, **where, sheet=grid.sheet, kinds=", ".join(exc.kinds))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _hidden_sheet(
    grid: Grid,
    kind: str | None,
    where: dict[str, Any],
    found: fnd.Findings,
    skipped: list[fnd.Finding],
) -> bool:
    """A hidden worksheet: a warning naming it when it looks like a ledger (of one kind or
    of several), a note when it does not. True when it looks like a ledger."""
    try:
        kinds = [sheet_layout(grid, kind).kind]
    except NoLedger:
        skipped.append(fnd.make(SHEET_SKIPPED, **where, sheet=grid.sheet))
        return False
    except AmbiguousKind as exc:
        kinds = exc.kinds
    title = Text(
        "或".join(LEDGERS[k].label.zh for k in kinds),
        " or ".join(LEDGERS[k].label.en for k in kinds),
    )
    found.add(fnd.make(SHEET_HIDDEN, **where, sheet=grid.sheet, title=title))
    return True


def unreadable_finding(file: str, exc: UnreadableFile) -> fnd.Finding:
    """The finding for a file that cannot be read: why, in the user's language; the
    reader library's own words in `detail`."""
    reason = render(READ_REASONS, exc.reason, {"detail": exc.detail or "", **exc.ctx})
    return fnd.make(exc.code, file=file, detail=exc.detail, **exc.ctx, reason=reason)


def _notes(grid: Grid, table: LedgerTable) -> list[fnd.Finding]:
    found = []
    if grid.hidden_rows:
        rows = [r for r in grid.hidden_rows if r > table.header_row]
        if rows:
            found.append(
                fnd.make(
                    ROWS_HIDDEN,
                    file=grid.file,
                    sheet=grid.sheet,
                    row=rows[0],
                    rows=fnd.row_ranges(rows),
                )
            )
    return found + [
        fnd.make(
            note.code,
            file=grid.file,
            sheet=grid.sheet,
            row=note.rows[0] if note.rows else None,
            cell=note.cells[0] if len(note.cells) == 1 else None,
            cells=", ".join(note.cells),
            rows=", ".join(map(str, note.rows)),
        )
        for note in grid.notes
    ]
