"""Language selection and message lookup. Chinese is the default; `en` switches."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

LANGS = ("zh", "en")
_lang: ContextVar[str | None] = ContextVar("zytalent_lang", default=None)


def current_lang() -> str:
    return _normalised(_lang.get() or os.environ.get("ZYTALENT_LANG") or "zh")


@lru_cache(maxsize=32)
def _normalised(chosen: str) -> str:
    # called once per message: tens of thousands of times on a bad ledger
    chosen = chosen.lower().split("_")[0].split("-")[0]
    return chosen if chosen in LANGS else "zh"


def set_lang(lang: str | None) -> None:
    _lang.set(lang)


def pick(zh: str, en: str) -> str:
    return en if current_lang() == "en" else zh


@dataclass(frozen=True, slots=True)
class Text:
    """One thing said in both languages; `str()` gives it in the current one."""

    zh: str
    en: str

    def __str__(self) -> str:
        return pick(self.zh, self.en)

    def format(self, *args: object, **kwargs: object) -> Text:
        """Fill in both languages; a `Text` argument gives each language its own words."""

        def said(lang: str) -> tuple[list[object], dict[str, object]]:
            def one(value: object) -> object:
                return getattr(value, lang) if isinstance(value, Text) else value

            return [one(a) for a in args], {k: one(v) for k, v in kwargs.items()}

        zh_args, zh_kwargs = said("zh")
        en_args, en_kwargs = said("en")
        english = singular_after_one(self.en.format(*en_args, **en_kwargs))
        return Text(self.zh.format(*zh_args, **zh_kwargs), english)


# English nouns that follow a count in zytalent's messages, plural -> singular
_SINGULAR = {
    "files": "file", "records": "record", "errors": "error", "warnings": "warning",
    "notes": "note", "rows": "row", "cells": "cell", "sheets": "sheet",
    "doctorates": "doctorate", "teams": "team", "experts": "expert", "people": "person",
    "persons": "person", "classes": "class", "trainees": "trainee", "hires": "hire",
    "figures": "figure", "departments": "department", "columns": "column",
    "meals": "meal", "elders": "elder", "certificates": "certificate", "versions": "version",
}  # fmt: skip
_ONE_PLURAL = re.compile(r"(?<![\d.,])\b1 (" + "|".join(_SINGULAR) + r")\b")


def singular_after_one(text: str) -> str:
    """`1 files` -> `1 file`: English messages are written for many; a count of exactly
    one takes the singular (Chinese has no plural, so only English is touched)."""
    if "1 " not in text:  # the common case: no count of one at all
        return text
    return _ONE_PLURAL.sub(lambda m: "1 " + _SINGULAR[m.group(1)], text)


def render(templates: Mapping[str, Text], key: str, ctx: Mapping[str, Any]) -> str:
    """A catalogue's message filled in from `ctx`, in the current language."""
    if key not in templates:  # a key without a message still says what it is
        return key
    return fill(templates[key], ctx)


def fill(message: Text, ctx: Mapping[str, Any]) -> str:
    """A message filled in from `ctx`, in the current language; a message whose context
    lacks a field is given as written rather than not at all."""
    template = str(message)
    try:
        text = template.format(**ctx)
        return singular_after_one(text) if current_lang() == "en" else text
    except (KeyError, IndexError, ValueError):
        return template


@contextmanager
def using(lang: str | None) -> Iterator[None]:
    """Run a block in one language (for generated files that must not depend on the user's)."""
    token = _lang.set(lang)
    try:
        yield
    finally:
        _lang.reset(token)
