"""捐赠台账: donations to villages and towns."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Column, LedgerRecord


class Donation(LedgerRecord):
    kind: ClassVar[str] = "donations"
    position: ClassVar[int] = 140  # where it comes in every list and output
    label: ClassVar[Text] = Text("捐赠台账", "Donations")
    rows: ClassVar[Text] = Text(
        "每笔捐赠一行",
        "one row per donation",
    )
    names_zh: ClassVar[tuple[str, ...]] = ("捐赠",)
    date: Annotated[
        dt.date,
        Column(
            label=Text("捐赠日期", "date"),
            kind="date",
            aliases=("日期",),
            required=True,
            counts_year=True,
        ),
    ]
    donor: Annotated[
        str,
        Column(
            label=Text("捐赠单位", "donor"),
            kind="text",
            aliases=("捐赠方", "捐赠人"),
            required=True,
        ),
    ]
    credit_code: Annotated[
        str | None,
        Column(
            label=Text("统一社会信用代码", "unified social credit code"),
            kind="uscc",
            aliases=("信用代码",),
        ),
    ] = None
    recipient: Annotated[
        str,
        Column(
            label=Text("受赠单位", "recipient"),
            kind="text",
            aliases=("受赠方", "接收单位"),
            required=True,
        ),
    ]
    goods: Annotated[
        str | None, Column(label=Text("捐赠物资", "goods"), kind="text", aliases=("物资",))
    ] = None
    value: Annotated[
        int,
        Column(
            label=Text("价值", "value"), kind="money", aliases=("折合金额", "金额"), required=True
        ),
    ]
