"""The fields each figure uses: what an error must touch to keep the figure from being
given, and what a record must have valid to be counted in it."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from zytalent.figures.base import Figure
from zytalent.figures.registry import DERIVED, FIGURES
from zytalent.figures.where import fields_of
from zytalent.ledgers import LEDGERS
from zytalent.validity import fields_mask

if TYPE_CHECKING:
    pass

# derived fields (figures/where.py BestPerPerson) and the fields they are made from
DERIVED_FROM = {d.name: frozenset({d.field, d.person}) for ds in DERIVED.values() for d in ds}


def _figure_fields(figure_id: str) -> frozenset[str]:
    figure = FIGURES[figure_id]
    model = LEDGERS[figure.kind]
    used: set[str] = {model.year_field()}
    used |= {name for name, column in model.columns().items() if column.unique}
    if figure.field:
        used.add(figure.field)
    used |= fields_of(figure.where)
    for name in list(used):
        used |= DERIVED_FROM.get(name, frozenset())
    return frozenset(used & set(model.columns()))


# cached by a call rather than @cache, here and below: mutmut leaves decorated functions
# unmutated
figure_fields = cache(_figure_fields)


def _figure_mask(figure_id: str) -> int:
    """The `_bad` bits that keep a record out of this figure."""
    return fields_mask(FIGURES[figure_id].kind, figure_fields(figure_id))


figure_mask = cache(_figure_mask)


def _kind_masks(kind: str) -> tuple[int, ...]:
    """The distinct masks of the kind's figures."""
    return tuple(dict.fromkeys(figure_mask(f.id) for f in FIGURES.values() if f.kind == kind))


kind_masks = cache(_kind_masks)


def uses(figure: Figure, fields: frozenset[str]) -> bool:
    return bool(figure_fields(figure.id) & fields)
