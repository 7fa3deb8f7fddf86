"""`summarize`: the year's headline figures from the records that count towards it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from zytalent.cells.money import fen_to_yuan, format_fen
from zytalent.diagnostics.findings import Finding
from zytalent.figures.engine import Engine
from zytalent.figures.inputs import figure_mask
from zytalent.figures.prepare import EVERY_FIELD, that_count
from zytalent.figures.registry import FIGURES, Figure
from zytalent.ledgers import LEDGERS, Column
from zytalent.load import Loaded, Progress, load
from zytalent.reading.safety import Limits
from zytalent.touched import touched

if TYPE_CHECKING:
    from sqlglot import exp


@dataclass
class Source:
    records: int  # counted towards the year
    files: int  # files those records come from
    read: int  # every record of the kind read, in the year or not, valid or not

    def to_dict(self) -> dict[str, int]:
        return {"records": self.records, "files": self.files, "read": self.read}


@dataclass
class Summary:
    year: int
    loaded: Loaded
    skip_invalid: bool
    values: dict[str, int] = field(default_factory=dict)  # money in fen
    sources: dict[str, Source] = field(default_factory=dict)

    # figures an error touches, not given (without --skip-invalid)
    refused: list[str] = field(default_factory=list)
    # errors that touch no figure: still errors, named beside the figures
    harmless: list[Finding] = field(default_factory=list)
    blocked_by_anything: bool = False

    @property
    def blocked(self) -> bool:
        """An error that may touch any figure (a file that cannot be read, a sheet of an
        unknown kind) and no --skip-invalid: no figures are given."""
        return self.blocked_by_anything and not self.skip_invalid

    @property
    def complete(self) -> bool:
        """Every figure is given: nothing blocked or refused (the exit code is 0)."""
        return not self.blocked and not self.refused

    @property
    def has_errors(self) -> bool:
        """Errors in the inputs and no --skip-invalid (records are not exported then)."""
        return self.loaded.findings.errors > 0 and not self.skip_invalid

    @property
    def left_out_rows(self) -> int:
        kept = sum(int((~f["_valid"]).sum()) for f in self.loaded.frames.values())
        return kept + sum(s["left_out"] for s in stored_sources(self.loaded).values())

    @property
    def left_out_files(self) -> int:
        """Files nothing was read from, whatever the reason (unreadable, encrypted, too
        large, unsafe, too old a format, no ledger): every file-scoped error."""
        return len(
            {f.file for f in self.loaded.findings.items if f.file and f.declared.leaves_file_out}
        )

    def value(self, figure_id: str) -> int | Decimal:
        raw = self.values[figure_id]
        return fen_to_yuan(raw) if FIGURES[figure_id].unit == "yuan" else raw

    def json_value(self, figure_id: str) -> int | str:
        raw = self.values[figure_id]
        return format_fen(raw) if FIGURES[figure_id].unit == "yuan" else raw

    def to_dict(self) -> dict[str, Any]:
        return {
            "year": self.year,
            "figures": {fid: self.json_value(fid) for fid in self.values},
            "sources": {kind: s.to_dict() for kind, s in self.sources.items()},
            "blocked": self.blocked,
            **({"refused": self.refused} if self.refused else {}),
            "left_out": {"rows": self.left_out_rows, "files": self.left_out_files}
            if self.skip_invalid
            else {"rows": 0, "files": 0},
            "report": self.loaded.report(),
        }


def counted(loaded: Loaded, kind: str, figure: Figure | None = None) -> pd.DataFrame:
    """The records of a kind that count towards the loaded year: those valid in every
    field, or in the fields `figure` uses."""
    mask = figure_mask(figure.id) if figure is not None else EVERY_FIELD
    return that_count(loaded.frames[kind], mask)


def summarize(
    year: int,
    paths: Iterable[str | Path],
    *,
    kind: str | None = None,
    skip_invalid: bool = False,
    show_personal: bool = False,
    today: dt.date | None = None,
    limits: Limits | None = None,
    progress: Progress | None = None,
    keep_records: bool = False,
    records: Sequence[str] | None = None,
    left_out: Mapping[Path, Collection[str]] | None = None,
) -> Summary:
    """The year's figures. Records are kept (`summary.loaded.frames`) only with
    `keep_records`; otherwise they go batch by batch into the figure engine's tables.
    With `records` (Parquet written by `zytalent records`), the figures are computed from
    those instead of from ledgers under `paths`."""
    if records:
        return summarize_records(year, list(records), skip_invalid=skip_invalid)
    loaded = load(
        paths,
        kind=kind,
        year=year,
        show_personal=show_personal,
        today=today,
        limits=limits,
        progress=progress,
        keep_records=keep_records,
        left_out=left_out,
    )
    summary = Summary(year, loaded, skip_invalid)
    errors = touched(loaded)
    summary.blocked_by_anything = errors.anything
    summary.harmless = errors.harmless
    if summary.blocked:
        return summary
    # kept frames are handed to the engine the stored kinds are in, for as long as this takes
    engine = loaded.engine or Engine()
    for name, frame in loaded.frames.items():
        engine.register_frame(name, frame)
    try:
        kinds = [k for k in LEDGERS if k in loaded.frames or k in loaded.stored]
        summary.sources = sources_in(engine, kinds)
        values = figures_in(engine, kinds, loaded.columns)
    finally:
        for name in loaded.frames:
            engine.unregister(name)
        if engine is not loaded.engine:
            engine.close()
    if not skip_invalid:
        summary.refused = [fid for fid in values if errors.refuses(fid)]
    summary.values = {fid: v for fid, v in values.items() if fid not in summary.refused}
    return summary


def missing_column(figure: Figure, columns: dict[str, set[str]]) -> Column | None:
    """The column a figure measures when no table of its ledger that was read has it
    (a meal ledger without money columns): the figure is then absent, not a false 0."""
    if figure.field is None or figure.kind not in columns:
        return None
    column = LEDGERS[figure.kind].columns().get(figure.field)
    if column is None or figure.field in columns[figure.kind]:
        return None
    return column


def stored_sources(loaded: Loaded) -> dict[str, dict[str, int]]:
    """Records read, left out and counted, and files, of the kinds in the engine."""
    if loaded.engine is None:
        return {}
    return {k: loaded.engine.sources(k, k)[None] for k in loaded.stored}


def sources_in(engine: Engine, kinds: Iterable[str]) -> dict[str, Source]:
    """Per ledger kind in the engine: records counted (valid in every field some figure
    uses, and of the year), files they come from, records read."""
    counts = {kind: engine.sources(kind, kind)[None] for kind in kinds}
    return {k: Source(c["counted"], c["files"], c["read"]) for k, c in counts.items()}


def figures_of_kind(kind: str, columns: dict[str, set[str]]) -> list[Figure]:
    """The kind's figures, less those measuring a column no table of it has: they are
    absent, not a false zero."""
    return [f for f in FIGURES.values() if f.kind == kind and missing_column(f, columns) is None]


def figures_in(
    engine: Engine,
    kinds: Iterable[str],
    columns: dict[str, set[str]],
    also: Mapping[str, Mapping[str, exp.Expr]] | None = None,
) -> dict[str, int]:
    """Every figure of the kinds in the engine (money in fen), each from the records of the
    year valid in the fields it uses, in the order figures are declared; after them, the
    aggregates `also` names per kind, computed beside that kind's figures."""
    values: dict[str, int] = {}
    extra: dict[str, int] = {}
    for kind in kinds:
        asked = (also or {}).get(kind, {})
        found = engine.figure_values(kind, kind, figures_of_kind(kind, columns), also=asked)
        extra.update({name: found[None].pop(name) for name in asked})
        values.update(found[None])
    return {f: values[f] for f in FIGURES if f in values} | extra


def summarize_records(year: int, sources: list[str], *, skip_invalid: bool = False) -> Summary:
    """The year's figures from Parquet written by `zytalent records` (zytalent/dataset.py)."""
    from zytalent.dataset import open_dataset

    loaded, _ = open_dataset(year, sources)
    return summary_of(loaded, year, skip_invalid)


def summary_of(loaded: Loaded, year: int, skip_invalid: bool) -> Summary:
    """The figures of records already in the engine; those that count people are refused
    where the IDs were exported masked."""
    from zytalent.dataset import (
        counts_persons,
        masked_alone,
        masked_counts,
        masked_fields,
        masked_findings,
    )

    summary = Summary(year, loaded, skip_invalid)
    assert loaded.engine is not None
    checks = {kind: masked_counts(kind, loaded.columns[kind]) for kind in loaded.stored}
    # a file that could not be read may hold any figure's records
    summary.blocked_by_anything = any(f.declared.leaves_file_out for f in loaded.findings.items)
    if summary.blocked:
        values = masked_alone(loaded.engine, checks)  # no figure, but masked columns are said
    else:
        summary.sources = sources_in(loaded.engine, loaded.stored)
        values = figures_in(loaded.engine, loaded.stored, loaded.columns, checks)
    counts = {name: values.pop(name) for asked in checks.values() for name in asked}
    for finding in masked_findings(loaded, counts):
        loaded.findings.add(finding)
    masked = masked_fields(counts)
    summary.refused = [
        fid
        for fid in values
        if any((FIGURES[fid].kind, name) in masked for name in counts_persons(FIGURES[fid]))
    ]
    summary.values = {fid: v for fid, v in values.items() if fid not in summary.refused}
    return summary
