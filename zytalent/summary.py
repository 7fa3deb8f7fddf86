"""`summarize`: the year's headline figures from the records that count towards it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import pandas as pd

from zytalent.cells.money import fen_to_yuan, format_fen
from zytalent.diagnostics.codes import leaves_file_out
from zytalent.figures.prepare import prepare, that_count
from zytalent.figures.registry import FIGURES, Figure
from zytalent.figures.tally import Tally
from zytalent.ledgers import LEDGERS, Column
from zytalent.load import Loaded, Progress, load
from zytalent.reading.safety import Limits


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

    @property
    def blocked(self) -> bool:
        """Errors in the inputs and no --skip-invalid: no figures are given."""
        return self.loaded.findings.errors > 0 and not self.skip_invalid

    @property
    def left_out_rows(self) -> int:
        kept = sum(int((~f["_valid"]).sum()) for f in self.loaded.frames.values())
        return kept + sum(t.left_out for t in self.loaded.tallies.values())

    @property
    def left_out_files(self) -> int:
        """Files nothing was read from, whatever the reason (unreadable, encrypted, too
        large, unsafe, too old a format, no ledger): every file-scoped error."""
        return len(
            {
                f.file
                for f in self.loaded.findings.items
                if f.file and leaves_file_out(f.code, f.severity)
            }
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
            "left_out": {"rows": self.left_out_rows, "files": self.left_out_files}
            if self.skip_invalid
            else {"rows": 0, "files": 0},
            "report": self.loaded.report(),
        }


def counted(loaded: Loaded, kind: str) -> pd.DataFrame:
    """The valid records of a kind that count towards the loaded year, with derived columns."""
    return prepare(kind, that_count(loaded.frames[kind]))


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
) -> Summary:
    """The year's figures. Records are kept (`summary.loaded.frames`) only with
    `keep_records`; otherwise kinds are tallied batch by batch where their figures allow."""
    loaded = load(
        paths,
        kind=kind,
        year=year,
        show_personal=show_personal,
        today=today,
        limits=limits,
        progress=progress,
        keep_records=keep_records,
    )
    summary = Summary(year, loaded, skip_invalid)
    if summary.blocked:
        return summary
    records = {kind: counted(loaded, kind) for kind in loaded.frames}
    kept = sources_of(records, {k: len(f) for k, f in loaded.frames.items()})
    tallied = {k: Source(t.counted, len(t.files), t.read) for k, t in loaded.tallies.items()}
    summary.sources = {k: kept.get(k) or tallied[k] for k in LEDGERS if k in kept or k in tallied}
    summary.values = figures_of(records, loaded.tallies, loaded.columns)
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


def sources_of(records: dict[str, pd.DataFrame], read: dict[str, int]) -> dict[str, Source]:
    """Per ledger kind: records counted, files they come from, records read."""
    return {
        kind: Source(len(frame), int(frame["_file"].nunique()), read.get(kind, len(frame)))
        for kind, frame in records.items()
    }


def figures_of(
    records: dict[str, pd.DataFrame],
    tallies: dict[str, Tally] | None = None,
    columns: dict[str, set[str]] | None = None,
) -> dict[str, int]:
    """Every figure whose ledger is among the records or the tallies (money in fen). A
    ledger not given, or a column no table of it has, gives no figure rather than a false
    zero."""
    tallies = tallies or {}
    values: dict[str, int] = {}
    for figure in FIGURES.values():
        if columns is not None and missing_column(figure, columns) is not None:
            continue
        if figure.kind in tallies:
            value = tallies[figure.kind].value(figure)
            if value is not None:
                values[figure.id] = value
            continue
        if figure.kind not in records:
            continue
        chosen = records[figure.kind]
        if figure.only_if_present and not figure.where_any(chosen):
            continue
        values[figure.id] = figure.compute(chosen)
    return values
