"""Every headline figure, defined once: id, labels, unit, and how it is computed.

A figure is a selection of one ledger's counted records and a measure over them
(rows, a sum, or distinct values), so the same definition gives both the value and
the records behind it. Later ledgers add figures here without touching the CLI.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

import pandas as pd

from zytalent.ledgers.funds import CATEGORIES as FUND_CATEGORIES
from zytalent.ledgers.funds import KINDS as FUND_KINDS
from zytalent.ledgers.hires import SECTORS
from zytalent.ledgers.meals import FUNDING_SOURCES, MealService
from zytalent.ledgers.skills import HIGH_SKILLED_LEVEL, LEVELS
from zytalent.ledgers.training import CATEGORIES as TRAINING_CATEGORIES

Unit = Literal["persons", "classes", "person_times", "yuan", "places"]
UNITS: dict[str, tuple[str, str]] = {
    "persons": ("人", "people"),
    "classes": ("期", "classes"),
    "person_times": ("人次", "person-times"),
    "yuan": ("元", "yuan"),
    "places": ("个", "places"),
}
SECTIONS: dict[str, tuple[str, str]] = {
    "recruit": ("引才", "Recruiting talent"),
    "develop": ("育才", "Developing talent"),
    "skills": ("技能", "Skills"),
    "funds": ("资金", "Funds"),
    "elderly": ("养老", "Elderly care"),
}
Selector = Callable[[pd.DataFrame], "pd.Series[bool]"]


@dataclass(frozen=True)
class Figure:
    id: str
    section: str
    kind: str  # the ledger it is computed from
    zh: str
    en: str
    unit: Unit
    measure: Literal["rows", "sum", "distinct"]
    field: str | None = None  # summed or counted distinct
    where: Selector | None = None
    only_if_present: bool = False  # shown only when some record matches

    def select(self, frame: pd.DataFrame) -> pd.DataFrame:
        return frame[self.where(frame)] if self.where is not None else frame

    def where_any(self, frame: pd.DataFrame) -> bool:
        return bool(len(self.select(frame)))

    def compute(self, frame: pd.DataFrame) -> int:
        """The value from the counted records: an int (money in fen)."""
        chosen = self.select(frame)
        if self.measure == "rows":
            return len(chosen)
        assert self.field is not None
        if self.measure == "sum":
            return int(chosen[self.field].sum())
        return int(chosen[self.field].nunique(dropna=True))


def _equals(field: str, value: object) -> Selector:
    return lambda frame: frame[field] == value


def _within(field: str, values: tuple[object, ...]) -> Selector:
    return lambda frame: frame[field].isin(values)


def _both(first: Selector, second: Selector) -> Selector:
    return lambda frame: first(frame) & second(frame)


def _hires() -> list[Figure]:
    figures = [
        Figure("hires.total", "recruit", "hires", "引进人才", "talent hired", "persons", "rows"),
        Figure(
            "hires.postgraduate",
            "recruit",
            "hires",
            "其中研究生",
            "of whom postgraduates",
            "persons",
            "rows",
            where=_within("education", ("doctorate", "master")),
        ),
        Figure(
            "hires.doctorate",
            "recruit",
            "hires",
            "其中博士",
            "of whom doctorates",
            "persons",
            "rows",
            where=_equals("education", "doctorate"),
        ),
    ]
    figures += [
        Figure(
            f"hires.sector.{c.code}",
            "recruit",
            "hires",
            f"按领域：{c.zh}",
            f"by sector: {c.en}",
            "persons",
            "rows",
            where=_equals("sector", c.code),
        )
        for c in SECTORS
    ]
    return figures


def _training() -> list[Figure]:
    figures = [
        Figure(
            "training.classes",
            "develop",
            "training",
            "培训期数",
            "training classes",
            "classes",
            "rows",
        ),
        Figure(
            "training.trainees",
            "develop",
            "training",
            "培训人次",
            "trainees",
            "person_times",
            "sum",
            "trainees",
        ),
    ]
    for c in TRAINING_CATEGORIES:
        figures.append(
            Figure(
                f"training.trainees.{c.code}",
                "develop",
                "training",
                f"按类别：{c.zh}",
                f"by category: {c.en}",
                "person_times",
                "sum",
                "trainees",
                where=_equals("category", c.code),
            )
        )
    return figures


def _skills() -> list[Figure]:
    figures = [
        Figure(
            "skills.certified",
            "skills",
            "skills",
            "新增技能人才",
            "newly certified workers",
            "persons",
            "distinct",
            "id_number",
        ),
        Figure(
            "skills.high_skilled",
            "skills",
            "skills",
            "其中高技能人才",
            "of whom high-skilled",
            "persons",
            "distinct",
            "id_number",
            where=lambda frame: frame["best_level"] <= HIGH_SKILLED_LEVEL,
        ),
    ]
    for c in sorted(LEVELS, key=lambda level: int(level.code)):
        figures.append(
            Figure(
                f"skills.level.{c.code}",
                "skills",
                "skills",
                f"按等级：{c.zh}",
                f"by level: {c.en}",
                "persons",
                "distinct",
                "id_number",
                where=_equals("best_level", c.code),
            )
        )
    return figures


def _funds() -> list[Figure]:
    figures: list[Figure] = []
    for k in FUND_KINDS:
        figures.append(
            Figure(
                f"funds.{k.code}",
                "funds",
                "funds",
                f"资金{k.zh}",
                f"funds {k.en}",
                "yuan",
                "sum",
                "amount",
                where=_equals("fund_kind", k.code),
            )
        )
        figures += [
            Figure(
                f"funds.{k.code}.{c.code}",
                "funds",
                "funds",
                f"{k.zh}：{c.zh}",
                f"{k.en}: {c.en}",
                "yuan",
                "sum",
                "amount",
                where=_both(_equals("fund_kind", k.code), _equals("category", c.code)),
                only_if_present=True,
            )
            for c in FUND_CATEGORIES
        ]
    return figures


def _meals() -> list[Figure]:
    columns = MealService.columns()
    figures = [
        Figure(
            "meals.elders",
            "elderly",
            "meals",
            "助餐服务老人",
            "elders served meals",
            "persons",
            "distinct",
            "id_number",
        ),
        Figure(
            "meals.meals",
            "elderly",
            "meals",
            "助餐人次",
            "meals served",
            "person_times",
            "sum",
            "meals",
        ),
        Figure(
            "meals.centers",
            "elderly",
            "meals",
            "助餐服务点",
            "meal service points",
            "places",
            "distinct",
            "center",
        ),
    ]
    figures += [
        Figure(
            f"meals.funding.{source}",
            "elderly",
            "meals",
            f"资金来源：{columns[source].header}",
            f"funding: {columns[source].en}",
            "yuan",
            "sum",
            source,
        )
        for source in FUNDING_SOURCES
    ]
    return figures


FIGURES: dict[str, Figure] = {
    f.id: f for f in (*_hires(), *_training(), *_skills(), *_funds(), *_meals())
}
