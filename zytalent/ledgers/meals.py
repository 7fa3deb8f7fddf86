from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.ledgers.base import Column, LedgerRecord
from zytalent.ledgers.hires import ID_ALIASES, phone_column

ELDER_AGE = 60
FUNDING_SOURCES = ("gov", "collective", "individual", "children", "society")


class MealService(LedgerRecord):
    kind: ClassVar[str] = "meals"
    title_zh: ClassVar[str] = "养老助餐台账"
    title_en: ClassVar[str] = "Elderly meal service"
    row_zh: ClassVar[str] = "每位老人、服务点、日期或月份一行"
    row_en: ClassVar[str] = "one row per elder, service point and date or month"
    month_value: ClassVar[str | None] = "meals"

    period: Annotated[
        dt.date,
        Column(
            "日期", "date", "date or month", ("月份", "就餐日期"), required=True, counts_year=True
        ),
    ]
    center: Annotated[
        str,
        Column(
            "服务点", "text", "service point", ("幸福小院", "助餐点", "日间照料中心"), required=True
        ),
    ]
    name: Annotated[str, Column("姓名", "text", "name", ("老人姓名",), required=True)]
    id_number: Annotated[
        str,
        Column(
            "身份证号",
            "id_number",
            "ID number",
            ID_ALIASES,
            required=True,
            min_age=("period", ELDER_AGE),
            note_zh="就餐时应年满 60 周岁（否则警告）",
            note_en="60 or older on the date (else a warning)",
        ),
    ]
    meals: Annotated[
        int,
        Column(
            "就餐次数", "integer", "meals", ("就餐人次", "份数", "餐次数"), required=True, minimum=1
        ),
    ]
    gov: Annotated[int | None, Column("政府补贴", "money", "government", ("政府补一点",))] = None
    collective: Annotated[
        int | None, Column("集体补贴", "money", "village collective", ("集体补一点",))
    ] = None
    individual: Annotated[int | None, Column("个人支付", "money", "the elder", ("个人出一点",))] = (
        None
    )
    children: Annotated[int | None, Column("子女支付", "money", "children", ("子女交一点",))] = None
    society: Annotated[int | None, Column("社会捐赠", "money", "donations", ("社会捐一点",))] = None
    phone: Annotated[str | None, phone_column()] = None
