"""Header normalisation and matching a header row to a ledger kind."""

from __future__ import annotations

import re
import unicodedata
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


@cache
def _index() -> dict[str, dict[str, str]]:
    """Normalised header text -> {kind: field}, over every ledger kind at once."""
    index: dict[str, dict[str, str]] = {}
    for kind, model in LEDGERS.items():
        for name, column in model.columns().items():
            for text in (column.header, *column.aliases):
                index.setdefault(normalise_header(text), {}).setdefault(kind, name)
    return index


@cache
def header_lookup(key: str) -> tuple[dict[str, str], str | None]:
    """{kind: field} that a normalised header names, trying the whole text first, then
    without a bracketed unit (`金额(万元)`); and that unit."""
    if not key:
        return {}, None
    index = _index()
    if key in index:
        return index[key], None
    bracketed = _BRACKETED.match(key)
    if bracketed and bracketed["base"] in index:
        return index[bracketed["base"]], bracketed["unit"]
    return {}, None


def required_fields(model: type[LedgerRecord]) -> list[str]:
    return [name for name, column in model.columns().items() if column.required]


def field_named(kind: str, by: str) -> str | None:
    """The field a column header (or field name) names in this ledger, if it has it: the
    same header index the reader matches a sheet's headers with."""
    if by in LEDGERS[kind].columns():
        return by
    return header_lookup(normalise_header(by))[0].get(kind)
