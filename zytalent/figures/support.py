"""资金 and 留才: funds, talent flats and services."""

from __future__ import annotations

from zytalent.figures.base import Figure, both, equals
from zytalent.ledgers.funds import CATEGORIES, KINDS


def figures() -> list[Figure]:
    funds: list[Figure] = []
    for k in KINDS:
        funds.append(
            Figure(
                f"funds.{k.code}",
                "funds",
                "funds",
                f"资金{k.zh}",
                f"funds {k.en}",
                "yuan",
                "sum",
                "amount",
                where=equals("fund_kind", k.code),
            )
        )
        funds += [
            Figure(
                f"funds.{k.code}.{c.code}",
                "funds",
                "funds",
                f"{k.zh}：{c.zh}",
                f"{k.en}: {c.en}",
                "yuan",
                "sum",
                "amount",
                where=both(equals("fund_kind", k.code), equals("category", c.code)),
                only_if_present=True,
            )
            for c in CATEGORIES
        ]
    retain = [
        Figure(
            "housing.flats",
            "retain",
            "housing",
            "分配人才公寓",
            "talent flats allocated",
            "flats",
            "distinct",
            "flat",
        ),
        Figure(
            "housing.batches",
            "retain",
            "housing",
            "分配批次",
            "allocation batches",
            "batches",
            "distinct",
            "batch",
        ),
        Figure(
            "services.health_checks",
            "retain",
            "services",
            "免费体检",
            "free health checks",
            "persons",
            "sum",
            "count",
            where=equals("category", "health_check"),
        ),
        Figure(
            "services.matters",
            "retain",
            "services",
            "协调解决关键小事",
            "practical matters resolved",
            "items",
            "sum",
            "count",
            where=equals("category", "matter"),
        ),
        Figure(
            "services.publicity",
            "retain",
            "services",
            "刊发人才工作宣传信息",
            "publicity articles",
            "articles",
            "sum",
            "count",
            where=equals("category", "publicity"),
        ),
    ]
    return funds + retain
