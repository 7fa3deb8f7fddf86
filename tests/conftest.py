from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from hypothesis import settings

# Shared CI machines are noisy: a slow example is not a failure (the suite tests behaviour).
# The examples are fixed so that CI answers the same for the same code; explore new ones
# with ZYTALENT_FUZZ=explore (and pin what they find with @example).
settings.register_profile("zytalent", deadline=None, derandomize=True)
settings.register_profile("explore", deadline=None, max_examples=2000)
settings.load_profile("explore" if os.environ.get("ZYTALENT_FUZZ") == "explore" else "zytalent")

sys.path.insert(0, str(Path(__file__).parent))
os.environ.pop("ZYTALENT_LANG", None)
# the language of a run also follows an English locale (LANG=en_*): tests start neutral
os.environ["LANG"] = "C.UTF-8"
for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
    os.environ.pop(variable, None)


@pytest.fixture(autouse=True)
def _chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    from zytalent.diagnostics import i18n

    monkeypatch.delenv("ZYTALENT_LANG", raising=False)
    i18n.set_lang(None)


def _clear_zytalent_caches() -> None:
    for name, module in list(sys.modules.items()):
        if name == "zytalent" or name.startswith("zytalent."):
            for value in list(vars(module).values()):
                clear = getattr(value, "cache_clear", None)
                if callable(clear):
                    clear()


@pytest.fixture(autouse=True, scope="session")
def _no_cached_answers_under_mutation() -> None:
    """mutmut runs each mutant in a process forked from one that has already run the
    suite, so the answers of zytalent's cached functions (column_roles, month_of and the
    other cached reading rules) come from the unmutated code and would hide every mutant
    inside them: a first partial run had `_lookup_levels` returning None survive. In a
    mutant's process they are cleared before its tests run."""
    if os.environ.get("MUTANT_UNDER_TEST", "") in ("", "stats", "fail"):
        return
    _clear_zytalent_caches()


@pytest.fixture(autouse=True)
def _each_test_reaches_cached_functions_itself() -> None:
    """In mutmut's stats pass, which records the tests that reach each function, a cached
    function is otherwise reached only by the first test that calls it: its mutants (and
    those of what it calls) would then run against that one test alone."""
    if os.environ.get("MUTANT_UNDER_TEST") == "stats":
        _clear_zytalent_caches()
