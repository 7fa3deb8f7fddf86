"""Differential test of the ID-number and credit-code checks against python-stdnum.

Generated and mutated numbers go through both; every verdict that differs must be one of
the deliberate differences listed here (and in the README), or the test fails:

ID numbers (stdnum.cn.ric):
- `region_not_at_birth`: stdnum also requires the six-digit region to have existed in
  the holder's birth year. zytalent does not: a number keeps the code it was issued
  under, and people born before a county's code changed were issued the new one
  (141129 for Zhongyang from 2003, for someone born in 1950).
- `region_unknown`: a region code in no edition of GB/T 2260, under a real province, is
  invalid for stdnum; zytalent counts the record and gives an `id_region_unknown` warning.
- `future_or_ancient_birth`: stdnum accepts a birth date in the future or before 1880;
  zytalent does not (`id_birth_date`).
Credit codes (stdnum.cn.uscc):
- `authority_letter`: GB 32100 allows A, N (village collectives) and Y as the first
  character; stdnum requires a digit there.
- `authority_zero`: stdnum accepts 0 as the first character; GB 32100 has no authority 0.
- `type_letter`: stdnum requires a digit as the second character; zytalent checks only
  that it is a character of the code's alphabet, as GB 32100's form does.

ZYTALENT_DIFF_N sets how many numbers of each kind (default 20,000; 300,000 was run).
"""

from __future__ import annotations

import datetime as dt
import os
import random

from helpers import TODAY
from stdnum.cn import ric, uscc

from zytalent.cells.identifiers import (
    USCC_ALPHABET,
    id_check_char,
    id_problem,
    normalise_code,
    region_known,
    uscc_check_char,
    uscc_problem,
)

COUNT = int(os.environ.get("ZYTALENT_DIFF_N", "20000"))
NON_ASCII_DIGITS = ("٠١٢٣٤٥٦٧٨٩", "०१२३४५६७८९", "①②③④⑤⑥⑦⑧⑨⑩")


def regions() -> list[str]:
    from stdnum import numdb

    rng = random.Random(2260)
    found = []
    for province in range(10, 100):
        for rest in ("0000", "0100", "0101", "2300", "2332", "1129", "0102", "9999"):
            code = f"{province}{rest}"
            if region_known(code) or rng.random() < 0.02:
                found.append(code)
    assert numdb.get("cn/loc")  # the list is installed with stdnum
    return [*found, "000000", "990000", "830000"]


def id_numbers(count: int) -> list[str]:
    rng = random.Random(2023)
    codes = regions()
    numbers: list[str] = []
    for _ in range(count):
        born = dt.date(1870, 1, 1) + dt.timedelta(days=rng.randrange(0, 160 * 365))
        body = f"{rng.choice(codes)}{born:%Y%m%d}{rng.randrange(1000):03d}"
        number = body + id_check_char(body)
        match rng.randrange(6):
            case 0:  # one character changed
                at = rng.randrange(18)
                number = number[:at] + rng.choice("0123456789X") + number[at + 1 :]
            case 1:  # two neighbours swapped
                at = rng.randrange(17)
                number = number[:at] + number[at + 1] + number[at] + number[at + 2 :]
            case 2:  # digits of another script
                digits = rng.choice(NON_ASCII_DIGITS)
                at = rng.randrange(17)
                number = number[:at] + digits[int(number[at])] + number[at + 1 :]
        numbers.append(number)
    return numbers


def stdnum_ric_valid(number: str) -> bool:
    """stdnum's verdict. Its birth-place look-up raises KeyError (python-stdnum 2.2) for a
    region code unknown under a real province (149999): that is its "invalid"."""
    try:
        return ric.is_valid(number)
    except KeyError:
        return False


def id_difference(number: str) -> str | None:
    """Why the two verdicts may differ for this number, or None when they must agree."""
    if not number.isascii() or not number[:17].isdigit():
        return None
    birth = number[6:14]
    try:
        born = dt.date(int(birth[:4]), int(birth[4:6]), int(birth[6:]))
    except ValueError:
        return None
    if born > TODAY or born.year < 1880:
        return "future_or_ancient_birth"
    if not region_known(number[:6]):
        return "region_unknown"
    return "region_not_at_birth"


def test_id_numbers_agree_with_stdnum_but_for_the_listed_differences() -> None:
    seen: dict[str, int] = {}
    for number in id_numbers(COUNT):
        plain = normalise_code(number)
        ours = id_problem(plain, TODAY) is None
        theirs = stdnum_ric_valid(number)
        if ours and not region_known(plain[:6]):
            ours = False  # counted, with the id_region_unknown warning
        if ours != theirs:
            reason = id_difference(plain)
            assert reason is not None, (number, ours, theirs)
            seen[reason] = seen.get(reason, 0) + 1
    assert set(seen) <= {"region_not_at_birth", "region_unknown", "future_or_ancient_birth"}
    assert seen.get("future_or_ancient_birth")  # the generator reaches the differences


def credit_codes(count: int) -> list[str]:
    rng = random.Random(32100)
    codes: list[str] = []
    for _ in range(count):
        body = (
            rng.choice("0123456789ANYZ")
            + rng.choice("0123456789" * 3 + "ABC")
            + "".join(rng.choice("0123456789") for _ in range(6))
            + "".join(rng.choice(USCC_ALPHABET) for _ in range(9))
        )
        code = body + (uscc_check_char(body) if all(c in USCC_ALPHABET for c in body) else "0")
        if rng.random() < 0.3:
            at = rng.randrange(18)
            code = code[:at] + rng.choice(USCC_ALPHABET + "IO") + code[at + 1 :]
        codes.append(code)
    return codes


def uscc_difference(code: str) -> str | None:
    if not all(c in USCC_ALPHABET for c in code) or code[17] != uscc_check_char(code[:17]):
        return None
    if code[0] in "ANY":
        return "authority_letter"
    if code[0] == "0":
        return "authority_zero"
    if not code[1].isdigit():
        return "type_letter"
    return None


def test_credit_codes_agree_with_stdnum_but_for_the_listed_differences() -> None:
    seen: dict[str, int] = {}
    for code in credit_codes(COUNT):
        ours = uscc_problem(code) is None
        theirs = uscc.is_valid(code)
        if ours != theirs:
            reason = uscc_difference(code)
            assert reason is not None, (code, ours, theirs)
            seen[reason] = seen.get(reason, 0) + 1
    assert set(seen) == {"authority_letter", "authority_zero", "type_letter"}
