"""Load inputs: discover files, read and check them batch by batch, check what repeats
across batches and files, and gather one frame (or one table of the figure engine) per
kind."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from zytalent.checks.combine import concat_frames
from zytalent.checks.files import ReadWhole, read_file, reads_in_chunks, unreadable_finding
from zytalent.checks.ledger import Headers, Provenance, year_findings
from zytalent.checks.repeats import Repeats
from zytalent.checks.sheet import CheckedTable
from zytalent.checks.summaries import find_summaries, unit_of
from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import SHEET_REPLACED
from zytalent.figures.engine import Engine
from zytalent.ledgers import LEDGERS, ledger
from zytalent.reading.discover import discover
from zytalent.reading.layout import year_in_text
from zytalent.reading.safety import Limits
from zytalent.validity import RECORD_BIT

__all__ = ["FileReport", "Loaded", "Progress", "SheetReport", "load", "unreadable_finding"]

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
    """Everything read: typed frames per kind (with provenance, `_valid` and `_in_year`)
    or, for kinds `stored`, their records as tables of the figure engine; the files and
    sheets read, and the findings."""

    frames: dict[str, pd.DataFrame]
    files: list[FileReport]
    findings: fnd.Findings
    year: int | None = None
    # kinds whose records went batch by batch into the figure engine's tables instead of
    # being kept as frames (`load(keep_records=False)`)
    stored: tuple[str, ...] = ()
    engine: Engine | None = None
    # per kind, the fields some table read has a column for: a figure measuring a field no
    # table has is absent, not a false zero
    columns: dict[str, set[str]] = field(default_factory=dict)
    # (file, sheet, header as written) -> (kind, field): what a finding's column holds
    headers: dict[tuple[str, str | None, str], tuple[str, str]] = field(default_factory=dict)

    def kind_of(self, file: str | None, sheet: str | None) -> str | None:
        """The ledger kind a sheet was read as (None: not read as a ledger)."""
        for report in self.files:
            if report.file == file:
                for read in report.sheets:
                    if read.sheet == sheet:
                        return read.kind
        return None

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


@dataclass
class _Options:
    kind: str | None
    year: int | None
    show_personal: bool
    today: dt.date
    limits: Limits
    keep_records: bool
    figures: bool = True  # records not kept go to the figure engine (else nowhere)
    file_number: int = 0  # of the file being read: what the engine takes back with it
    engine: Engine | None = None
    # the kinds of a file that are not to count (a later version of it holds them)
    left_out: dict[Path, frozenset[str]] = field(default_factory=dict)

    @property
    def stores(self) -> bool:
        return not self.keep_records and self.figures

    def engine_now(self) -> Engine:
        """The engine (created when first needed): the records not kept, and the row
        hashes that find identical rows."""
        if self.engine is None:
            self.engine = Engine()
        return self.engine

    def store(self, kind: str, frame: pd.DataFrame) -> None:
        self.engine_now().store(kind, frame, self.file_number)

    def forget(self, kind: str) -> None:
        if self.engine is not None:
            self.engine.forget(kind, self.file_number)

    def read(
        self,
        path: Path,
        found: fnd.Findings,
        chunked: bool = True,
        read_so_far: Callable[[int], None] | None = None,
    ) -> Iterator[list[CheckedTable]]:
        batches = read_file(
            path,
            self.kind,
            self.today,
            self.show_personal,
            self.limits,
            found,
            chunked=chunked,
            read_so_far=read_so_far,
        )
        left_out = self.left_out.get(path.resolve())
        return _leave_out(path, batches, left_out, found) if left_out else batches


def _leave_out(
    path: Path, batches: Iterable[list[CheckedTable]], kinds: frozenset[str], found: fnd.Findings
) -> Iterator[list[CheckedTable]]:
    """The file's tables without those of `kinds`, each sheet left out said once. Their
    records are neither counted nor checked: the version that replaced them is."""
    said: set[tuple[str | None, str]] = set()
    for batch in batches:
        for table in batch:
            where = (table.table.sheet, table.table.kind)
            if table.table.kind in kinds and where not in said:
                said.add(where)
                title = LEDGERS[table.table.kind].label
                found.add(fnd.make(SHEET_REPLACED, file=str(path), sheet=where[0], title=title))
        yield [table for table in batch if table.table.kind not in kinds]


@dataclass
class _Kind:
    """One ledger kind across all files: what repeats, and its records (kept whole, or
    stored in the figure engine). `staged` holds the file being read until it is read to
    the end (`staged_elsewhere`: it sent records to the engine or dropped them)."""

    repeats: Repeats
    frames: list[pd.DataFrame] = field(default_factory=list)
    files: list[tuple[Path, bool]] = field(default_factory=list)  # and whether read in chunks
    staged: list[pd.DataFrame] = field(default_factory=list)
    staged_elsewhere: bool = False
    columns: set[str] = field(default_factory=set)  # fields some table has a column for
    headers: dict[tuple[str, str | None, str], str] = field(default_factory=dict)


def load(
    paths: Iterable[str | Path],
    *,
    kind: str | None = None,
    year: int | None = None,
    show_personal: bool = False,
    today: dt.date | None = None,
    limits: Limits | None = None,
    progress: Progress | None = None,
    keep_records: bool = True,
    figures: bool = True,
    left_out: Mapping[Path, Collection[str]] | None = None,
) -> Loaded:
    """Read and check every ledger under `paths`. `progress(path, bytes_done, bytes_total)`
    is called before and after each file (the CLI draws a bar from it; core code never
    prints). Hidden worksheets are read only with `limits.include_hidden`.

    With `keep_records=False`, records go batch by batch into the figure engine's tables
    (`Loaded.stored`; with `figures=False` nowhere) instead of being kept as frames, so
    memory does not grow with the rows: the engine spills to disk.

    `left_out` names, per file, kinds whose tables are not to count, because a later
    version of that file holds them (the collection round's versions); each sheet left out
    is a `sheet_replaced` note."""
    if kind is not None:
        kind = ledger(kind).kind  # a Chinese name is fine; an unknown one is a usage error
    options = _Options(
        kind,
        year,
        show_personal,
        today or dt.date.today(),
        limits or Limits.from_env(),
        keep_records,
        figures,
        left_out={p.resolve(): frozenset(k) for p, k in (left_out or {}).items()},
    )
    found = fnd.Findings()
    discovered = discover(paths)
    found.extend(discovered.notes)
    files: list[FileReport] = []
    kinds: dict[str, _Kind] = {}
    # bytes read before each file and after it (a running total, not a sum per file)
    done = [0, *accumulate(_size(path) for path in discovered.files)]
    # Files read whole wait here until a file read in chunks comes or the input ends:
    # then the summaries among them are found before anything is counted or repeats are
    # checked, in the order the files were read.
    pending: list[_Pending] = []
    for number, path in enumerate(discovered.files):
        if progress is not None:
            progress(path, done[number], done[-1])
        report = FileReport(str(path))
        files.append(report)
        read_so_far = None
        if progress is not None:
            start, total = done[number], done[-1]
            read_so_far = lambda read, path=path, start=start, total=total: progress(  # noqa: E731
                path, start + read, total
            )
        if reads_in_chunks(path, options.limits):
            _flush(pending, options, kinds, found)
            options.file_number = number
            _load_file(path, options, kinds, report, found, read_so_far)
        else:
            pending.append(_read_whole(path, options, report, number, read_so_far))
        if progress is not None:
            progress(path, done[number + 1], done[-1])
    _flush(pending, options, kinds, found)
    for name, state in kinds.items():
        batches = state.frames if options.keep_records else _read_again(name, state, options)
        found.extend(state.repeats.confirm(batches))
    chosen = [k for k in LEDGERS if k in kinds]
    frames = {k: concat_frames(kinds[k].frames) for k in chosen} if options.keep_records else {}
    stored = tuple(chosen) if options.stores else ()
    found.merge_runs()
    columns = {k: kinds[k].columns for k in LEDGERS if k in kinds}
    headers = {where: (k, name) for k in kinds for where, name in kinds[k].headers.items()}
    return Loaded(frames, files, found, year, stored, options.engine, columns, headers)


def _load_file(
    path: Path,
    options: _Options,
    kinds: dict[str, _Kind],
    report: FileReport,
    found: fnd.Findings,
    read_so_far: Callable[[int], None] | None = None,
) -> None:
    """Read one file into staged state, and commit it when read to the end. A large CSV
    that needs the whole-file reader part-way is rolled back and read again whole."""
    for state in kinds.values():
        state.repeats.begin_file()
    known = set(kinds)
    chunked = True
    try:
        staged = _stage(path, options, kinds, report, chunked=True, read_so_far=read_so_far)
    except ReadWhole:
        chunked = False
        for name in list(kinds):
            options.forget(name)
            if name not in known:
                del kinds[name]
                continue
            kinds[name].repeats.rollback()
            kinds[name].staged, kinds[name].staged_elsewhere = [], False
        report.sheets.clear()
        staged = _stage(path, options, kinds, report, chunked=False)
    _commit(path, kinds, staged, found, chunked=chunked)


@dataclass
class _Pending:
    """A file read whole and checked sheet by sheet, not yet counted."""

    path: Path
    batches: list[list[CheckedTable]]
    found: fnd.Findings
    number: int  # its place among the files read


def _read_whole(
    path: Path,
    options: _Options,
    report: FileReport,
    number: int,
    read_so_far: Callable[[int], None] | None = None,
) -> _Pending:
    found = fnd.Findings()
    batches = list(options.read(path, found, chunked=False, read_so_far=read_so_far))
    for batch in batches:
        for table in batch:
            _report_sheet(report, table)
    return _Pending(path, batches, found, number)


def _flush(
    pending: list[_Pending], options: _Options, kinds: dict[str, _Kind], found: fnd.Findings
) -> None:
    """Count the files read whole so far: summaries first, then each file in order."""
    units = [
        unit_of(str(p.path), batch[0].table.sheet, position, batch)
        for position, (p, batch) in enumerate((p, b) for p in pending for b in p.batches)
        if batch
    ]
    summaries, said = find_summaries(units)
    found.extend(said)
    for file in pending:
        options.file_number = file.number
        for state in kinds.values():
            state.repeats.begin_file()
        for batch in file.batches:
            for table in batch:
                summary = (str(file.path), table.table.sheet) in summaries
                _take(table, options, kinds, file.found, summary=summary)
        _commit(file.path, kinds, file.found, found, chunked=False)
    pending.clear()


def _report_sheet(report: FileReport, table: CheckedTable) -> None:
    last = report.sheets[-1] if report.sheets else None
    if last and (last.sheet, last.kind) == (table.table.sheet, table.table.kind):
        last.records += len(table.frame)  # another month or chunk of the same sheet
    else:
        report.sheets.append(SheetReport(table.table.sheet, table.table.kind, len(table.frame)))


def _take(
    table: CheckedTable,
    options: _Options,
    kinds: dict[str, _Kind],
    found: fnd.Findings,
    *,
    summary: bool = False,
) -> None:
    """Stage one checked table of the file being read. A summary's records are kept (for
    explain and the annotated copy) but neither counted nor checked for repeats: its
    records are the parts' records again."""
    name = table.table.kind
    found.extend(table.findings)
    state = kinds.get(name)
    if state is None:
        state = kinds[name] = _Kind(Repeats(name, options.show_personal, options.engine_now))
        state.repeats.begin_file()
    state.columns.update(table.table.columns)
    for field_name, source in table.table.columns.items():
        state.headers[(table.table.file, table.table.sheet, source.header)] = field_name
    if summary:
        frame = table.frame
        frame["_in_year"] = np.zeros(len(frame), dtype=bool)
    else:
        frame = _across(table, state.repeats, options, found)
    if options.keep_records:
        state.staged.append(frame)
    else:
        if options.stores:
            options.store(name, frame)
        state.staged_elsewhere = True


def _commit(
    path: Path,
    kinds: dict[str, _Kind],
    staged: fnd.Findings,
    found: fnd.Findings,
    *,
    chunked: bool,
) -> None:
    """The file is read to the end: what it staged counts."""
    found.extend(staged.items)
    found.sheet_order.update(staged.sheet_order)
    for state in kinds.values():
        if state.staged or state.staged_elsewhere:
            state.files.append((path, chunked))
        state.frames.extend(state.staged)
        state.staged, state.staged_elsewhere = [], False


def _stage(
    path: Path,
    options: _Options,
    kinds: dict[str, _Kind],
    report: FileReport,
    *,
    chunked: bool,
    read_so_far: Callable[[int], None] | None = None,
) -> fnd.Findings:
    found = fnd.Findings()
    for batch in options.read(path, found, chunked, read_so_far):
        for table in batch:
            _report_sheet(report, table)
            _take(table, options, kinds, found)
    return found


def _across(
    checked: CheckedTable, repeats: Repeats, options: _Options, found: fnd.Findings
) -> pd.DataFrame:
    """What is checked across batches: repeated values, and the year of each record."""
    table, frame = checked.table, checked.frame
    headers: Headers = {
        (table.file, table.sheet, table.part, name): (source.header, source.letter)
        for name, source in table.columns.items()
    }
    where = Provenance.of(frame, headers)
    repeated, invalid = repeats.check(frame, where, options.file_number)
    found.extend(repeated)
    frame["_valid"] = frame["_valid"].to_numpy(dtype=bool) & ~invalid
    if invalid.any():  # a repeated person or value: the record itself is in question
        frame["_bad"] = frame["_bad"].to_numpy() | np.where(invalid, RECORD_BIT, 0)
    year = options.year
    if year is not None:
        outside, in_year = year_findings(table.kind, frame, year, where)
        found.extend(outside)
        frame["_in_year"] = in_year
    else:
        frame["_in_year"] = np.ones(len(frame), dtype=bool)
        titled = next((y for t in table.titles if (y := year_in_text(t))), None)
        if titled is not None:
            # no year asked for: the year the title names (2023年引进人才台账) is the
            # one records are warned about, though nothing is counted here
            found.extend(year_findings(table.kind, frame, titled, where)[0])
    return frame


def _read_again(name: str, state: _Kind, options: _Options) -> Iterator[pd.DataFrame]:
    """The batches of a tallied kind, read again (only when identical rows are to be
    confirmed on their real values)."""
    for path, chunked in state.files:
        for batch in options.read(path, fnd.Findings(), chunked):
            yield from (t.frame for t in batch if t.table.kind == name)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def file_report(path: Path, limits: Limits, year: int | None) -> dict[str, Any]:
    """The whole check of one file, as `validate --format json` reports it: the task a
    server runs for an upload in a worker process (reading/isolated.run_isolated)."""
    return load([path], year=year, limits=limits, keep_records=False).report()
