"""Values a clerk reads at once, written informally: one documented normaliser per cell
kind. Each normalisation is a `Note` the column check turns into a finding that says what
was read, so nothing changes silently; what no normaliser recognises stays an error.

| cell kind | informal spellings read | note |
|---|---|---|
| every kind but free text | `/`, `\\`, `—`, `－`, `-`, `无`, `空`, `暂无` mean empty (a required cell is then empty) | info |
| number | a unit after it: `120人`, `45人次`, `3个`, `5期`, `2场` | info |
| money | `元`, `￥`/`¥` before or `元` after, thousands commas; `3.5万元` in a 元 column is multiplied exactly (`千元`, `百元` too); a bare number keeps the header's unit, never a guess | info |
| date | Chinese numerals: `二〇二三年十月十五日`, `二〇二三年三月` | info |
| ID number, phone | invisible format characters (Unicode category Cf: U+202D…U+202C, U+200B, U+FEFF) removed, named | info |
| ID number | 15 digits (GB 11643-1989) upgraded to 18: century 19 and the check character | info |
| choice | decorations around an allowed value: `男性`, `全日制本科`, `本科学历`, `研究生（硕士）`, `在职研究生`; a value's informal aliases (`M`, `F`) | info; a value that is ambiguous (`研究生`, counted as 硕士) is a warning |
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from typing import Literal

from zytalent.diagnostics.i18n import Text

Severity = Literal["info", "warning"]
# (severity, what was done, an example "raw → read" or None for personal values)
Note = tuple[Severity, Text, str | None]
Notes = list[Note]

PLACEHOLDERS = frozenset({"/", "\\", "—", "——", "－", "-", "--", "无", "空", "暂无", "／", "＼"})
PLACEHOLDER = Text("占位符按空白读取", "placeholders read as empty")

# units written after a count, longest first so that 人次 is not read as 人
COUNT_UNITS = (
    "人次",
    "人",
    "个",
    "期",
    "次",
    "场",
    "项",
    "套",
    "篇",
    "名",
    "户",
    "家",
    "条",
    "批",
    "种",
    "届",
)
COUNT_UNIT = Text("数字后的单位“{unit}”已去掉", "the unit '{unit}' after the number removed")
_COUNT = re.compile(r"^(?P<number>[+-]?[\d,，.]+)(?P<unit>" + "|".join(COUNT_UNITS) + r")$")

MONEY_UNITS = {"元": 1, "百元": 100, "千元": 1000, "万元": 10_000, "亿元": 100_000_000}
MONEY_UNIT = Text(
    "金额中写了单位“{unit}”，按 1 {unit} = {factor} 元换算",
    "the unit '{unit}' in the amount applied (1 {unit} = {factor} 元)",
)
_MONEY = re.compile(
    r"^(?:[￥¥]|RMB|人民币)?(?P<number>[+-]?[\d,，]*\.?\d+)(?P<unit>亿元|万元|千元|百元|元)?$"
)
CURRENCY_SIGN = Text(
    "去掉了金额中的货币符号或“元”", "the currency sign or 元 removed from the amount"
)

DIGITS = {"〇": 0, "零": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4}
DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_NUMERALS = re.compile(r"[〇零○Ｏ一二两三四五六七八九十]+")
CHINESE_DATE = Text("中文数字日期已按数字读取", "a date in Chinese numerals read as digits")

INVISIBLE = Text(
    "去除了不可见字符 {chars}（常由网页或聊天软件复制带入）",
    "invisible characters {chars} removed (pasted from a web page or a chat)",
)
ID_15 = Text(
    "15 位身份证号（GB 11643-1989）已升为 18 位（补世纪“19”和校验位）",
    "15-digit ID numbers (GB 11643-1989) upgraded to 18 (century 19 and the check character)",
)

# words around an allowed value that do not change it
CHOICE_PREFIXES = ("全日制", "非全日制", "在职", "脱产", "普通", "统招")
CHOICE_SUFFIXES = ("学历", "文化程度", "文化", "毕业", "学位", "性", "生")
CHOICE_READ = Text("“{raw}”读作“{read}”", "'{raw}' read as '{read}'")
CHOICE_AMBIGUOUS = Text(
    "“{raw}”不明确，按“{read}”计入；如不是，请写明",
    "'{raw}' is ambiguous and was counted as '{read}'; write it out if it is not",
)
_BRACKETS = re.compile(r"^(?P<outside>[^（(]*)[（(](?P<inside>[^）)]+)[）)](?P<after>.*)$")


def note(notes: Notes | None, severity: Severity, how: Text, example: str | None) -> None:
    if notes is not None:
        notes.append((severity, how, example))


def is_placeholder(text: str) -> bool:
    return (
        unicodedata.normalize("NFKC", text).strip() in PLACEHOLDERS or text.strip() in PLACEHOLDERS
    )


def strip_invisible(text: str) -> tuple[str, list[str]]:
    """The text without format characters (category Cf), and the ones removed (U+202D…)."""
    removed = [c for c in text if unicodedata.category(c) == "Cf"]
    if not removed:
        return text, []
    names = list(dict.fromkeys(f"U+{ord(c):04X}" for c in removed))
    return "".join(c for c in text if unicodedata.category(c) != "Cf"), names


def count_with_unit(text: str) -> tuple[str, str] | None:
    """`120人` -> ("120", "人"); None when no unit follows the number."""
    match = _COUNT.match(text)
    return (match["number"], match["unit"]) if match else None


def money_with_unit(text: str) -> tuple[Decimal, int | None, bool] | None:
    """`3.5万元` -> (3.5, 10000, …); `￥5,000.00` -> (5000.00, None, True): the number, the
    unit written in the cell (None: none, the header's applies), and whether anything
    but a unit was removed. None when the text is not an amount."""
    plain = text.replace("，", ",")
    match = _MONEY.match(plain)
    if not match or (match["unit"] is None and plain == match["number"] and "," not in plain):
        return None
    number = match["number"].replace(",", "")
    try:
        value = Decimal(number)
    except ArithmeticError:
        return None
    unit = MONEY_UNITS[match["unit"]] if match["unit"] else None
    decorated = plain != match["number"] + (match["unit"] or "")
    return value, unit, decorated or "," in match["number"]


def _numeral(run: str) -> str:
    """一九 -> 19, 〇三 -> 03, 十五 -> 15, 二十 -> 20, 三十一 -> 31."""
    if "十" not in run:
        return "".join(str(DIGITS[c]) for c in run)
    tens, _, units = run.partition("十")
    if len(tens) > 1 or len(units) > 1 or "十" in units:
        return run  # not a number of days or months
    return str((DIGITS[tens] if tens else 1) * 10 + (DIGITS[units] if units else 0))


def chinese_numeral_date(text: str) -> str | None:
    """`二〇二三年十月十五日` -> `2023年10月15日`; None when the text has no Chinese numerals
    or is not a date once they are digits."""
    if not _NUMERALS.search(text) or ("年" not in text and "月" not in text):
        return None
    return _NUMERALS.sub(lambda m: _numeral(m.group()), text)


def id_from_15(number: str) -> str | None:
    """A 15-digit ID number (GB 11643-1989: region, YYMMDD, sequence) as its 18-digit form
    (region, 19YYMMDD, sequence, check character); None when it is not 15 digits."""
    from zytalent.cells.identifiers import id_check_char

    if len(number) != 15 or not number.isascii() or not number.isdigit():
        return None
    body = number[:6] + "19" + number[6:]
    return body + id_check_char(body)


def choice_candidates(text: str) -> Iterator[str]:
    """Ways to read an allowed value out of a decorated one, most specific first:
    the part in brackets (`研究生（硕士）` -> 硕士), then without known prefixes and suffixes
    (`全日制本科` -> 本科, `本科学历` -> 本科, `男性` -> 男)."""
    bracketed = _BRACKETS.match(text)
    if bracketed:
        yield bracketed["inside"].strip()
        yield (bracketed["outside"] + bracketed["after"]).strip()
    stripped = text
    for _ in range(4):  # 全日制本科学历: a prefix, then a suffix, each tried as it goes
        before = stripped
        for prefix in CHOICE_PREFIXES:
            if stripped.startswith(prefix) and len(stripped) > len(prefix):
                stripped = stripped[len(prefix) :]
                yield stripped
                break
        for suffix in CHOICE_SUFFIXES:
            if stripped.endswith(suffix) and len(stripped) > len(suffix):
                stripped = stripped[: -len(suffix)]
                yield stripped
                break
        if stripped == before:
            break
