"""The ledger kinds zytalent knows, found in this package, in the order the annual report
uses."""

from __future__ import annotations

from zytalent.cells.values import plain_name
from zytalent.diagnostics.errors import UsageError
from zytalent.ledgers.base import Choice, Column, LedgerRecord


def _discovered() -> dict[str, type[LedgerRecord]]:
    """Every ledger model in this package: a module here that defines a LedgerRecord with
    a `kind` is a ledger kind (adding one is adding its module), in declared `position`."""
    import importlib
    import pkgutil

    models: list[type[LedgerRecord]] = []
    for module_info in pkgutil.iter_modules(__path__):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        models += [
            value
            for value in vars(module).values()
            if isinstance(value, type)
            and issubclass(value, LedgerRecord)
            and value.__module__ == module.__name__
            and "kind" in value.__dict__
        ]
    positions = [model.position for model in models]
    if len(set(positions)) != len(positions):  # two ledgers at one place: say so at once
        raise RuntimeError(f"two ledger kinds declare the same position: {sorted(positions)}")
    return {model.kind: model for model in sorted(models, key=lambda m: m.position)}


LEDGERS: dict[str, type[LedgerRecord]] = _discovered()


def kind_names() -> dict[str, str]:
    """Every name a ledger kind is known by (its code, its Chinese title with and without
    台账, what people call it), normalised, -> its code."""
    names: dict[str, str] = {}
    for code, model in LEDGERS.items():
        for name in (code, model.label.zh, model.label.zh.removesuffix("台账"), *model.names_zh):
            names.setdefault(plain_name(name), code)
    return names


def ledger(kind: str) -> type[LedgerRecord]:
    """The ledger a user names: by code (meals), by its Chinese title (养老助餐台账) or a
    common short form (助餐). An unknown name is a usage error with the closest names."""
    names = kind_names()
    plain = plain_name(kind)
    code = names.get(plain) or names.get(plain.removesuffix("台账"))
    if code is not None:
        return LEDGERS[code]
    import difflib

    from zytalent.diagnostics.i18n import render
    from zytalent.diagnostics.messages import MESSAGES

    close = difflib.get_close_matches(plain, list(names), n=3, cutoff=0.5)
    close += [n for n in names if plain and (plain in n or n in plain) and n not in close]
    suggestions = list(dict.fromkeys(f"{names[n]}（{LEDGERS[names[n]].label.zh}）" for n in close))
    known = "、".join(f"{c}（{m.label.zh}）" for c, m in LEDGERS.items())
    suggest = (
        render(MESSAGES, "did_you_mean", {"names": "、".join(suggestions[:3])})
        if suggestions
        else ""
    )
    raise UsageError(
        render(MESSAGES, "kind_unknown", {"kind": kind, "kinds": known, "suggest": suggest})
    ) from None


__all__ = ["LEDGERS", "Choice", "Column", "LedgerRecord", "ledger"]
