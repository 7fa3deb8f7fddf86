"""资金 and 留才: funds, talent flats and services."""

from __future__ import annotations

from zytalent.figures.base import Figure, both, equals
from zytalent.i18n import Text
from zytalent.ledgers.funds import CATEGORIES, KINDS


def figures() -> list[Figure]:
    funds: list[Figure] = []
    for k in KINDS:
        funds.append(
            Figure(
                id=f"funds.{k.code}",
                section="funds",
                kind="funds",
                label=Text(f"资金{k.zh}", f"funds {k.en}"),
                unit="yuan",
                measure="sum",
                field="amount",
                where=equals("fund_kind", k.code),
                chart="funds_by_kind",
            )
        )
        funds += [
            Figure(
                id=f"funds.{k.code}.{c.code}",
                section="funds",
                kind="funds",
                label=Text(f"{k.zh}：{c.zh}", f"{k.en}: {c.en}"),
                unit="yuan",
                measure="sum",
                field="amount",
                where=both(equals("fund_kind", k.code), equals("category", c.code)),
                only_if_present=True,
                parent=f"funds.{k.code}",
                chart=f"funds_{k.code}_by_category",
                bar=Text(c.zh, c.en),
            )
            for c in CATEGORIES
        ]
    retain = [
        Figure(
            id="housing.flats",
            section="retain",
            kind="housing",
            label=Text("分配人才公寓", "talent flats allocated"),
            unit="flats",
            measure="distinct",
            field="flat",
        ),
        Figure(
            id="housing.batches",
            section="retain",
            kind="housing",
            label=Text("分配批次", "allocation batches"),
            unit="batches",
            measure="distinct",
            field="batch",
        ),
        Figure(
            id="services.health_checks",
            section="retain",
            kind="services",
            label=Text("免费体检", "free health checks"),
            unit="persons",
            measure="sum",
            field="count",
            where=equals("category", "health_check"),
        ),
        Figure(
            id="services.matters",
            section="retain",
            kind="services",
            label=Text("协调解决关键小事", "practical matters resolved"),
            unit="items",
            measure="sum",
            field="count",
            where=equals("category", "matter"),
        ),
        Figure(
            id="services.publicity",
            section="retain",
            kind="services",
            label=Text("刊发人才工作宣传信息", "publicity articles"),
            unit="articles",
            measure="sum",
            field="count",
            where=equals("category", "publicity"),
        ),
    ]
    return funds + retain
