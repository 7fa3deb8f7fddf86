from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Choice, Column, LedgerRecord

CATEGORIES = (
    Choice("talent_recruitment", Text("招才引智专项资金", "talent recruitment fund")),
    Choice("fiscal_special", Text("财政专项资金", "fiscal special fund")),
    Choice("talent_rewards", Text("人才奖补", "talent rewards and subsidies")),
    Choice("cooperation", Text("校地合作经费", "school–county cooperation funding")),
    Choice("other", Text("其他", "other")),
)
KINDS = (
    Choice("allocated", Text("安排", "allocated"), ("预算安排",)),
    Choice("disbursed", Text("发放", "disbursed"), ("拨付", "兑现")),
    Choice("requested", Text("申请", "requested")),
)


class FundEntry(LedgerRecord):
    kind: ClassVar[str] = "funds"
    position: ClassVar[int] = 80  # where it comes in every list and output
    label: ClassVar[Text] = Text("资金台账", "Funds")
    rows: ClassVar[Text] = Text(
        "每笔一行",
        "one row per allocation or payment",
    )
    names_zh: ClassVar[tuple[str, ...]] = ("资金", "人才资金")
    date: Annotated[
        dt.date,
        Column(
            label=Text("日期", "date"),
            kind="date",
            aliases=("拨付日期", "发放日期"),
            required=True,
            counts_year=True,
        ),
    ]
    category: Annotated[
        str,
        Column(
            label=Text("资金类别", "category"),
            kind="choice",
            aliases=("资金名称", "类别"),
            required=True,
            choices=CATEGORIES,
        ),
    ]
    fund_kind: Annotated[
        str,
        Column(
            label=Text("资金性质", "kind"),
            kind="choice",
            aliases=("类型", "收支类型"),
            required=True,
            choices=KINDS,
        ),
    ]
    item: Annotated[
        str | None, Column(label=Text("事项", "item"), kind="text", aliases=("摘要", "用途"))
    ] = None
    amount: Annotated[int, Column(label=Text("金额", "amount"), kind="money", required=True)]
    payee: Annotated[
        str | None,
        Column(
            label=Text("收款单位/个人", "payee"),
            kind="text",
            aliases=("收款方", "领取人", "收款单位"),
        ),
    ] = None
    doc_no: Annotated[
        str | None,
        Column(label=Text("文号", "document number"), kind="text", aliases=("批准文号",)),
    ] = None
