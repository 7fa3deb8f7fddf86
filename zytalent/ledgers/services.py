from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.ledgers.base import Choice, Column, LedgerRecord

CATEGORIES = (
    Choice("health_check", "体检", "free health checks", ("免费体检", "健康体检")),
    Choice("matter", "协调事项", "practical matters resolved", ("关键小事", "协调解决事项")),
    Choice("publicity", "宣传报道", "publicity articles", ("宣传", "报道")),
    Choice("other", "其他", "other"),
)


class TalentService(LedgerRecord):
    kind: ClassVar[str] = "services"
    names_zh: ClassVar[tuple[str, ...]] = ("人才服务",)
    title_zh: ClassVar[str] = "人才服务台账"
    title_en: ClassVar[str] = "Talent services"
    row_zh: ClassVar[str] = "每项服务一行"
    row_en: ClassVar[str] = "one row per service given"

    date: Annotated[
        dt.date,
        Column(
            header="日期",
            kind="date",
            en="date",
            aliases=("服务日期",),
            required=True,
            counts_year=True,
        ),
    ]
    category: Annotated[
        str,
        Column(
            header="服务类别",
            kind="choice",
            en="category",
            aliases=("类别",),
            required=True,
            choices=CATEGORIES,
        ),
    ]
    item: Annotated[
        str,
        Column(header="事项", kind="text", en="item", aliases=("服务内容", "内容"), required=True),
    ]
    count: Annotated[
        int,
        Column(
            header="数量",
            kind="integer",
            en="count",
            aliases=("人数", "篇数", "件数"),
            required=True,
            minimum=1,
        ),
    ]
