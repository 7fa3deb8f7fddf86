"""资金: funds allocated, disbursed and requested."""

from __future__ import annotations

from zytalent.diagnostics.i18n import Text
from zytalent.figures.base import Figure
from zytalent.figures.where import Equals, both
from zytalent.ledgers.funds import CATEGORIES, KINDS


def figures() -> list[Figure]:
    funds: list[Figure] = []
    for k in KINDS:
        funds.append(
            Figure(
                id=f"funds.{k.code}",
                section="funds",
                kind="funds",
                label=Text("资金{kind}", "funds {kind}").format(kind=k.label),
                unit="yuan",
                measure="sum",
                field="amount",
                where=Equals("fund_kind", k.code),
                chart="funds_by_kind",
            )
        )
        funds += [
            Figure(
                id=f"funds.{k.code}.{c.code}",
                section="funds",
                kind="funds",
                label=Text("{kind}：{use}", "{kind}: {use}").format(kind=k.label, use=c.label),
                unit="yuan",
                measure="sum",
                field="amount",
                where=both(Equals("fund_kind", k.code), Equals("category", c.code)),
                only_if_present=True,
                parent=f"funds.{k.code}",
                chart=f"funds_{k.code}_by_category",
                bar=c.label,
            )
            for c in CATEGORIES
        ]
    return funds
