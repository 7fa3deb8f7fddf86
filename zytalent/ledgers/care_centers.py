"""日间照料中心（幸福小院）: day-care centres, counted from the year they opened."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Choice, Column, LedgerRecord

CENTER_TYPES = (
    Choice("community", Text("社区", "community"), ("城镇社区",)),
    Choice("relocation", Text("移民安置点", "relocation site"), ("易地搬迁安置点", "安置点")),
    Choice("village", Text("行政村", "village"), ("村",)),
)


class CareCenter(LedgerRecord):
    kind: ClassVar[str] = "care_centers"
    position: ClassVar[int] = 120  # where it comes in every list and output
    label: ClassVar[Text] = Text("日间照料中心台账", "Day-care centres (幸福小院)")
    rows: ClassVar[Text] = Text(
        "每个中心一行；建成后一直计入",
        "one row per centre; counted from the year it opened",
    )
    names_zh: ClassVar[tuple[str, ...]] = ("日间照料中心", "幸福小院", "照料中心")
    cumulative: ClassVar[bool] = True

    name: Annotated[
        str,
        Column(
            label=Text("名称", "name"),
            kind="text",
            aliases=("中心名称", "幸福小院"),
            required=True,
            unique=True,
        ),
    ]
    town: Annotated[
        str, Column(label=Text("乡镇", "town"), kind="text", aliases=("所在乡镇",), required=True)
    ]
    type: Annotated[
        str,
        Column(
            label=Text("类型", "type"),
            kind="choice",
            aliases=("所在地类型",),
            required=True,
            choices=CENTER_TYPES,
        ),
    ]
    opened: Annotated[
        dt.date,
        Column(
            label=Text("建成日期", "opened"),
            kind="date",
            aliases=("建成时间", "运营日期"),
            required=True,
            counts_year=True,
        ),
    ]
