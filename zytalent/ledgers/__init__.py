"""The ledger kinds zytalent knows, in the order the annual report uses."""

from __future__ import annotations

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


def ledger(kind: str) -> type[LedgerRecord]:
    try:
        return LEDGERS[kind]
    except KeyError:
        from zytalent.diagnostics.i18n import render
        from zytalent.diagnostics.messages import MESSAGES

        known = ", ".join(LEDGERS)
        raise UsageError(render(MESSAGES, "kind_unknown", {"kind": kind, "kinds": known})) from None


__all__ = ["LEDGERS", "Choice", "Column", "LedgerRecord", "ledger"]
