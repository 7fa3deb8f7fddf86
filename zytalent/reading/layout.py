"""Where a sheet's header is and what each of its columns holds.

Offices lay a ledger out in many ways: title rows above the header, two or three header
rows (培训时间 merged over 开始 / 结束), one column per month (1月 … 12月, or 1月 merged
over 就餐次数 / 政府补贴), a date range typed in one column. This module finds the header
block and gives each column a role for the ledger kind it fits best.

Each distinct header text is normalised and looked up once, in one index over every
ledger kind, so a 16,384-column sheet costs its header cells, not its cells times kinds.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from zytalent.ledgers import LEDGERS
from zytalent.reading.headers import IGNORED_HEADERS, header_lookup, normalise_header

HEAD_ROWS = 15
MAX_HEADER_ROWS = 3
SCORE_NEEDED = 0.5

_CHINESE_MONTHS = {
    "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6,
    "七": 7, "八": 8, "九": 9, "十": 10, "十一": 11, "十二": 12,
}  # fmt: skip
_MONTH_HEADERS = (
    re.compile(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月份?$"),
    re.compile(r"^(?P<y>\d{4})[-./](?P<m>\d{1,2})月?份?$"),
    re.compile(r"^(?P<m>\d{1,2})月份?$"),
    re.compile(r"^(?P<cm>十[一二]?|[一二三四五六七八九])月份?$"),
)
# A month named anywhere in a sheet name or title: 3月, 2023年3月, 2023.03, 三月份; not the
# 3 of 13月 or of 2013月报
_MONTH_IN_TEXT = re.compile(
    r"(?:(?P<y>(?:19|20)\d{2})\s*(?:年|[-./])\s*)?(?<!\d)(?P<m>1[0-2]|0?[1-9])\s*月"
    r"|(?P<y2>(?:19|20)\d{2})[-./](?P<m2>1[0-2]|0[1-9])(?!\d)"
    r"|(?P<cm>十[一二]?|[一二三四五六七八九])月"
)
_YEAR_IN_TEXT = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:\s*年|(?!\d))")
ROW_TOTAL_HEADERS = frozenset({"合计", "总计", "小计", "全年", "全年合计", "年度合计", "共计"})
# A column holding a date range (2023年8月7日-8月19日) for a ledger's start and end dates
RANGE_HEADERS = frozenset(
    {"时间", "日期", "起止时间", "起止日期", "培训时间", "培训日期", "培训起止时间", "举办时间"}
)
_YEAR_ONLY = re.compile(r"^(?:19|20)\d{2}年?度?$")
_DATA_LIKE = re.compile(r"^[-+]?[\d.,/\-年月日号:：\s]+$")

Month = tuple[int | None, int]  # (year, or None when the header names none; month)


@dataclass(frozen=True)
class Role:
    """What one column holds for one ledger kind."""

    field: str | None = None  # the field, or None for a range or a total of month values
    unit: str | None = None  # a bracketed unit in the header, e.g. 万元
    month: Month | None = None  # a column of one month's values
    total: bool = False  # a row total (合计 / 全年) of the month columns
    range: bool = False  # a date range giving the kind's start and end dates


@dataclass
class Layout:
    """The header block of a sheet as one ledger kind reads it."""

    kind: str
    first_row: int  # 0-based grid rows of the header block
    last_row: int
    labels: list[str]  # per column, the header as written ("培训时间 › 开始")
    roles: dict[int, Role]  # column position -> role, for `kind`
    unused: list[int] = field(default_factory=list)  # positions naming nothing of `kind`
    titles: list[str] = field(default_factory=list)  # text of the rows above the block


class NoLedger(Exception):
    pass


class AmbiguousKind(Exception):
    def __init__(self, kinds: list[str]) -> None:
        super().__init__(", ".join(kinds))
        self.kinds = kinds


def month_of(cell: object) -> Month | None:
    """The month a header cell names: 1月, 一月, 2023年1月, 2023-01, 2023.1月, or a date
    cell on the first of a month (Excel turns a typed 2023-01 into one)."""
    if isinstance(cell, dt.datetime | dt.date):
        return (cell.year, cell.month) if cell.day == 1 else None
    if not isinstance(cell, str):
        return None
    return _month_of_text(normalise_header(cell))


def _month_of_text_uncached(key: str) -> Month | None:
    for form in _MONTH_HEADERS:
        match = form.match(key)
        if match:
            parts = match.groupdict()
            month = _CHINESE_MONTHS[parts["cm"]] if parts.get("cm") else int(parts["m"])
            year = int(parts["y"]) if parts.get("y") else None
            return (year, month) if 1 <= month <= 12 else None
    return None


# cached by a call rather than @cache, here and below: mutmut leaves decorated functions
# unmutated, and these are reading rules the mutation run must reach
_month_of_text = cache(_month_of_text_uncached)


# a span of months (1-12月, 1月—12月), not a year and its month (2023-3月)
_MONTH_SPAN = re.compile(r"(?<!\d)\d{1,2}\s*月?\s*(?:-|—|–|~|～|至|到)\s*\d{1,2}\s*月")


def month_in_text(text: str) -> Month | None:
    """The one month a sheet name or title names (`3月`, `2023年3月份助餐`); None when it
    names none, or a span (`1-12月`, `2023年1月—12月`), which is no single period."""
    key = normalise_header(text)
    if _MONTH_SPAN.search(key) or len(_MONTH_IN_TEXT.findall(key)) > 1:
        return None
    match = _MONTH_IN_TEXT.search(key)
    if not match:
        return None
    if match["cm"]:
        return (None, _CHINESE_MONTHS[match["cm"]])
    if match["m2"]:
        return (int(match["y2"]), int(match["m2"]))
    return (int(match["y"]) if match["y"] else None, int(match["m"]))


def year_in_text(text: str) -> int | None:
    match = _YEAR_IN_TEXT.search(str(text))
    return int(match.group(1)) if match else None


def _month_value_fields() -> dict[str, str]:
    """Kinds whose bare month columns (1月 … 12月) hold one field: meals -> meals."""
    return {kind: model.month_value for kind, model in LEDGERS.items() if model.month_value}


month_value_fields = cache(_month_value_fields)


def _range_kinds() -> dict[str, tuple[str, str]]:
    """Kinds with a start and an end date (the end `not_before` the start)."""
    found: dict[str, tuple[str, str]] = {}
    for kind, model in LEDGERS.items():
        for name, column in model.columns().items():
            if column.not_before and column.kind == "date":
                found[kind] = (column.not_before, name)
    return found


range_kinds = cache(_range_kinds)


def _lookup_levels(keys: Sequence[str]) -> dict[str, tuple[str, str | None]]:
    """A child that names a field alone is used alone; otherwise child with its parents."""
    found: dict[str, tuple[str, str | None]] = {}
    candidates = [keys[-1], "".join(keys)] if len(keys) > 1 else [keys[0]]
    for key in candidates:
        fields, unit = header_lookup(key)
        for kind, name in fields.items():
            found.setdefault(kind, (name, unit))
    return found


def _column_roles(levels: tuple[object, ...]) -> dict[str, Role]:
    """The role of a column with these header levels (parent first) for every kind."""
    month: Month | None = None
    rest: list[str] = []
    for level in levels:
        named = month_of(level)
        if named is not None and month is None:
            month = named
        elif isinstance(level, str):
            key = normalise_header(level)
            if key:
                rest.append(key)
    roles: dict[str, Role] = {}
    if month is not None:
        years = [key for key in rest if _YEAR_ONLY.match(key)]
        if years:  # 2023年 merged over 1月 … 12月: the year of the months below it
            rest = [key for key in rest if key not in years]
            month = (month[0] or int(years[0][:4]), month[1])
        if not rest:
            for kind, name in month_value_fields().items():
                roles[kind] = Role(name, month=month)
        else:
            for kind, (name, unit) in _lookup_levels(rest).items():
                roles[kind] = Role(name, unit, month=month)
        return roles
    if not rest:
        return roles
    if rest[0] in ROW_TOTAL_HEADERS:
        if len(rest) == 1:
            for kind, name in month_value_fields().items():
                roles[kind] = Role(name, total=True)
        else:
            for kind, (name, unit) in _lookup_levels(rest[1:]).items():
                roles[kind] = Role(name, unit, total=True)
        return roles
    for kind, (name, unit) in _lookup_levels(rest).items():
        roles[kind] = Role(name, unit)
    if rest[-1] in RANGE_HEADERS or "".join(rest) in RANGE_HEADERS:
        for kind in range_kinds():
            roles.setdefault(kind, Role(range=True))
    return roles


column_roles = cache(_column_roles)


def _text(cell: object) -> str | None:
    if isinstance(cell, str):
        return cell.strip() or None
    return None


def _is_title(row: Sequence[object]) -> bool:
    """A title or a unit line: one distinct text in the whole row (a merged title fills
    every cell of its range with the same text)."""
    texts = {t for t in (_text(c) for c in row) if t}
    filled = [c for c in row if not (c is None or c == "" or c != c)]
    return len(texts) == 1 and len(filled) == sum(1 for c in row if _text(c))


def _is_child_row(upper: Sequence[object], lower: Sequence[object]) -> bool:
    """`lower` is a second header row under `upper`: under a run of equal parent cells (a
    merged parent) it has different texts, and nothing in it looks like data."""
    for cell in lower:
        if cell is None or cell == "" or cell != cell:
            continue
        if not isinstance(cell, str | dt.date) or (
            isinstance(cell, str) and _DATA_LIKE.match(cell.strip()) and not month_of(cell)
        ):
            return False
    width = min(len(upper), len(lower))
    position = 0
    while position < width:
        parent = _text(upper[position])
        end = position + 1
        while end < width and parent and _text(upper[end]) == parent:
            end += 1
        if parent and end - position >= 2:
            children = [c for c in lower[position:end] if _text(c) or month_of(c)]
            distinct = {_text(c) or month_of(c) for c in children}
            # at least one child must name something, alone or with its parent: a row of
            # text data under two equal headers is data, not a second header row
            if len(distinct) >= 2 and any(column_roles((parent, c)) for c in children):
                return True
        position = end
    return False


def _levels(rows: Sequence[Sequence[object]], position: int) -> tuple[object, ...]:
    """A column's header texts from the parent down, a merged cell said once."""
    levels: list[object] = []
    for row in rows:
        cell = row[position] if position < len(row) else None
        if cell is None or (isinstance(cell, str) and not cell.strip()) or cell != cell:
            continue
        if isinstance(cell, str):
            cell = cell.strip()
        elif not isinstance(cell, dt.date):
            continue  # a number in a header row names nothing
        if not levels or levels[-1] != cell:
            levels.append(cell)
    return tuple(levels)


def _fields_named(kind: str, roles: dict[int, dict[str, Role]]) -> set[str]:
    found: set[str] = set()
    model = LEDGERS[kind]
    for by_kind in roles.values():
        role = by_kind.get(kind)
        if role is None:
            continue
        if role.field and not role.total:
            found.add(role.field)
        if role.month is not None:
            found.add(model.year_field())
        if role.range and kind in range_kinds():
            found.update(range_kinds()[kind])
    return found


def _score(kind: str, found: set[str]) -> float:
    required = [n for n, c in LEDGERS[kind].columns().items() if c.required]
    return sum(1 for n in required if n in found) / len(required)


def find_layout(rows: Sequence[Sequence[object]], kind: str | None = None) -> Layout:
    """The first header block among the first rows that names at least half of a kind's
    required columns, read as the kind it names best. With `kind`, the best block for it."""
    kinds = [kind] if kind else list(LEDGERS)
    head = [list(r) for r in rows[:HEAD_ROWS]]
    best_forced: tuple[float, int, int] = (0.0, -1, -1)
    for first in range(len(head)):
        if not any(_text(c) or month_of(c) for c in head[first]) or _is_title(head[first]):
            continue
        last = first
        while (
            last + 1 < len(rows)
            and last - first + 1 < MAX_HEADER_ROWS
            and _is_child_row(rows[last], rows[last + 1])
        ):
            last += 1
        block = [list(r) for r in rows[first : last + 1]]
        width = max(len(r) for r in block)
        roles = {p: column_roles(_levels(block, p)) for p in range(width)}
        roles = {p: r for p, r in roles.items() if r}
        scores = {k: _score(k, _fields_named(k, roles)) for k in kinds}
        top = max(scores.values())
        if kind and top > best_forced[0]:
            best_forced = (top, first, last)
        if top >= SCORE_NEEDED:
            winners = [k for k, s in scores.items() if s == top]
            if len(winners) > 1:
                # the kind more of whose columns the header names; else truly ambiguous
                named = {k: sum(1 for r in roles.values() if k in r) for k in winners}
                most = max(named.values())
                winners = [k for k in winners if named[k] == most]
                if len(winners) > 1:
                    raise AmbiguousKind(winners)
            return _layout(rows, winners[0], first, last)
    if kind and best_forced[1] >= 0:
        return _layout(rows, kind, best_forced[1], best_forced[2])
    raise NoLedger()


def _layout(rows: Sequence[Sequence[object]], kind: str, first: int, last: int) -> Layout:
    block = [list(r) for r in rows[first : last + 1]]
    width = max(len(r) for r in block)
    labels: list[str] = []
    roles: dict[int, Role] = {}
    unused: list[int] = []
    for position in range(width):
        levels = _levels(block, position)
        labels.append(" › ".join(_label(level) for level in levels))
        role = column_roles(levels).get(kind)
        if role is not None:
            roles[position] = role
        elif levels and normalise_header(labels[-1]) not in IGNORED_HEADERS:
            unused.append(position)
    titles = [
        t for row in rows[:first] for t in dict.fromkeys(_text(c) for c in row) if t is not None
    ]
    return Layout(kind, first, last, labels, roles, unused, titles)


def _label(level: object) -> str:
    if isinstance(level, dt.datetime | dt.date):
        return f"{level.year}年{level.month}月"
    return str(level)
