"""The figure vocabulary (figures/where.py) mapped onto SQL through sqlglot's expression
tree, so that the same query runs on DuckDB here and on Spark or Trino elsewhere
(`query.sql(dialect="spark")`). This is the whole mapping: sqlglot writes the SQL.

A ledger's figures that count the same records (the same fields must be valid, see
figures/inputs.py) are one query: the counted records once, with their derived fields,
then one aggregate per figure. Conditional aggregates are written as CASE inside the
aggregate (not FILTER), which every engine accepts, DISTINCT included.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlglot import exp

from zytalent.figures.base import Figure
from zytalent.figures.where import (
    All,
    AnyOf,
    BestPerPerson,
    DateInYear,
    Equals,
    Extreme,
    In,
    Not,
    Where,
    extremes_of,
    fields_of,
)

COUNTED = "counted"  # the name of the counted records inside a figure query
GROUP = "_group"  # the group column of a query split by a column (`--by`)
SEEN = "#seen"  # suffix of the column counting the records an only-if-present figure selects


def column(name: str) -> exp.Column:
    return exp.column(name, quoted=True)


def literal(value: str | int | bool) -> exp.Expr:
    if isinstance(value, bool):
        return exp.Boolean(this=value)
    if isinstance(value, int):
        number = exp.Literal.number(abs(value))
        return exp.Neg(this=number) if value < 0 else number
    return exp.Literal.string(value)


def extreme_column(extreme: Extreme) -> str:
    return f"_{extreme.which}_{extreme.field}"


def condition(where: Where) -> exp.Expr:
    """A selection as a boolean SQL expression over the counted records."""
    match where:
        case Equals(field, value):
            return column(field).eq(literal(value))
        case In(field, values):
            return column(field).isin(*(literal(v) for v in values))
        case All(parts):
            return exp.and_(*(condition(p) for p in parts))
        case AnyOf(parts):
            return exp.or_(*(condition(p) for p in parts))
        case Not(part):
            return exp.not_(exp.paren(condition(part)))
        case Extreme():
            return column(where.field).eq(column(extreme_column(where)))
        case DateInYear(field, year, up_to):
            of = exp.Year(this=column(field))
            if up_to:
                return exp.and_(column(field).is_(exp.null()).not_(), of <= literal(year))
            return of.eq(literal(year))
    raise TypeError(f"not a selection: {where!r}")


def measure(figure: Figure) -> exp.Expr:
    """The figure's aggregate: rows, a sum (0 when nothing is selected) or distinct values."""
    chosen = condition(figure.where) if figure.where is not None else None

    def when(value: exp.Expr) -> exp.Expr:
        if chosen is None:
            return value
        return exp.Case(ifs=[exp.If(this=chosen, true=value)])

    if figure.measure == "rows":
        if chosen is None:
            return exp.Count(this=exp.Star())
        return exp.Count(this=when(literal(1)))
    assert figure.field is not None
    value = column(figure.field)
    if figure.measure == "sum":
        summed = exp.Sum(this=when(exp.cast(value, exp.DataType.Type.BIGINT)))
        return exp.Coalesce(this=summed, expressions=[literal(0)])
    return exp.Count(this=exp.Distinct(expressions=[when(value)]))


def seen(figure: Figure) -> exp.Expr:
    """How many records an only-if-present figure selects."""
    assert figure.where is not None
    return count_where(condition(figure.where))


def count_where(holds: exp.Expr) -> exp.Expr:
    """How many records `holds` is true of (a CASE inside COUNT, which every dialect has)."""
    return exp.Count(this=exp.Case(ifs=[exp.If(this=holds, true=literal(1))]))


def valid_under(mask: int) -> exp.Expr:
    """A record of the year whose fields under `mask` are valid (validity.py)."""
    bits = exp.paren(exp.BitwiseAnd(this=column("_bad"), expression=literal(mask)))
    return exp.and_(column("_in_year"), bits.eq(literal(0)))


def counted_records(
    source: str,
    mask: int,
    derived: Sequence[BestPerPerson],
    extremes: Sequence[Extreme],
    group: str | None,
) -> exp.Select:
    """The records a group of figures counts, with their derived fields and the extremes
    their selections compare with (per group when split)."""
    by = [column(group)] if group else []
    extra: list[exp.Expr] = []
    for best in derived:
        window = exp.Window(
            this=exp.Min(this=column(best.field))
            if best.best == "min"
            else exp.Max(this=column(best.field)),
            partition_by=[*by, column(best.person)],
        )
        value = exp.Case(
            ifs=[exp.If(this=column(best.person).is_(exp.null()), true=exp.null())],
            default=window,
        )
        extra.append(exp.alias_(value, best.name, quoted=True))
    for extreme in extremes:
        function = exp.Min if extreme.which == "min" else exp.Max
        window = exp.Window(this=function(this=column(extreme.field)), partition_by=by or None)
        extra.append(exp.alias_(window, extreme_column(extreme), quoted=True))
    return exp.select(exp.Star(), *extra).from_(exp.to_table(source)).where(valid_under(mask))


def figures_query(
    figures: Sequence[Figure],
    *,
    source: str,
    mask: int,
    derived: Sequence[BestPerPerson] = (),
    group: str | None = None,
    also: Mapping[str, exp.Expr] | None = None,
) -> exp.Select:
    """One row (one per group with `group`) holding every figure's value under its id, and
    `<id>#seen` for those shown only when some record matches; `also` names aggregates
    over the same counted records, computed in the same pass over them."""
    extremes = sorted(
        {e for f in figures for e in extremes_of(f.where)}, key=lambda e: (e.field, e.which)
    )
    used = [d for d in derived if any(_reads(f, d.name) for f in figures)]
    outputs: list[exp.Expr] = []
    if group:
        outputs.append(exp.alias_(column(group), GROUP, quoted=True))
    for figure in figures:
        outputs.append(exp.alias_(measure(figure), figure.id, quoted=True))
        if figure.only_if_present:
            outputs.append(exp.alias_(seen(figure), figure.id + SEEN, quoted=True))
    outputs += [exp.alias_(value, name, quoted=True) for name, value in (also or {}).items()]
    query = (
        exp.select(*outputs)
        .from_(exp.to_table(COUNTED))
        .with_(COUNTED, as_=counted_records(source, mask, used, extremes, group))
    )
    return query.group_by(column(group)) if group else query


def _reads(figure: Figure, name: str) -> bool:
    return figure.field == name or name in fields_of(figure.where)


def selection_query(
    figure: Figure,
    *,
    source: str,
    mask: int,
    derived: Sequence[BestPerPerson] = (),
    columns: Sequence[str] = ("_position",),
) -> exp.Select:
    """The records a figure counts (what `explain` shows): their `columns`, in the order
    of those columns."""
    extremes = sorted(extremes_of(figure.where), key=lambda e: (e.field, e.which))
    used = [d for d in derived if _reads(figure, d.name)]
    query = exp.select(*(column(c) for c in columns)).from_(exp.to_table(COUNTED))
    if figure.where is not None:
        query = query.where(condition(figure.where))
    counted = counted_records(source, mask, used, extremes, None)
    return query.with_(COUNTED, as_=counted).order_by(*(column(c) for c in columns))


def sources_query(masks: Sequence[int], *, source: str, group: str | None = None) -> exp.Select:
    """Per ledger (and group): records read, records left out as not valid, records that
    count in at least one figure (valid in the fields it uses, of the year), and the
    files those come from."""
    somewhere = exp.or_(*(valid_under(m) for m in masks or (-1,)))
    counts = exp.Case(ifs=[exp.If(this=somewhere, true=literal(1))])
    files = exp.Case(ifs=[exp.If(this=somewhere, true=column("_file"))])
    left_out = exp.Case(ifs=[exp.If(this=exp.not_(column("_valid")), true=literal(1))])
    outputs = [
        exp.alias_(exp.Count(this=exp.Star()), "read", quoted=True),
        exp.alias_(exp.Count(this=left_out), "left_out", quoted=True),
        exp.alias_(exp.Count(this=counts), "counted", quoted=True),
        exp.alias_(exp.Count(this=exp.Distinct(expressions=[files])), "files", quoted=True),
    ]
    if group:
        outputs.insert(0, exp.alias_(column(group), GROUP, quoted=True))
    query = exp.select(*outputs).from_(exp.to_table(source))
    return query.group_by(column(group)) if group else query
