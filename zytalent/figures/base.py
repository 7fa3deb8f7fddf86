"""What a figure is: a selection of one ledger's counted records and a measure over them
(rows, a sum, or distinct values), so one definition gives both the value and the
records behind it (`zytalent explain`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:  # figures are declared at start-up; pandas comes when one is computed
    import pandas as pd

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Choice

Unit = Literal[
    "persons",
    "classes",
    "person_times",
    "yuan",
    "places",
    "items",
    "times",
    "articles",
    "flats",
    "editions",
    "kinds",
    "routes",
    "batches",
    "lectures",
]
UNITS: dict[str, Text] = {
    "persons": Text("人", "people"),
    "classes": Text("期", "classes"),
    "person_times": Text("人次", "person-times"),
    "yuan": Text("元", "yuan"),
    "places": Text("个", ""),
    "items": Text("项", "items"),
    "times": Text("次", "times"),
    "articles": Text("篇", "articles"),
    "flats": Text("套", "flats"),
    "editions": Text("届", "editions"),
    "kinds": Text("种", "kinds"),
    "routes": Text("条", "routes"),
    "batches": Text("批", "batches"),
    "lectures": Text("场", "lectures"),
}
SECTIONS: dict[str, Text] = {
    "recruit": Text("引才", "Recruiting talent"),
    "develop": Text("育才", "Developing talent"),
    "skills": Text("技能", "Skills"),
    "cooperation": Text("校地合作", "School–county cooperation"),
    "funds": Text("资金", "Funds"),
    "retain": Text("留才", "Keeping talent"),
    "elderly": Text("养老", "Elderly care"),
}
Selector = Callable[["pd.DataFrame"], "pd.Series[bool]"]
MeasureKind = Literal["rows", "sum", "distinct"]


@dataclass(frozen=True, kw_only=True)
class Figure:
    """One headline figure: a selection of one ledger's counted records (`where`) and a
    measure over them (`rows`, the `sum` of a field, or its `distinct` values), so one
    definition gives both the value and the records behind it (`zytalent explain`).

    Where it is shown is declared, never parsed from the id: `section` (the report's
    section and the terminal table it is in), `parent` (the figure it breaks down; it is
    shown indented under it), `chart` (the bar chart it is a bar of, with `bar` as the
    bar's label, the figure's label by default)."""

    id: str
    label: Text
    section: str
    kind: str  # the ledger it is computed from
    unit: Unit
    measure: MeasureKind
    field: str | None = None  # summed or counted distinct
    where: Selector | None = None
    only_if_present: bool = False  # shown only when some record matches
    parent: str | None = None
    chart: str | None = None
    bar: Text | None = None

    @property
    def row_by_row(self) -> bool:
        """Whether the figure can be added up batch by batch (its selection looks at one
        record at a time), so that a large ledger need not be held whole."""
        return not isinstance(self.where, OverAllRecords)

    @property
    def bar_label(self) -> Text:
        return self.bar or self.label

    def select(self, frame: pd.DataFrame) -> pd.DataFrame:
        return frame[self.where(frame)] if self.where is not None else frame

    def where_any(self, frame: pd.DataFrame) -> bool:
        return bool(len(self.select(frame)))

    def compute(self, frame: pd.DataFrame) -> int:
        """The value from the counted records: an int (money in fen)."""
        return self.measured(self.select(frame))

    def measured(self, chosen: pd.DataFrame) -> int:
        """The measure over records already selected."""
        if self.measure == "rows":
            return len(chosen)
        assert self.field is not None
        if self.measure == "sum":
            return int(chosen[self.field].sum())
        return int(chosen[self.field].nunique(dropna=True))


def per_choice(
    of: Figure,
    *,
    prefix: str,
    field: str,
    choices: Sequence[Choice],
    label: Text,
    parent: str | None = None,
    chart: str | None = None,
) -> list[Figure]:
    """One figure per allowed value of a choice column, breaking `of` down: id
    `<prefix>.<code>`, label from `label` with `{}` for the value's label, the value's
    label as its bar. Shown under `parent` (default: `of`)."""
    figures = []
    for choice in choices:
        chosen = equals(field, choice.code)
        figures.append(
            replace(
                of,
                id=f"{prefix}.{choice.code}",
                label=label.format(choice.label),
                where=both(of.where, chosen) if of.where else chosen,
                parent=parent,
                chart=chart,
                bar=choice.label,
                only_if_present=of.only_if_present,
            )
        )
    return figures


def equals(field: str, value: object) -> Selector:
    return lambda frame: frame[field] == value


def within(field: str, values: tuple[object, ...]) -> Selector:
    return lambda frame: frame[field].isin(values)


class OverAllRecords:
    """A selection that looks at all the records at once (the first edition is the lowest
    of all of them), so that its figure cannot be added up batch by batch."""

    def __init__(self, select: Selector) -> None:
        self.select = select

    def __call__(self, frame: pd.DataFrame) -> pd.Series[bool]:
        return self.select(frame)


def both(first: Selector, second: Selector) -> Selector:
    combined: Selector = lambda frame: first(frame) & second(frame)  # noqa: E731
    whole = isinstance(first, OverAllRecords) or isinstance(second, OverAllRecords)
    return OverAllRecords(combined) if whole else combined


def extreme(field: str, which: Literal["min", "max"]) -> Selector:
    """The records of the first or the latest edition, batch, …"""
    return OverAllRecords(lambda frame: frame[field] == getattr(frame[field], which)())
