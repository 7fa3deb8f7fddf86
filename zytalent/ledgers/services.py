from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Choice, Column, LedgerRecord

CATEGORIES = (
    Choice("health_check", Text("体检", "free health checks"), ("免费体检", "健康体检")),
    Choice("matter", Text("协调事项", "practical matters resolved"), ("关键小事", "协调解决事项")),
    Choice("publicity", Text("宣传报道", "publicity articles"), ("宣传", "报道")),
    Choice("other", Text("其他", "other")),
)


class TalentService(LedgerRecord):
    kind: ClassVar[str] = "services"
    position: ClassVar[int] = 100  # where it comes in every list and output
    label: ClassVar[Text] = Text("人才服务台账", "Talent services")
    rows: ClassVar[Text] = Text(
        "每项服务一行",
        "one row per service given",
    )
    names_zh: ClassVar[tuple[str, ...]] = ("人才服务",)
    date: Annotated[
        dt.date,
        Column(
            label=Text("日期", "date"),
            kind="date",
            aliases=("服务日期",),
            required=True,
            counts_year=True,
        ),
    ]
    category: Annotated[
        str,
        Column(
            label=Text("服务类别", "category"),
            kind="choice",
            aliases=("类别",),
            required=True,
            choices=CATEGORIES,
        ),
    ]
    item: Annotated[
        str,
        Column(
            label=Text("事项", "item"), kind="text", aliases=("服务内容", "内容"), required=True
        ),
    ]
    count: Annotated[
        int,
        Column(
            label=Text("数量", "count"),
            kind="integer",
            aliases=("人数", "篇数", "件数"),
            required=True,
            minimum=1,
        ),
    ]
