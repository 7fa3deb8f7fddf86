"""Header normalisation and matching a header row to a ledger kind."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from zytalent.ledgers import LEDGERS, LedgerRecord

_SPACE = re.compile(r"\s+")
_BRACKETED = re.compile(r"^(?P<base>.+?)[(\[](?P<unit>[^()\[\]]*)[)\]]$")
IGNORED_HEADERS = frozenset({"序号", "编号no", "no", "no.", "序"})
MONEY_UNITS = {"元": 1, "人民币元": 1, "万元": 10_000, "千元": 1_000, "百元": 100}


def normalise_header(text: object) -> str:
    """NFKC (full-width brackets become ASCII), white space and required-markers removed."""
    if text is None:
        return ""
    cleaned = _SPACE.sub("", unicodedata.normalize("NFKC", str(text)))
    cleaned = cleaned.replace("【", "[").replace("】", "]").replace("〔", "[").replace("〕", "]")
    return cleaned.strip("*").lower()


@dataclass(frozen=True)
class HeaderMatch:
    field: str
    unit: str | None  # the bracketed unit, e.g. 万元


@cache
def header_index(kind: str) -> dict[str, str]:
    index: dict[str, str] = {}
    for name, column in LEDGERS[kind].columns().items():
        for text in (column.header, *column.aliases):
            index.setdefault(normalise_header(text), name)
    return index


def match_header(kind: str, text: object) -> HeaderMatch | None:
    """The field a header cell names, trying the whole text first, then without a unit."""
    key = normalise_header(text)
    if not key:
        return None
    index = header_index(kind)
    if key in index:
        return HeaderMatch(index[key], None)
    bracketed = _BRACKETED.match(key)
    if bracketed and bracketed["base"] in index:
        return HeaderMatch(index[bracketed["base"]], bracketed["unit"])
    return None


def required_fields(model: type[LedgerRecord]) -> list[str]:
    return [name for name, column in model.columns().items() if column.required]


def kind_score(kind: str, cells: Sequence[object]) -> float:
    """Share of the kind's required columns that the row names."""
    required = required_fields(LEDGERS[kind])
    found = {m.field for m in (match_header(kind, c) for c in cells) if m}
    return sum(1 for name in required if name in found) / len(required)
