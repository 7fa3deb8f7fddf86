from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Column, LedgerRecord


class DiasporaTalent(LedgerRecord):
    kind: ClassVar[str] = "diaspora"
    position: ClassVar[int] = 30  # where it comes in every list and output
    label: ClassVar[Text] = Text("在外人才库", "Talent from the county working elsewhere")
    rows: ClassVar[Text] = Text(
        "每人一行；入库后一直在库",
        "one row per person; a person stays in the pool once entered",
    )
    names_zh: ClassVar[tuple[str, ...]] = ("在外人才", "在外人才库", "人才库")
    cumulative: ClassVar[bool] = True

    name: Annotated[
        str, Column(label=Text("姓名", "name"), person_name=True, kind="text", required=True)
    ]
    hometown: Annotated[
        str,
        Column(
            label=Text("籍贯", "hometown"), kind="text", aliases=("家乡", "户籍地"), required=True
        ),
    ]
    workplace: Annotated[
        str,
        Column(
            label=Text("工作单位", "workplace"),
            kind="text",
            aliases=("现工作单位", "单位"),
            required=True,
        ),
    ]
    title: Annotated[
        str | None, Column(label=Text("职务职称", "title"), kind="text", aliases=("职务", "职称"))
    ] = None
    phone: Annotated[
        str | None,
        Column(
            label=Text("联系电话", "mobile number"),
            kind="phone",
            aliases=("手机号", "手机", "电话"),
            unique=True,
            note=Text("一人一号，不得重复", "one number per person"),
        ),
    ] = None
    entered: Annotated[
        dt.date,
        Column(
            label=Text("入库日期", "date entered"),
            kind="date",
            aliases=("入库时间",),
            required=True,
            counts_year=True,
        ),
    ]
