"""The ledger kinds zytalent knows, in the order the annual report uses."""

from __future__ import annotations

from zytalent.cells.values import plain_name
from zytalent.diagnostics.errors import UsageError
from zytalent.ledgers.base import Choice, Column, LedgerRecord
from zytalent.ledgers.care_centers import CareCenter
from zytalent.ledgers.care_workers import CareWorker
from zytalent.ledgers.contests import ContestEvent
from zytalent.ledgers.cooperation import CooperationItem
from zytalent.ledgers.diaspora import DiasporaTalent
from zytalent.ledgers.donations import Donation
from zytalent.ledgers.flexible import FlexibleTalent
from zytalent.ledgers.funds import FundEntry
from zytalent.ledgers.hires import Hire
from zytalent.ledgers.housing import TalentFlat
from zytalent.ledgers.meals import MealService
from zytalent.ledgers.services import TalentService
from zytalent.ledgers.skills import SkillCertificate
from zytalent.ledgers.training import TrainingClass

LEDGERS: dict[str, type[LedgerRecord]] = {
    model.kind: model
    for model in (
        Hire,
        FlexibleTalent,
        DiasporaTalent,
        TrainingClass,
        SkillCertificate,
        ContestEvent,
        CooperationItem,
        FundEntry,
        TalentFlat,
        TalentService,
        MealService,
        CareCenter,
        CareWorker,
        Donation,
    )
}


def kind_names() -> dict[str, str]:
    """Every name a ledger kind is known by (its code, its Chinese title with and without
    台账, what people call it), normalised, -> its code."""
    names: dict[str, str] = {}
    for code, model in LEDGERS.items():
        for name in (code, model.title_zh, model.title_zh.removesuffix("台账"), *model.names_zh):
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
    suggestions = list(dict.fromkeys(f"{names[n]}（{LEDGERS[names[n]].title_zh}）" for n in close))
    known = "、".join(f"{c}（{m.title_zh}）" for c, m in LEDGERS.items())
    suggest = (
        render(MESSAGES, "did_you_mean", {"names": "、".join(suggestions[:3])})
        if suggestions
        else ""
    )
    raise UsageError(
        render(MESSAGES, "kind_unknown", {"kind": kind, "kinds": known, "suggest": suggest})
    ) from None


__all__ = ["LEDGERS", "Choice", "Column", "LedgerRecord", "ledger"]
