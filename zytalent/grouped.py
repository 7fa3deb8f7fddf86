"""`summarize --by`: the figures per group beside the total — per county folder of a city,
per input file, or per value of a column (服务点, 乡镇).

Everything is read and checked once, over all inputs, so that checks across files (the
same person twice) and the totals are those of `summarize` without `--by`; each group's
figures are then computed from its own records. A distinct count (elders served) of the
total is not the sum of the groups' counts when a person is in two groups; the result
says where that is so.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from zytalent.diagnostics.errors import UsageError
from zytalent.diagnostics.i18n import Text
from zytalent.figures.engine import Engine
from zytalent.figures.registry import FIGURES
from zytalent.figures.sql import GROUP
from zytalent.ledgers import LEDGERS
from zytalent.load import Progress
from zytalent.reading.headers import field_named
from zytalent.reading.safety import Limits
from zytalent.summary import Source, Summary, figures_of_kind, summarize, summary_of


@dataclass
class Grouped:
    summary: Summary  # the totals, over every record
    by: str
    groups: dict[str, dict[str, int]] = field(default_factory=dict)  # group -> figure -> value
    sources: dict[str, dict[str, Source]] = field(default_factory=dict)
    unsplit: list[str] = field(default_factory=list)  # figures the column cannot split

    def differs(self, figure_id: str) -> bool:
        """The total is not the sum of the groups (a distinct count over groups)."""
        parts = [g[figure_id] for g in self.groups.values() if figure_id in g]
        return bool(parts) and sum(parts) != self.summary.values.get(figure_id)

    def to_dict(self) -> dict[str, Any]:
        totals = self.summary.to_dict()
        return {
            "year": self.summary.year,
            "by": self.by,
            "groups": {
                name: {
                    "figures": {fid: self.summary_value(fid, v) for fid, v in values.items()},
                    "sources": {k: s.to_dict() for k, s in self.sources[name].items()},
                }
                for name, values in self.groups.items()
            },
            "figures": totals["figures"],
            "not_the_sum_of_groups": [f for f in self.summary.values if self.differs(f)],
            "not_split": self.unsplit,
            "sources": totals["sources"],
            "blocked": totals["blocked"],
            "left_out": totals["left_out"],
            "report": totals["report"],
        }

    def summary_value(self, figure_id: str, value: int) -> int | str:
        from zytalent.cells.money import format_fen

        return format_fen(value) if FIGURES[figure_id].unit == "yuan" else value


def summarize_by(
    year: int,
    paths: Iterable[str | Path],
    by: str,
    *,
    skip_invalid: bool = False,
    today: dt.date | None = None,
    limits: Limits | None = None,
    progress: Progress | None = None,
    records: Sequence[str] | None = None,
) -> Grouped:
    if records:
        return summarize_records_by(year, list(records), by, skip_invalid=skip_invalid)
    roots = [Path(p) for p in paths]
    summary = summarize(
        year,
        roots,
        skip_invalid=skip_invalid,
        today=today,
        limits=limits,
        progress=progress,
        keep_records=True,
    )
    result = Grouped(summary, by)
    if summary.blocked:
        return result
    frames = dict(summary.loaded.frames)  # each figure picks its own records (validity.py)
    keys = {kind: _group_keys(frame, kind, by, roots) for kind, frame in frames.items()}
    splittable = {kind for kind, key in keys.items() if key is not None}
    if not splittable:
        raise no_group_column(by)
    result.unsplit = [
        f.id for f in FIGURES.values() if f.id in summary.values and f.kind not in splittable
    ]
    with Engine() as engine:
        for kind in splittable:
            engine.register_frame(kind, frames[kind].assign(**{GROUP: keys[kind]}), [GROUP])
        kinds = [k for k in LEDGERS if k in splittable]
        result.groups, result.sources = split(engine, kinds, summary)
    return result


def split(
    engine: Engine, kinds: list[str], summary: Summary
) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, Source]]]:
    """Each group's figures and sources, from the kinds in the engine whose records carry
    their group in a `_group` column: one GROUP BY per figure query. Every group some
    record names is there; a ledger the group did not send (or sent nothing that counts)
    gives no figure of it, not a zero; the figures refused in the total are left out."""
    counts = {kind: engine.sources(kind, kind, group=GROUP) for kind in kinds}
    names = sorted({str(n) for c in counts.values() for n in c if n is not None})
    values: dict[str, dict[str, int]] = {name: {} for name in names}
    sources: dict[str, dict[str, Source]] = {name: {} for name in names}
    for kind in kinds:
        sent = [n for n, c in counts[kind].items() if n is not None and c["counted"]]
        figures = figures_of_kind(kind, summary.loaded.columns)
        found = engine.figure_values(kind, kind, figures, group=GROUP, keys=sent)
        for name in sent:
            values[str(name)].update(found[name])
            c = counts[kind][name]
            sources[str(name)][kind] = Source(c["counted"], c["files"], c["read"])
    refused = set(summary.refused)
    in_order = {
        name: {f: got[f] for f in FIGURES if f in got and f not in refused}
        for name, got in values.items()
    }
    return in_order, sources


def no_group_column(by: str) -> UsageError:
    return UsageError(
        str(
            Text(
                "没有一种台账有“{by}”这一列，无法分组。可用 --by folder、--by file 或某一列的表头。",
                "No ledger has a column '{by}' to group by. Use --by folder, --by file or a column's header.",
            ).format(by=by)
        )
    )


def _group_keys(frame: pd.DataFrame, kind: str, by: str, roots: list[Path]) -> np.ndarray | None:
    """The group of each record, or None when this ledger cannot be split so."""
    if by == "file":
        return frame["_file"].astype(str).to_numpy(dtype=object)
    if by == "folder":
        files = frame["_file"].astype(str)
        mapping = {f: _folder_of(Path(f), roots) for f in pd.unique(files)}
        return files.map(mapping).to_numpy(dtype=object)
    name = field_named(kind, by)
    if name is None:
        return None
    values = frame[name].astype(object)
    return np.array([None if pd.isna(v) else str(v) for v in values], dtype=object)


def _folder_of(file: Path, roots: list[Path]) -> str:
    """The first folder level below the PATH the file was found under (a county's folder
    in a city's); a file directly in PATH (or PATH itself) is grouped under PATH's name."""
    for root in roots:
        try:
            relative = file.resolve().relative_to(root.resolve())
        except ValueError:
            continue
        parts = relative.parts
        return parts[0] if len(parts) > 1 else (root.name if root.is_dir() else root.parent.name)
    return file.parent.name


def summarize_records_by(
    year: int, sources: list[str], by: str, *, skip_invalid: bool = False
) -> Grouped:
    """`summarize --records PATH --by COLUMN`: the figures per value of a column of the
    records (a county column added at export, 服务点, or `file`), beside the total. The
    groups are one GROUP BY per figure query, not one query per group."""
    from zytalent.dataset import open_dataset

    loaded, groups = open_dataset(year, sources, by)
    summary = summary_of(loaded, year, skip_invalid)
    result = Grouped(summary, by)
    if summary.blocked:
        return result
    splittable = [kind for kind in loaded.stored if groups.get(kind)]
    if not splittable:
        raise no_group_column(by)
    result.unsplit = [fid for fid in summary.values if FIGURES[fid].kind not in splittable]
    assert loaded.engine is not None
    result.groups, result.sources = split(loaded.engine, splittable, summary)
    return result
