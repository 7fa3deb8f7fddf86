"""Check characters of Chinese identifiers, scalar and vectorised.

居民身份证号码 follows GB 11643-1999. The region code is deliberately not checked
against the birth year: numbers keep the code they were issued under (Zhongyang was
142332 before 2003), which strict libraries reject.
统一社会信用代码 follows GB 32100-2015, including village collectives' `N…` codes.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from typing import TYPE_CHECKING

from zytalent.diagnostics.codes import (
    ID_BIRTH_DATE,
    ID_CHECKSUM,
    ID_FORMAT,
    ID_REGION,
    PHONE_FORMAT,
    USCC_CHECKSUM,
    USCC_FORMAT,
    Code,
)

if TYPE_CHECKING:  # numpy is imported when a column is checked, not at start-up
    import numpy as np
    import numpy.typing as npt

ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
# ASCII digits only: `\d` would admit Arabic-Indic or Devanagari digits, which no ID
# number has (full-width digits are made ASCII before, on purpose, by `normalise_id`).
ID_PATTERN = re.compile(r"^[0-9]{17}[0-9X]$")
# GB/T 2260 provinces, plus 83 (residence permits of Taiwan residents, 830000).
PROVINCES = frozenset(
    {11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46}
    | {50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83}
)

USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# GB 32100: registration authority (1-9, A, N, Y), organisation type, six digits of the
# administrative region, nine characters of the organisation code, the check character.
USCC_PATTERN = re.compile(rf"^[1-9ANY][{USCC_ALPHABET}][0-9]{{6}}[{USCC_ALPHABET}]{{10}}$")
# Ways a number is written to keep Excel from turning it into a number: ="…" and '…
_EXCEL_TEXT = re.compile(r'^=\s*"(.*)"$|^[\'‘’](.*)$', re.DOTALL)
_FULL_WIDTH = {
    **{0xFF10 + i: ord("0") + i for i in range(10)},  # ０-９
    **{0xFF21 + i: ord("A") + i for i in range(26)},  # Ａ-Ｚ
    **{0xFF41 + i: ord("a") + i for i in range(26)},  # ａ-ｚ
}

PHONE_PATTERN = re.compile(r"^1[3-9]\d{9}$")
_SCIENTIFIC = re.compile(r"^\d(\.\d{1,6})?E\+?\d+$", re.IGNORECASE)


def normalise_code(text: str) -> str:
    """An ID number, credit code or phone as typed, made plain: the ="…" or leading
    apostrophe Excel users add to keep it text, white space (also full-width), full-width
    digits and letters, lowercase letters. Nothing else is changed: Arabic-Indic or
    circled digits stay what they are and fail the format check."""
    text = text.strip()
    wrapped = _EXCEL_TEXT.match(text)
    if wrapped:
        text = wrapped.group(1) if wrapped.group(1) is not None else wrapped.group(2)
    text = "".join(text.split()).translate(_FULL_WIDTH)
    return text.upper() if text.isascii() else text


def id_check_char(first17: str) -> str:
    total = sum(int(c) * w for c, w in zip(first17, ID_WEIGHTS, strict=True))
    return ID_CHECK_CHARS[total % 11]


def id_birth_date(number: str) -> dt.date | None:
    try:
        return dt.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return None


def id_problem(number: str, today: dt.date) -> tuple[Code, dict[str, str]] | None:
    """The finding code (and context) for a normalised ID number, or None when valid."""
    if not ID_PATTERN.match(number):
        return ID_FORMAT, {}
    if int(number[:2]) not in PROVINCES:
        return ID_REGION, {"prefix": number[:2]}
    birth = id_birth_date(number)
    if birth is None or birth > today or birth.year < 1880:
        return ID_BIRTH_DATE, {"birth": number[6:14]}
    expected = id_check_char(number[:17])
    if number[17] != expected:
        return ID_CHECKSUM, {"expected": expected}
    return None


def id_valid_mask(numbers: npt.NDArray[np.str_], today: dt.date) -> npt.NDArray[np.bool_]:
    """Vectorised twin of `id_problem(...) is None` for an array of normalised strings."""
    import numpy as np

    n = len(numbers)
    if n == 0:
        return np.zeros(0, dtype=bool)
    fixed = np.asarray(numbers, dtype="<U18")
    lengths = np.char.str_len(np.asarray(numbers, dtype=str))
    codes = fixed.view(np.uint32).reshape(n, 18).astype(np.int32)
    return id_codes_valid(codes, today) & (lengths == 18)


def id_codes_valid(codes: npt.NDArray[np.int32], today: dt.date) -> npt.NDArray[np.bool_]:
    """The check on an (n, 18) array of character codes (from text or from Arrow bytes)."""
    import numpy as np

    digits = codes - ord("0")
    first_ok = ((digits[:, :17] >= 0) & (digits[:, :17] <= 9)).all(axis=1)
    last = codes[:, 17]
    last_ok = ((last >= ord("0")) & (last <= ord("9"))) | (last == ord("X"))
    ok = first_ok & last_ok
    safe = np.where(ok[:, None], digits, 0)
    check_index = (safe[:, :17] @ np.array(ID_WEIGHTS, dtype=np.int32)) % 11
    expected = np.frombuffer(ID_CHECK_CHARS.encode(), dtype=np.uint8)[check_index]
    ok &= expected == last
    year = safe[:, 6] * 1000 + safe[:, 7] * 100 + safe[:, 8] * 10 + safe[:, 9]
    month = safe[:, 10] * 10 + safe[:, 11]
    day = safe[:, 12] * 10 + safe[:, 13]
    province = safe[:, 0] * 10 + safe[:, 1]
    ok &= np.isin(province, np.array(sorted(PROVINCES)))
    ok &= (year >= 1880) & (month >= 1) & (month <= 12) & (day >= 1)
    births = _dates_or_nat(year, month, day, ok)
    ok &= ~np.isnat(births) & (births <= np.datetime64(today, "D"))
    return ok


def _dates_or_nat(
    year: npt.NDArray[np.int64],
    month: npt.NDArray[np.int64],
    day: npt.NDArray[np.int64],
    ok: npt.NDArray[np.bool_],
) -> npt.NDArray[np.datetime64]:
    """Calendar dates, NaT where the day does not exist in that month (31 April)."""
    import numpy as np

    y = np.where(ok, year, 2000)
    m = np.where(ok, month, 1)
    d = np.where(ok, day, 1)
    month_start = (y - 1970) * 12 + (m - 1)
    first = month_start.astype("datetime64[M]").astype("datetime64[D]")
    next_first = (month_start + 1).astype("datetime64[M]").astype("datetime64[D]")
    result = first + (d - 1).astype("timedelta64[D]")
    return np.where(ok & (result < next_first), result, np.datetime64("NaT"))


@cache
def known_regions() -> tuple[str, ...]:
    """Every six-digit region code of any edition of GB/T 2260 in python-stdnum's list,
    in order."""
    from stdnum import numdb

    codes: list[str] = []
    for _, province, last, _, counties in numdb.get("cn/loc").prefixes:
        if province != last:
            continue  # the list holds one province per entry
        for width, low, high, properties, _ in counties:
            if "county" in properties:
                codes += [f"{province}{n:0{width}d}" for n in range(int(low), int(high) + 1)]
    return tuple(codes)


@cache
def region_known(code: str) -> bool:
    """Whether a six-digit region code exists in some edition of GB/T 2260, by the list
    python-stdnum keeps (past codes included: 142332 was Zhongyang's until 2003)."""
    from stdnum import numdb

    found = numdb.get("cn/loc").info(code)
    return any("county" in properties for _, properties in found)


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_ALPHABET.index(c) * w for c, w in zip(first17, USCC_WEIGHTS, strict=True))
    return USCC_ALPHABET[(31 - total % 31) % 31]


def uscc_problem(code: str) -> tuple[Code, dict[str, str]] | None:
    if not USCC_PATTERN.match(code):
        return USCC_FORMAT, {}
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        return USCC_CHECKSUM, {"expected": expected}
    return None


def phone_problem(number: str) -> tuple[Code, dict[str, str]] | None:
    return None if PHONE_PATTERN.match(number) else (PHONE_FORMAT, {})


def mask_id(number: str) -> str:
    """`141129********123X`: region and the last four stay, so a person can find the row.

    A number Excel turned into `1.41129E+17` keeps only the region code; it is shown as is."""
    if _SCIENTIFIC.match(number):
        return number
    if len(number) <= 10:
        return "*" * len(number)
    return number[:6] + "*" * (len(number) - 10) + number[-4:]


def mask_phone(number: str) -> str:
    if len(number) < 7:
        return "*" * len(number)
    return number[:3] + "*" * (len(number) - 7) + number[-4:]
