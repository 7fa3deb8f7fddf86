"""Elderly-care ledgers besides the meals: day-care centres, care posts, donations."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.ledgers.base import Choice, Column, LedgerRecord
from zytalent.ledgers.hires import ID_ALIASES, phone_column

CENTER_TYPES = (
    Choice("community", "社区", "community", ("城镇社区",)),
    Choice("relocation", "移民安置点", "relocation site", ("易地搬迁安置点", "安置点")),
    Choice("village", "行政村", "village", ("村",)),
)
HOUSEHOLDS = (
    Choice("poverty_lifted", "脱贫户", "lifted out of poverty", ("脱贫人口",)),
    Choice("monitored", "监测户", "monitored household", ("监测对象",)),
    Choice("other", "其他", "other"),
)


class CareCenter(LedgerRecord):
    kind: ClassVar[str] = "care_centers"
    title_zh: ClassVar[str] = "日间照料中心台账"
    title_en: ClassVar[str] = "Day-care centres (幸福小院)"
    row_zh: ClassVar[str] = "每个中心一行；建成后一直计入"
    row_en: ClassVar[str] = "one row per centre; counted from the year it opened"
    cumulative: ClassVar[bool] = True

    name: Annotated[
        str,
        Column(
            header="名称",
            kind="text",
            en="name",
            aliases=("中心名称", "幸福小院"),
            required=True,
            unique=True,
        ),
    ]
    town: Annotated[
        str, Column(header="乡镇", kind="text", en="town", aliases=("所在乡镇",), required=True)
    ]
    type: Annotated[
        str,
        Column(
            header="类型",
            kind="choice",
            en="type",
            aliases=("所在地类型",),
            required=True,
            choices=CENTER_TYPES,
        ),
    ]
    opened: Annotated[
        dt.date,
        Column(
            header="建成日期",
            kind="date",
            en="opened",
            aliases=("建成时间", "运营日期"),
            required=True,
            counts_year=True,
        ),
    ]


class CareWorker(LedgerRecord):
    kind: ClassVar[str] = "care_workers"
    title_zh: ClassVar[str] = "养老公益岗台账"
    title_en: ClassVar[str] = "Public-welfare care posts"
    row_zh: ClassVar[str] = "每人一行"
    row_en: ClassVar[str] = "one row per care worker"

    name: Annotated[
        str, Column(header="姓名", person_name=True, kind="text", en="name", required=True)
    ]
    id_number: Annotated[
        str,
        Column(
            header="身份证号",
            kind="id_number",
            en="ID number",
            aliases=ID_ALIASES,
            required=True,
            unique=True,
        ),
    ]
    household: Annotated[
        str,
        Column(
            header="户类型",
            kind="choice",
            en="household",
            aliases=("人员类别", "家庭类型"),
            required=True,
            choices=HOUSEHOLDS,
        ),
    ]
    center: Annotated[
        str,
        Column(
            header="服务点", kind="text", en="service point", aliases=("幸福小院",), required=True
        ),
    ]
    start_date: Annotated[
        dt.date,
        Column(
            header="上岗日期",
            kind="date",
            en="start date",
            aliases=("入职日期",),
            required=True,
            counts_year=True,
        ),
    ]
    phone: Annotated[str | None, phone_column()] = None


class Donation(LedgerRecord):
    kind: ClassVar[str] = "donations"
    title_zh: ClassVar[str] = "捐赠台账"
    title_en: ClassVar[str] = "Donations"
    row_zh: ClassVar[str] = "每笔捐赠一行"
    row_en: ClassVar[str] = "one row per donation"

    date: Annotated[
        dt.date,
        Column(
            header="捐赠日期",
            kind="date",
            en="date",
            aliases=("日期",),
            required=True,
            counts_year=True,
        ),
    ]
    donor: Annotated[
        str,
        Column(
            header="捐赠单位", kind="text", en="donor", aliases=("捐赠方", "捐赠人"), required=True
        ),
    ]
    credit_code: Annotated[
        str | None,
        Column(
            header="统一社会信用代码",
            kind="uscc",
            en="unified social credit code",
            aliases=("信用代码",),
        ),
    ] = None
    recipient: Annotated[
        str,
        Column(
            header="受赠单位",
            kind="text",
            en="recipient",
            aliases=("受赠方", "接收单位"),
            required=True,
        ),
    ]
    goods: Annotated[
        str | None, Column(header="捐赠物资", kind="text", en="goods", aliases=("物资",))
    ] = None
    value: Annotated[
        int,
        Column(
            header="价值", kind="money", en="value", aliases=("折合金额", "金额"), required=True
        ),
    ]
