"""养老公益岗: care posts for households lifted out of poverty or monitored."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Choice, Column, LedgerRecord
from zytalent.ledgers.people import id_column, phone_column

HOUSEHOLDS = (
    Choice("poverty_lifted", Text("脱贫户", "lifted out of poverty"), ("脱贫人口",)),
    Choice("monitored", Text("监测户", "monitored household"), ("监测对象",)),
    Choice("other", Text("其他", "other")),
)


class CareWorker(LedgerRecord):
    kind: ClassVar[str] = "care_workers"
    position: ClassVar[int] = 130  # where it comes in every list and output
    label: ClassVar[Text] = Text("养老公益岗台账", "Public-welfare care posts")
    rows: ClassVar[Text] = Text(
        "每人一行",
        "one row per care worker",
    )
    names_zh: ClassVar[tuple[str, ...]] = ("养老公益岗", "公益岗", "护理员")
    name: Annotated[
        str, Column(label=Text("姓名", "name"), person_name=True, kind="text", required=True)
    ]
    id_number: Annotated[
        str,
        id_column(unique=True),
    ]
    household: Annotated[
        str,
        Column(
            label=Text("户类型", "household"),
            kind="choice",
            aliases=("人员类别", "家庭类型"),
            required=True,
            choices=HOUSEHOLDS,
        ),
    ]
    center: Annotated[
        str,
        Column(
            label=Text("服务点", "service point"), kind="text", aliases=("幸福小院",), required=True
        ),
    ]
    start_date: Annotated[
        dt.date,
        Column(
            label=Text("上岗日期", "start date"),
            kind="date",
            aliases=("入职日期",),
            required=True,
            counts_year=True,
        ),
    ]
    phone: Annotated[str | None, phone_column()] = None
