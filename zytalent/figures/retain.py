"""留才: talent flats and services."""

from __future__ import annotations

from zytalent.diagnostics.i18n import Text
from zytalent.figures.base import Figure
from zytalent.figures.where import Equals


def figures() -> list[Figure]:
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
            where=Equals("category", "health_check"),
        ),
        Figure(
            id="services.matters",
            section="retain",
            kind="services",
            label=Text("协调解决关键小事", "practical matters resolved"),
            unit="items",
            measure="sum",
            field="count",
            where=Equals("category", "matter"),
        ),
        Figure(
            id="services.publicity",
            section="retain",
            kind="services",
            label=Text("刊发人才工作宣传信息", "publicity articles"),
            unit="articles",
            measure="sum",
            field="count",
            where=Equals("category", "publicity"),
        ),
    ]
    return retain
