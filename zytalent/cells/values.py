"""Scalar parsers for one cell each: the single definition of what a cell may hold.

Column checks call these once per *distinct* value (like `pandas.to_datetime(cache=True)`),
and the pydantic models call them to explain failing rows, so both always agree.
Each parser returns the typed value, None for an empty optional cell, or raises CellError.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from zytalent.cells import informal
from zytalent.cells.identifiers import id_problem, normalise_code, phone_problem, uscc_problem
from zytalent.cells.informal import Notes, note
from zytalent.diagnostics.codes import (
    BELOW_MINIMUM,
    CELL_EMPTY,
    DATE_AMBIGUOUS,
    ID_NUMBER_AS_NUMBER,
    MONEY_PRECISION,
    NEGATIVE,
    NOT_A_DATE,
    NOT_A_NUMBER,
    NOT_INTEGER,
    TOO_LARGE,
    Code,
)


class CellError(ValueError):
    """A cell that does not hold what its column needs; `code` is the finding code."""

    def __init__(self, code: Code, **ctx: Any) -> None:
        super().__init__(code.code)
        self.code = code
        self.ctx = ctx


_SPACE = re.compile(r"\s+")
_NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?E[+-]?\d+$")
_TIME_SUFFIX = re.compile(r"(?<=[\d日号])(?:\s+|T)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_DATE_FORMS = (
    re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?P<d>\d{1,2})[日号]?$"),
    re.compile(r"^(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})$"),
    re.compile(r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})$"),
    re.compile(r"^(?P<y>\d{4})年(?P<m>\d{1,2})月(?:份)?$"),
)
# Far beyond any county ledger, well inside int64 so sums of millions of rows stay exact.
MAX_COUNT = 10**12
MAX_FEN = 10**15  # 10 万亿元
EXCEL_EPOCH = dt.date(1899, 12, 30)
# Serial numbers Excel uses for 1950-01-01 .. 2099-12-31: outside that a number is no date.
SERIAL_MIN, SERIAL_MAX = 18264, 73050


def is_empty(raw: object) -> bool:
    if raw is None:
        return True
    if isinstance(raw, float) and math.isnan(raw):
        return True
    return isinstance(raw, str) and not raw.strip()


def normalise(text: str) -> str:
    """NFKC (full-width digits and letters), all white space removed."""
    return _SPACE.sub("", unicodedata.normalize("NFKC", text))


def plain_name(text: str) -> str:
    """A name as typed, for looking it up: normalised and lower-cased (助餐, Meals)."""
    return normalise(text).lower()


def display(raw: object) -> str:
    """A cell as a person would see it in Excel (for messages)."""
    if isinstance(raw, float):
        if raw.is_integer() and abs(raw) < 1e15:
            return str(int(raw))
        return f"{raw:.6G}" if abs(raw) >= 1e15 else repr(raw)
    if isinstance(raw, dt.datetime) and raw.time() == dt.time():
        return raw.date().isoformat()
    if isinstance(raw, dt.date):
        return raw.isoformat()
    return "" if raw is None else str(raw)


def _require(raw: object, required: bool, notes: Notes | None = None) -> bool:
    """True when the cell is empty (and that is allowed). A placeholder (`/`, `—`, `无`)
    is empty too, with a note; in a required cell it is the error `cell_empty`."""
    if is_empty(raw):
        if required:
            raise CellError(CELL_EMPTY)
        return True
    if isinstance(raw, str) and informal.is_placeholder(raw):
        if required:
            raise CellError(CELL_EMPTY)
        note(notes, "info", informal.PLACEHOLDER, f"“{raw.strip()}”")
        return True
    return False


def parse_text(raw: object, required: bool = False) -> str | None:
    if _require(raw, required):
        return None
    if isinstance(raw, str):
        return raw.strip()
    return display(raw)


def to_decimal(raw: object) -> Decimal:
    if isinstance(raw, bool | dt.date | dt.time | dt.timedelta):
        raise CellError(NOT_A_NUMBER, value=display(raw))
    if isinstance(raw, int):
        return Decimal(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):
            raise CellError(NOT_A_NUMBER, value=display(raw))
        return Decimal(repr(raw))
    text = normalise(str(raw)).replace(",", "")
    if not _NUMBER.match(text):
        raise CellError(NOT_A_NUMBER, value=display(raw))
    try:
        return Decimal(text)
    except InvalidOperation as exc:  # pragma: no cover - the pattern admits only decimals
        raise CellError(NOT_A_NUMBER, value=display(raw)) from exc


def parse_integer(
    raw: object, required: bool = False, minimum: int = 0, notes: Notes | None = None
) -> int | None:
    if _require(raw, required, notes):
        return None
    with_unit = informal.count_with_unit(normalise(raw)) if isinstance(raw, str) else None
    if with_unit is not None:
        number = to_decimal(with_unit[0])
        how = informal.COUNT_UNIT.format(unit=with_unit[1])
        note(notes, "info", how, f"{str(raw).strip()} → {with_unit[0]}")
    else:
        number = to_decimal(raw)
    if number != number.to_integral_value():
        raise CellError(NOT_INTEGER, value=display(raw))
    value = int(number)
    if value < 0:
        raise CellError(NEGATIVE, value=display(raw))
    if value < minimum:
        raise CellError(BELOW_MINIMUM, value=display(raw), minimum=minimum)
    if value > MAX_COUNT:
        raise CellError(TOO_LARGE, value=display(raw))
    return value


def parse_fen(
    raw: object, required: bool = False, factor: int = 1, notes: Notes | None = None
) -> int | None:
    """Money in integer fen (分). `factor` is the header's unit in 元 (10000 for 万元); a
    unit written in the cell itself (`3.5万元`, `12000元`) is the cell's own and wins."""
    if _require(raw, required, notes):
        return None
    with_unit = informal.money_with_unit(normalise(raw)) if isinstance(raw, str) else None
    if with_unit is not None:
        number, unit, _ = with_unit
        if unit is not None and (unit != 1 or factor != 1):
            factor = unit
            how = informal.MONEY_UNIT.format(unit=_unit_name(unit), factor=unit)
        else:
            how = informal.CURRENCY_SIGN
        yuan = number * factor
        note(notes, "info", how, f"{str(raw).strip()} → {yuan:.2f} 元")
    else:
        yuan = to_decimal(raw) * factor
    fen = yuan * 100
    whole = fen.to_integral_value()
    # A float cell may carry binary noise from an Excel formula (0.1+0.2); a typed
    # text value is taken literally.
    noise = isinstance(raw, float) and abs(fen - whole) < Decimal("0.0001")
    if fen != whole and not noise:
        raise CellError(MONEY_PRECISION, value=display(raw))
    if whole < 0:
        raise CellError(NEGATIVE, value=display(raw))
    if whole > MAX_FEN:
        raise CellError(TOO_LARGE, value=display(raw))
    return int(whole)


def _unit_name(factor: int) -> str:
    return next(name for name, value in informal.MONEY_UNITS.items() if value == factor)


def parse_date(raw: object, required: bool = False, notes: Notes | None = None) -> dt.date | None:
    """Dates in every form offices use; a month (`2023-03`, `2023年3月`) is its first day;
    Chinese numerals (`二〇二三年十月十五日`) with a note."""
    if _require(raw, required, notes):
        return None
    if isinstance(raw, str):
        digits = informal.chinese_numeral_date(normalise(raw))
        if digits is not None:
            try:
                parsed = parse_date(digits, required)
            except CellError:
                raise CellError(NOT_A_DATE, value=display(raw)) from None
            if parsed is not None:
                note(notes, "info", informal.CHINESE_DATE, f"{raw.strip()} → {parsed.isoformat()}")
            return parsed
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, bool):
        raise CellError(NOT_A_DATE, value=display(raw))
    if isinstance(raw, int | float):
        return _from_number(float(raw), display(raw))
    text = normalise(_TIME_SUFFIX.sub("", unicodedata.normalize("NFKC", str(raw)).strip()))
    for form in _DATE_FORMS:
        match = form.match(text)
        if match:
            parts = match.groupdict()
            try:
                return dt.date(int(parts["y"]), int(parts["m"]), int(parts.get("d") or 1))
            except ValueError as exc:
                raise CellError(NOT_A_DATE, value=display(raw)) from exc
    if _NUMBER.match(text):
        return _from_number(float(text), display(raw), typed=True)
    raise CellError(NOT_A_DATE, value=display(raw))


def _from_number(number: float, shown: str, typed: bool = False) -> dt.date:
    if 10_000_000 <= number <= 99_991_231 and number.is_integer():
        return parse_date(str(int(number))) or EXCEL_EPOCH
    if SERIAL_MIN <= number <= SERIAL_MAX:
        return EXCEL_EPOCH + dt.timedelta(days=int(number))
    if not typed and 1900 <= number < 2100 and not number.is_integer():
        raise CellError(DATE_AMBIGUOUS, value=shown)
    raise CellError(NOT_A_DATE, value=shown)


def _visible(raw: str, notes: Notes | None) -> str:
    """The text without invisible format characters, each kind removed named in a note."""
    text, removed = informal.strip_invisible(raw)
    if removed:
        note(notes, "info", informal.INVISIBLE.format(chars="、".join(removed)), None)
    return text


def parse_id_number(
    raw: object, required: bool = False, today: dt.date | None = None, notes: Notes | None = None
) -> str | None:
    if isinstance(raw, str):
        raw = _visible(raw, notes)
    if _require(raw, required, notes):
        return None
    if isinstance(raw, int | float) and not isinstance(raw, bool):
        raise CellError(ID_NUMBER_AS_NUMBER, value=display(raw))
    text = normalise_code(str(raw))
    if _SCIENTIFIC.match(text):
        raise CellError(ID_NUMBER_AS_NUMBER, value=text)
    upgraded = informal.id_from_15(text)
    if upgraded is not None:
        note(notes, "info", informal.ID_15, None)
        text = upgraded
    problem = id_problem(text, today or dt.date.today())
    if problem:
        raise CellError(problem[0], **problem[1])
    return text


def parse_uscc(raw: object, required: bool = False, notes: Notes | None = None) -> str | None:
    if isinstance(raw, str):
        raw = _visible(raw, notes)
    if _require(raw, required, notes):
        return None
    text = normalise_code(str(raw))
    problem = uscc_problem(text)
    if problem:
        raise CellError(problem[0], **problem[1])
    return text


def parse_phone(raw: object, required: bool = False, notes: Notes | None = None) -> str | None:
    if isinstance(raw, str):
        raw = _visible(raw, notes)
    if _require(raw, required, notes):
        return None
    text = display(raw) if isinstance(raw, float) else str(raw)
    text = normalise_code(text).replace("-", "")
    problem = phone_problem(text)
    if problem:
        raise CellError(problem[0], **problem[1])
    return text


_RANGE_START = re.compile(
    r"^(?P<y>\d{4})[-/.年](?P<m>\d{1,2})(?:[-/.月](?P<d>\d{1,2})[日号]?|月份?)?"
)
_RANGE_SEPARATOR = re.compile(r"^(?:-|—|–|~|～|至|到|―)+")
_RANGE_END = re.compile(
    r"^(?:(?P<y>\d{4})[-/.年])?(?:(?P<m>\d{1,2})[-/.月])?(?P<d>\d{1,2})[日号]?$"
)


def split_date_range(raw: object) -> tuple[object, object]:
    """A period typed in one cell, as (start, end) for the date parser:
    `2023年8月7日-8月19日`, `2023.9.12—9.14`, `2023/10/9-2023/10/20`, `2023年3月` (the
    whole month), or one date (start and end the same). The end takes the year and month
    of the start where it leaves them out. A cell that is none of these is returned as
    both start and end, so the date parser says what is wrong with it."""
    if is_empty(raw) or isinstance(raw, dt.date | int | float):
        return raw, raw
    text = normalise(_TIME_SUFFIX.sub("", unicodedata.normalize("NFKC", str(raw)).strip()))
    start = _RANGE_START.match(text)
    if not start:
        return raw, raw
    year, month, day = int(start["y"]), int(start["m"]), start["d"]
    rest = text[start.end() :]
    try:
        if not rest:
            if day is not None:
                return dt.date(year, month, int(day)).isoformat(), dt.date(
                    year, month, int(day)
                ).isoformat()
            first = dt.date(year, month, 1)
            last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
            return first.isoformat(), (last - dt.timedelta(days=1)).isoformat()
        separator = _RANGE_SEPARATOR.match(rest)
        end = _RANGE_END.match(rest[separator.end() :]) if separator and day else None
        if end is None or day is None:
            return raw, raw
        end_month = int(end["m"]) if end["m"] else month
        end_year = int(end["y"]) if end["y"] else year
        if not end["y"] and (end_month, int(end["d"])) < (month, int(day)):
            end_year += 1  # 2023年12月28日-1月3日 runs into the next year
        return (
            dt.date(year, month, int(day)).isoformat(),
            dt.date(end_year, end_month, int(end["d"])).isoformat(),
        )
    except ValueError:
        return raw, raw
