"""What a figure is: a selection of one ledger's counted records and a measure over them
(rows, a sum, or distinct values), so one definition gives both the value and the
records behind it (`zytalent explain`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from zytalent.cells.money import WAN
from zytalent.diagnostics.i18n import Text
from zytalent.figures.where import Equals, Where, both
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


def shown_unit(unit: str) -> Text:
    """The unit beside a shown figure: 万元 for money, else the figure's own unit (figures
    own their units; cells.money knows only 万元, so it needs nothing of figures)."""
    return WAN if unit == "yuan" else UNITS[unit]


@dataclass(frozen=True)
class Section:
    """A part of the annual report: its short name (tables, the summary, `figures`) and its
    heading in the report's text, kept together so that no second table can drift."""

    name: Text
    title: Text


SECTIONS: dict[str, Section] = {
    "recruit": Section(Text("引才", "Recruiting talent"), Text("聚焦引才", "Recruiting talent")),
    "develop": Section(
        Text("育才", "Developing talent"), Text("拓宽育才路径", "Developing talent")
    ),
    "skills": Section(Text("技能", "Skills"), Text("培育本土人才", "Skills")),
    "cooperation": Section(
        Text("校地合作", "School–county cooperation"), Text("校地联合", "School–county cooperation")
    ),
    "funds": Section(Text("资金", "Funds"), Text("强化资金保障", "Funds")),
    "retain": Section(Text("留才", "Keeping talent"), Text("优化留才环境", "Keeping talent")),
    "elderly": Section(Text("养老", "Elderly care"), Text("养老服务", "Elderly care")),
}
SECTION_NAMES: dict[str, Text] = {code: section.name for code, section in SECTIONS.items()}
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
    where: Where | None = None  # plain data (figures/where.py), compiled by figures/sql.py
    only_if_present: bool = False  # shown only when some record matches
    parent: str | None = None
    chart: str | None = None
    bar: Text | None = None

    @property
    def bar_label(self) -> Text:
        return self.bar or self.label


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
        figures.append(
            replace(
                of,
                id=f"{prefix}.{choice.code}",
                label=label.format(choice.label),
                where=both(of.where, Equals(field, choice.code)),
                parent=parent,
                chart=chart,
                bar=choice.label,
                only_if_present=of.only_if_present,
            )
        )
    return figures
