"""The vocabulary figures are declared in: plain values, no Python callables, so that a
declaration could be read from a file and compiled for any SQL engine (figures/sql.py).

- a selection (`Where`): `Equals`, `In`, `All` (and), `AnyOf` (or), `Not`, `Extreme`
  (the records of the first or latest edition: the lowest or highest value among the
  records counted), `DateInYear` (a record dated in the year, or up to it);
- a derived field (`BestPerPerson`): the best value of a field per person among the
  records counted (the skills ledger's highest level of the year).

Every value turns into plain data with `as_data` (JSON-ready: str, int, list, dict).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Literal, TypeAlias

Value: TypeAlias = str | int


@dataclass(frozen=True)
class Equals:
    field: str
    value: Value


@dataclass(frozen=True)
class In:
    field: str
    values: tuple[Value, ...]


@dataclass(frozen=True)
class All:
    parts: tuple[Where, ...]


@dataclass(frozen=True)
class AnyOf:
    parts: tuple[Where, ...]


@dataclass(frozen=True)
class Not:
    part: Where


@dataclass(frozen=True)
class Extreme:
    """The records whose `field` is the lowest (`min`: the first edition) or the highest
    (`max`: the latest) among the records counted."""

    field: str
    which: Literal["min", "max"]


@dataclass(frozen=True)
class DateInYear:
    """A record dated in the year (`up_to`: in it or before it, for cumulative ledgers)."""

    field: str
    year: int
    up_to: bool = False


Where: TypeAlias = Equals | In | All | AnyOf | Not | Extreme | DateInYear


@dataclass(frozen=True)
class BestPerPerson:
    """A derived field `name`: per `person`, the best (`min` or `max`) `field` among the
    records counted; a record with no person has none."""

    name: str
    field: str
    person: str
    best: Literal["min", "max"]


def both(first: Where | None, second: Where) -> Where:
    """Both selections (the first may be absent: every record)."""
    if first is None:
        return second
    left = first.parts if isinstance(first, All) else (first,)
    return All((*left, second))


def fields_of(where: Where | None) -> frozenset[str]:
    """The fields a selection reads."""
    match where:
        case None:
            return frozenset()
        case All(parts) | AnyOf(parts):
            return frozenset().union(*(fields_of(p) for p in parts))
        case Not(part):
            return fields_of(part)
        case Equals(field=name) | In(field=name) | Extreme(field=name) | DateInYear(field=name):
            return frozenset({name})
    raise TypeError(f"not a selection: {where!r}")


def extremes_of(where: Where | None) -> frozenset[Extreme]:
    """The `Extreme` selections inside a selection (each needs the lowest or highest value
    over all the records counted)."""
    match where:
        case Extreme():
            return frozenset({where})
        case All(parts) | AnyOf(parts):
            return frozenset().union(*(extremes_of(p) for p in parts))
        case Not(part):
            return extremes_of(part)
    return frozenset()


def as_data(value: object) -> object:
    """A declaration as plain data: each value a dict with its type's name under "op"."""
    if isinstance(value, tuple | list):
        return [as_data(v) for v in value]
    if hasattr(value, "__dataclass_fields__"):
        out: dict[str, object] = {"op": type(value).__name__}
        out.update({f.name: as_data(getattr(value, f.name)) for f in fields(value)})  # type: ignore[arg-type]
        return out
    if value is None or isinstance(value, str | int | bool):
        return value
    raise TypeError(f"not plain data: {value!r}")
