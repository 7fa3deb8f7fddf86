"""Load inputs: discover files, read their sheets, check them, and gather one frame per kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from zytalent.checks.ledger import Headers, Provenance, duplicate_findings, year_findings
from zytalent.checks.sheet import CheckedTable, check_row_totals, check_table
from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.i18n import Text, render
from zytalent.diagnostics.messages import READ_REASONS
from zytalent.ledgers import LEDGERS, ledger
from zytalent.reading.discover import discover
from zytalent.reading.grids import Grid, read_grids
from zytalent.reading.safety import Limits, UnreadableFile
from zytalent.reading.tables import (
    AmbiguousKind,
    LedgerTable,
    NoLedger,
    build_tables,
    sheet_layout,
)

Progress = Callable[[Path, int, int], None]


@dataclass
class SheetReport:
    sheet: str | None
    kind: str
    records: int

    def to_dict(self) -> dict[str, Any]:
        return {"sheet": self.sheet, "kind": self.kind, "records": self.records}


@dataclass
class FileReport:
    file: str
    sheets: list[SheetReport] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "sheets": [s.to_dict() for s in self.sheets]}


@dataclass
class Loaded:
    """Everything read: typed frames per kind (with provenance and `_valid`), files, findings."""

    frames: dict[str, pd.DataFrame]
    files: list[FileReport]
    findings: fnd.Findings
    year: int | None = None

    @property
    def records(self) -> int:
        return sum(s.records for f in self.files for s in f.sheets)

    def report(self) -> dict[str, Any]:
        """The findings report of the ledger contract (spec §3)."""
        items = self.findings.sorted()
        return {
            "files": [f.to_dict() for f in self.files],
            "findings": [f.to_dict() for f in items],
            "summary": {
                "files": len(self.files),
                "records": self.records,
                "errors": self.findings.errors,
                "warnings": self.findings.warnings,
                "notes": self.findings.count("info"),
            },
        }


def load(
    paths: Iterable[str | Path],
    *,
    kind: str | None = None,
    year: int | None = None,
    show_personal: bool = False,
    today: dt.date | None = None,
    limits: Limits | None = None,
    progress: Progress | None = None,
) -> Loaded:
    """Read and check every ledger under `paths`. `progress(path, bytes_done, bytes_total)`
    is called before and after each file (the CLI draws a bar from it; core code never
    prints). Hidden worksheets are read only with `limits.include_hidden`."""
    if kind is not None:
        kind = ledger(kind).kind  # a Chinese name is fine; an unknown one is a usage error
    today = today or dt.date.today()
    found = fnd.Findings()
    discovered = discover(paths)
    found.extend(discovered.notes)
    files: list[FileReport] = []
    checked: list[CheckedTable] = []
    # bytes read before each file and after it (a running total, not a sum per file)
    done = [0, *accumulate(_size(path) for path in discovered.files)]
    for number, path in enumerate(discovered.files):
        if progress is not None:
            progress(path, done[number], done[-1])
        report = FileReport(str(path))
        files.append(report)
        tables = _read_file(path, kind, today, show_personal, limits or Limits.from_env(), found)
        if progress is not None:
            progress(path, done[number + 1], done[-1])
        for table in tables:
            last = report.sheets[-1] if report.sheets else None
            if last and (last.sheet, last.kind) == (table.table.sheet, table.table.kind):
                last.records += len(table.frame)  # another month of the same sheet
            else:
                report.sheets.append(
                    SheetReport(table.table.sheet, table.table.kind, len(table.frame))
                )
            found.extend(table.findings)
        checked.extend(tables)
    frames = _combine(checked, year, show_personal, found)
    return Loaded(frames, files, found, year)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _read_file(
    path: Path,
    kind: str | None,
    today: dt.date,
    show_personal: bool,
    limits: Limits,
    found: fnd.Findings,
) -> list[CheckedTable]:
    where: dict[str, Any] = {"file": str(path)}
    try:
        grids = read_grids(path, limits)
    except UnreadableFile as exc:
        found.add(unreadable_finding(str(path), exc))
        return []
    except OSError as exc:  # vanished or unreadable while being read
        found.add(unreadable_finding(str(path), UnreadableFile("os", detail=exc.strerror)))
        return []
    tables: list[CheckedTable] = []
    skipped: list[fnd.Finding] = []
    ambiguous = hidden_ledgers = False
    include_hidden = limits.include_hidden
    for position, grid in enumerate(grids):
        found.sheet_order[(str(path), grid.sheet)] = position
        if grid.hidden and not include_hidden:
            # a hidden sheet is only looked at, not read: its first rows say what it is
            hidden_ledgers |= _hidden_sheet(grid, kind, where, found, skipped)
            continue
        try:
            built = build_tables(grid, kind)
        except NoLedger:
            if grid.sheet is not None:
                skipped.append(fnd.make("info", "sheet_skipped", **where, sheet=grid.sheet))
            continue
        except AmbiguousKind as exc:
            ambiguous = True
            found.add(
                fnd.make(
                    "error", "kind_ambiguous", **where, sheet=grid.sheet, kinds=", ".join(exc.kinds)
                )
            )
            continue
        found.extend(_notes(grid, built[0]))  # only about sheets that are read
        checked = [check_table(table, today, show_personal) for table in built]
        # months of one sheet share their other cells, and a range cell gives a start and
        # an end: what is wrong with one cell is said once
        seen: set[fnd.Finding] = set()
        for table in checked:
            fresh = [f for f in dict.fromkeys(table.findings) if f not in seen]
            seen.update(fresh)
            table.findings = fresh
        found.extend(check_row_totals(checked))
        tables.extend(checked)
    found.extend(skipped)
    if not tables and not ambiguous and not hidden_ledgers:
        found.add(fnd.make("error", "file_no_ledger", **where))
    return tables


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
        skipped.append(fnd.make("info", "sheet_skipped", **where, sheet=grid.sheet))
        return False
    except AmbiguousKind as exc:
        kinds = exc.kinds
    title = Text(
        "或".join(LEDGERS[k].title_zh for k in kinds),
        " or ".join(LEDGERS[k].title_en for k in kinds),
    )
    found.add(fnd.make("warning", "sheet_hidden", **where, sheet=grid.sheet, title=title))
    return True


def unreadable_finding(file: str, exc: UnreadableFile) -> fnd.Finding:
    """The finding for a file that cannot be read: why, in the user's language; the
    reader library's own words in `detail`."""
    reason = render(READ_REASONS, exc.reason, {"detail": exc.detail or "", **exc.ctx})
    return fnd.make("error", exc.code, file=file, detail=exc.detail, **exc.ctx, reason=reason)


def _ranges(rows: list[int]) -> str:
    """5, 6, 7, 9 -> "5–7, 9": a filter hides long runs of rows."""
    runs: list[list[int]] = []
    for row in rows:
        if runs and row == runs[-1][1] + 1:
            runs[-1][1] = row
        else:
            runs.append([row, row])
    return ", ".join(str(a) if a == b else f"{a}–{b}" for a, b in runs)


def concat_frames(frames: list[pd.DataFrame]) -> pd.DataFrame:
    """Concatenate typed frames, keeping text columns categorical (plain concat would turn
    categoricals with different categories into Python objects)."""
    if len(frames) == 1:
        return frames[0]
    order = list(frames[0].columns)
    text = [n for n in order if all(isinstance(f[n].dtype, pd.CategoricalDtype) for f in frames)]
    # plain concat would first turn categoricals with different categories into objects
    combined = pd.concat([f.drop(columns=text) for f in frames], ignore_index=True)
    for name in text:
        combined[name] = union_of_categoricals([f[name].array for f in frames])
    return combined[order]


def union_of_categoricals(parts: Sequence[pd.Categorical]) -> pd.Categorical:
    """The parts one after another, over the union of their categories. One hash pass
    over all the parts' categories; pandas' union_categoricals re-hashes the growing union
    for every part, which is quadratic in the number of files."""
    categories = [np.asarray(p.categories, dtype=object) for p in parts]
    union_code, union = pd.factorize(np.concatenate(categories), use_na_sentinel=True)
    offsets = np.cumsum([0] + [len(c) for c in categories[:-1]])
    codes = np.full(sum(len(p) for p in parts), -1, dtype=np.int64)
    start = 0
    for part, offset in zip(parts, offsets, strict=True):
        own = part.codes.astype(np.int64)
        present = own >= 0  # -1 is a missing value in every part
        codes[start : start + len(part)][present] = union_code[offset + own[present]]
        start += len(part)
    return pd.Categorical.from_codes(codes, categories=pd.Index(union, dtype=object))


def _notes(grid: Grid, table: LedgerTable) -> list[fnd.Finding]:
    found = []
    if grid.hidden_rows:
        rows = [r for r in grid.hidden_rows if r > table.header_row]
        if rows:
            found.append(
                fnd.make(
                    "info",
                    "rows_hidden",
                    file=grid.file,
                    sheet=grid.sheet,
                    row=rows[0],
                    rows=_ranges(rows),
                )
            )
    return found + [
        fnd.make(
            note.severity,
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


def _combine(
    checked: Sequence[CheckedTable], year: int | None, show_personal: bool, found: fnd.Findings
) -> dict[str, pd.DataFrame]:
    frames: dict[str, pd.DataFrame] = {}
    for kind in LEDGERS:
        parts = [c for c in checked if c.table.kind == kind]
        if not parts:
            continue
        frame = concat_frames([c.frame for c in parts])
        headers: Headers = {
            (c.table.file, c.table.sheet, c.table.part, name): (source.header, source.letter)
            for c in parts
            for name, source in c.table.columns.items()
        }
        where = Provenance.of(frame, headers)
        duplicates, invalid = duplicate_findings(kind, frame, where, show_personal)
        found.extend(duplicates)
        frame["_valid"] = frame["_valid"].to_numpy(dtype=bool) & ~invalid
        if year is not None:
            outside, in_year = year_findings(kind, frame, year, where)
            found.extend(outside)
            frame["_in_year"] = in_year
        else:
            frame["_in_year"] = np.ones(len(frame), dtype=bool)
        frames[kind] = frame
    return frames
