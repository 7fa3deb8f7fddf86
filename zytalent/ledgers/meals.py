from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Column, LedgerRecord
from zytalent.ledgers.people import id_column, phone_column

ELDER_AGE = 60
FUNDING_SOURCES = ("gov", "collective", "individual", "children", "society")


class MealService(LedgerRecord):
    kind: ClassVar[str] = "meals"
    position: ClassVar[int] = 110  # where it comes in every list and output
    label: ClassVar[Text] = Text("养老助餐台账", "Elderly meal service")
    rows: ClassVar[Text] = Text(
        "每位老人、服务点、日期或月份一行",
        "one row per elder, service point and date or month",
    )
    names_zh: ClassVar[tuple[str, ...]] = ("养老助餐", "助餐")
    month_value: ClassVar[str | None] = "meals"
    # a canteen's export lists one row per meal served, without a count column
    one_per_row: ClassVar[str | None] = "meals"

    period: Annotated[
        dt.date,
        Column(
            label=Text("日期", "date or month"),
            kind="date",
            aliases=("月份", "就餐日期"),
            required=True,
            counts_year=True,
        ),
    ]
    center: Annotated[
        str,
        Column(
            label=Text("服务点", "service point"),
            kind="text",
            aliases=("幸福小院", "助餐点", "日间照料中心"),
            required=True,
        ),
    ]
    name: Annotated[
        str,
        Column(
            label=Text("姓名", "name"),
            person_name=True,
            kind="text",
            aliases=("老人姓名",),
            required=True,
        ),
    ]
    id_number: Annotated[
        str,
        id_column(
            min_age=("period", ELDER_AGE),
            note=Text(
                "就餐时应年满 60 周岁（否则警告）", "60 or older on the date (else a warning)"
            ),
        ),
    ]
    meals: Annotated[
        int,
        Column(
            label=Text("就餐次数", "meals"),
            kind="integer",
            aliases=("就餐人次", "份数", "餐次数"),
            required=True,
            minimum=1,
        ),
    ]
    gov: Annotated[
        int | None,
        Column(label=Text("政府补贴", "government"), kind="money", aliases=("政府补一点",)),
    ] = None
    collective: Annotated[
        int | None,
        Column(label=Text("集体补贴", "village collective"), kind="money", aliases=("集体补一点",)),
    ] = None
    individual: Annotated[
        int | None,
        Column(label=Text("个人支付", "the elder"), kind="money", aliases=("个人出一点",)),
    ] = None
    children: Annotated[
        int | None,
        Column(label=Text("子女支付", "children"), kind="money", aliases=("子女交一点",)),
    ] = None
    society: Annotated[
        int | None,
        Column(label=Text("社会捐赠", "donations"), kind="money", aliases=("社会捐一点",)),
    ] = None
    phone: Annotated[str | None, phone_column()] = None
    meal: Annotated[
        str | None,
        Column(
            label=Text("餐次", "meal"),
            kind="text",
            aliases=("餐别", "用餐类型", "就餐类型", "餐型"),
            note=Text(
                "早餐、午餐、晚餐：同一天的两餐不是重复行",
                "breakfast, lunch, supper: two meals of one day are no repeat",
            ),
        ),
    ] = None
