"""Figures added up batch by batch: counts and sums as numbers, distinct values as sets,
so that a ledger of tens of millions of records is never held whole. The same Figure
definitions as a whole computation (`Figure.compute`), and the same results."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from zytalent.figures.base import Figure
from zytalent.figures.prepare import DERIVED_OVER_ALL_RECORDS, that_count
from zytalent.figures.registry import FIGURES


def tallied(kind: str) -> bool:
    """Whether every figure of the kind can be added up batch by batch."""
    if kind in DERIVED_OVER_ALL_RECORDS:
        return False
    return all(f.row_by_row for f in FIGURES.values() if f.kind == kind)


@dataclass
class Tally:
    kind: str
    read: int = 0  # every record of the kind, counted or not
    left_out: int = 0  # records not valid
    counted: int = 0  # valid records of the year
    files: set[str] = field(default_factory=set)  # files the counted records come from
    totals: dict[str, int] = field(default_factory=dict)  # rows and sums
    distinct: dict[str, set[object]] = field(default_factory=dict)
    present: set[str] = field(default_factory=set)  # figures some counted record matches

    def figures(self) -> list[Figure]:
        return [f for f in FIGURES.values() if f.kind == self.kind]

    def add(self, frame: pd.DataFrame) -> None:
        self.read += len(frame)
        from zytalent.figures.inputs import counts_somewhere, figure_mask

        self.left_out += int((~frame["_valid"].to_numpy(dtype=bool)).sum())
        chosen = frame[counts_somewhere(frame, self.kind)]
        self.counted += len(chosen)
        self.files.update(str(f) for f in _distinct(chosen["_file"]))
        # each figure from the records valid in the fields it uses (checks/validity.py)
        chosen_for: dict[int, pd.DataFrame] = {}
        for figure in self.figures():
            mask = figure_mask(figure.id)
            if mask not in chosen_for:
                chosen_for[mask] = that_count(frame, mask)
            selected = figure.select(chosen_for[mask])
            if len(selected):
                self.present.add(figure.id)
            if figure.measure == "distinct":
                assert figure.field is not None
                values = selected[figure.field].dropna()
                self.distinct.setdefault(figure.id, set()).update(_distinct(values))
            else:
                value = figure.measured(selected)
                self.totals[figure.id] = self.totals.get(figure.id, 0) + value

    def merge(self, other: Tally) -> None:
        self.read += other.read
        self.left_out += other.left_out
        self.counted += other.counted
        self.files |= other.files
        for key, value in other.totals.items():
            self.totals[key] = self.totals.get(key, 0) + value
        for key, values in other.distinct.items():
            self.distinct.setdefault(key, set()).update(values)
        self.present |= other.present

    def value(self, figure: Figure) -> int | None:
        """The figure's value, or None where it is shown only when some record matches."""
        if figure.only_if_present and figure.id not in self.present:
            return None
        if figure.measure == "distinct":
            return len(self.distinct.get(figure.id, ()))
        return self.totals.get(figure.id, 0)


def _distinct(values: pd.Series) -> list[object]:
    """The distinct values, as the whole computation compares them (categories by their
    text, dates and numbers by value)."""
    if isinstance(values.dtype, pd.CategoricalDtype):
        codes = np.unique(values.cat.codes.to_numpy())
        return list(values.cat.categories[codes[codes >= 0]])
    return list(pd.unique(values.to_numpy(dtype=object)))
