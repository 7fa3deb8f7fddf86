"""`explain`: the records behind one figure, and the total they add up to."""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd

from zytalent.cells.masking import mask_value
from zytalent.cells.money import format_fen
from zytalent.cells.values import plain_name
from zytalent.diagnostics.errors import UsageError
from zytalent.diagnostics.i18n import Text
from zytalent.figures.engine import selected_positions
from zytalent.figures.registry import FIGURES, Figure
from zytalent.ledgers import LEDGERS, Column
from zytalent.load import Progress
from zytalent.reading.safety import Limits
from zytalent.summary import Summary, counted, missing_column, summarize


@dataclass
class Explanation:
    figure: Figure
    summary: Summary
    records: pd.DataFrame  # the counted records the figure selects
    show_personal: bool

    @property
    def missing_column(self) -> Column | None:
        """The column the figure measures, when no table of its ledger has it."""
        return missing_column(self.figure, self.summary.loaded.columns)

    @property
    def available(self) -> bool:
        """False when the inputs had errors (and no --skip-invalid), lack the ledger, or
        lack the column the figure measures in every table of it."""
        return (
            not self.summary.blocked
            and (
                self.figure.kind in self.summary.loaded.frames
                or self.figure.kind in self.summary.loaded.stored
            )
            and self.missing_column is None
            and self.figure.id not in self.summary.refused
        )

    @property
    def value(self) -> int:
        return self.summary.values.get(self.figure.id, 0) if self.available else 0

    def json_value(self) -> int | str:
        return format_fen(self.value) if self.figure.unit == "yuan" else self.value

    def fields(self) -> list[str]:
        """The fields that matter to a reader: the required ones and the one measured."""
        columns = LEDGERS[self.figure.kind].columns()
        chosen = [n for n, c in columns.items() if c.required]
        if self.figure.field and self.figure.field not in chosen:
            chosen.append(self.figure.field)
        return chosen

    def rows(self, labels: bool = False) -> list[dict[str, Any]]:
        """One dict per record: where it is, then its fields as the ledger names them
        (choices as codes, or as their Chinese labels with `labels`)."""
        columns = LEDGERS[self.figure.kind].columns()
        out: list[dict[str, Any]] = []
        for record in self.records.to_dict("records"):
            sheet = record["_sheet"]
            row: dict[str, Any] = {
                "file": str(record["_file"]),
                "sheet": None if pd.isna(sheet) else str(sheet),
                "row": int(record["_row"]),
            }
            for name, column in columns.items():
                row[name] = _shown(
                    record.get(name), column.kind, self.show_personal, column, labels
                )
            out.append(row)
        return out

    def to_dict(self) -> dict[str, Any]:
        figure = self.figure
        if not self.available:
            missing = self.missing_column
            return {
                "figure": figure.id,
                "year": self.summary.year,
                "available": False,
                **({"missing_column": missing.header} if missing is not None else {}),
                "report": self.summary.loaded.report(),
            }
        return {
            "figure": figure.id,
            "available": True,
            "label": str(figure.label),
            "unit": figure.unit,
            "year": self.summary.year,
            "measure": figure.measure,
            "field": figure.field,
            "value": self.json_value(),
            "records": self.rows(),
            "count": len(self.records),
        }


def _shown(value: Any, kind: str, show_personal: bool, column: Column, labels: bool) -> object:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if column.choices and labels:
        return next((c.label.zh for c in column.choices if c.code == value), value)
    if kind == "money":
        return format_fen(int(value))
    if kind == "date":
        return pd.Timestamp(value).date().isoformat()
    if isinstance(value, int) or hasattr(value, "item"):
        return int(value)
    text = str(value)
    return text if show_personal else mask_value(text, kind)


def find_figure(name: str) -> Figure:
    """The figure a user names: by its id (meals.elders), its label (助餐服务老人), or a
    fragment of a label that only one figure has (教育系统). Several candidates or none
    are a usage error that lists them with their ids."""
    if name in FIGURES:
        return FIGURES[name]
    key = plain_name(name)
    labels = {
        fid: {plain_name(t) for t in (f.label.zh, f.label.en, f.bar_label.zh, f.bar_label.en)}
        for fid, f in FIGURES.items()
    }
    exact = [fid for fid, names in labels.items() if key in names]
    if len(exact) == 1:
        return FIGURES[exact[0]]
    partial = exact or [
        fid for fid, names in labels.items() if key and any(key in n for n in names)
    ]
    if len(partial) == 1:
        return FIGURES[partial[0]]
    if partial:
        raise UsageError(
            str(
                Text(
                    "“{name}”对应多个指标，请用编号指明：{value}",
                    "'{name}' names several figures; give one of their ids: {value}",
                ).format(name=name, value=_listed(partial))
            )
        )
    candidates = list(FIGURES) + [t for names in labels.values() for t in names]
    close = difflib.get_close_matches(key, candidates, n=8, cutoff=0.5)
    found = [c if c in FIGURES else _by_label(c, labels) for c in close]
    ids = [i for i in dict.fromkeys(found) if i is not None][:6]
    hint = _listed(ids) if ids else "—"
    raise UsageError(
        str(
            Text(
                "没有指标“{name}”。相近的有：{hint}。全部指标：zytalent figures",
                "no figure '{name}'; close matches: {hint}. Every figure: zytalent figures",
            ).format(name=name, hint=hint)
        )
    )


def _by_label(label: str, labels: dict[str, set[str]]) -> str | None:
    return next((fid for fid, names in labels.items() if label in names), None)


def _listed(ids: list[str]) -> str:
    return "、".join(f"{fid}（{FIGURES[fid].label}）" for fid in ids[:12])


def explain(
    figure_id: str,
    year: int,
    paths: Iterable[str | Path],
    *,
    skip_invalid: bool = False,
    show_personal: bool = False,
    today: dt.date | None = None,
    limits: Limits | None = None,
    progress: Progress | None = None,
    records: Sequence[str] | None = None,
) -> Explanation:
    figure = find_figure(figure_id)
    summary = summarize(
        year,
        paths,
        records=records,
        skip_invalid=skip_invalid,
        show_personal=show_personal,
        today=today,
        limits=limits,
        progress=progress,
        keep_records=True,
    )
    return explanation_of(summary, figure, show_personal)


def explanation_of(summary: Summary, figure: Figure, show_personal: bool = False) -> Explanation:
    """The records behind a figure of a summary already computed (with its records kept:
    `summarize(..., keep_records=True)`)."""
    loaded = summary.loaded
    if not summary.blocked and figure.kind in loaded.stored and loaded.engine is not None:
        # records read from Parquet (`--records`): the engine picks them
        present = [c for c in LEDGERS[figure.kind].columns() if c in loaded.columns[figure.kind]]
        columns = ["_file", "_sheet", "_row", *present]
        records = loaded.engine.selected_records(figure, figure.kind, columns)
        return Explanation(figure, summary, records, show_personal)
    if summary.blocked or figure.kind not in summary.loaded.frames:
        return Explanation(figure, summary, pd.DataFrame(), show_personal)
    records = counted(summary.loaded, figure.kind, figure)
    records = records.iloc[selected_positions(records, figure)]
    return Explanation(figure, summary, records, show_personal)
