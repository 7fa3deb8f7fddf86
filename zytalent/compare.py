"""`compare`: two years' figures side by side, with the change and the percentage change."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from zytalent.cells.money import format_fen
from zytalent.figures.registry import FIGURES
from zytalent.reading.safety import Limits
from zytalent.summary import Summary, summarize


@dataclass(frozen=True)
class Change:
    figure_id: str
    before: int | None  # None: no such ledger that year
    after: int | None

    @property
    def delta(self) -> int | None:
        if self.before is None or self.after is None:
            return None
        return self.after - self.before

    @property
    def percent(self) -> Decimal | None:
        """Change in per cent to one decimal; None where the base is missing or zero."""
        if self.delta is None or not self.before:
            return None
        return (Decimal(self.delta) * 100 / Decimal(self.before)).quantize(
            Decimal("0.1"), ROUND_HALF_UP
        )

    def json_value(self, value: int | None) -> int | str | None:
        if value is None:
            return None
        return format_fen(value) if FIGURES[self.figure_id].unit == "yuan" else value

    def to_dict(self) -> dict[str, Any]:
        percent = self.percent
        return {
            "before": self.json_value(self.before),
            "after": self.json_value(self.after),
            "change": self.json_value(self.delta),
            "percent": None if percent is None else str(percent),
        }


@dataclass
class Comparison:
    before: Summary
    after: Summary
    changes: list[Change]

    @property
    def blocked(self) -> bool:
        """A year whose figures are not all given: a figure refused in one year would
        show as new or gone, so nothing is compared."""
        return not self.before.complete or not self.after.complete

    def to_dict(self) -> dict[str, Any]:
        return {
            "years": [self.before.year, self.after.year],
            "blocked": self.blocked,
            "figures": {c.figure_id: c.to_dict() for c in self.changes},
            "labels": {c.figure_id: str(FIGURES[c.figure_id].label) for c in self.changes},
        }


def compare(
    before_year: int,
    after_year: int,
    before_paths: Iterable[str | Path],
    after_paths: Iterable[str | Path],
    *,
    skip_invalid: bool = False,
    limits: Limits | None = None,
    records: Sequence[str] | None = None,
) -> Comparison:
    """Two years' figures side by side: from ledgers under each year's paths, or both
    from the same exported records (`records`)."""
    options: dict[str, Any] = {"skip_invalid": skip_invalid, "limits": limits, "records": records}
    before = summarize(before_year, before_paths, **options)
    after = summarize(after_year, after_paths, **options)
    ids = [fid for fid in FIGURES if fid in before.values or fid in after.values]
    changes = [Change(fid, value_in(before, fid), value_in(after, fid)) for fid in ids]
    return Comparison(before, after, changes)


def value_in(summary: Summary, figure_id: str) -> int | None:
    """The figure's value that year; None where it has none: no ledger of its kind was
    read. A figure shown only when some record matches (a category that may not occur)
    is 0 in a year whose ledger of its kind was read without it: its parent shows 0.00
    there, and the part of it is 0.00 too, not 新增."""
    value = summary.values.get(figure_id)
    figure = FIGURES[figure_id]
    if value is None and figure.only_if_present and figure.kind in summary.sources:
        return 0
    return value
