from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.ledgers.base import Column, LedgerRecord


class DiasporaTalent(LedgerRecord):
    kind: ClassVar[str] = "diaspora"
    title_zh: ClassVar[str] = "在外人才库"
    title_en: ClassVar[str] = "Talent from the county working elsewhere"
    row_zh: ClassVar[str] = "每人一行；入库后一直在库"
    row_en: ClassVar[str] = "one row per person; a person stays in the pool once entered"
    cumulative: ClassVar[bool] = True

    name: Annotated[str, Column("姓名", "text", "name", required=True)]
    hometown: Annotated[str, Column("籍贯", "text", "hometown", ("家乡", "户籍地"), required=True)]
    workplace: Annotated[
        str, Column("工作单位", "text", "workplace", ("现工作单位", "单位"), required=True)
    ]
    title: Annotated[str | None, Column("职务职称", "text", "title", ("职务", "职称"))] = None
    phone: Annotated[
        str | None,
        Column(
            "联系电话",
            "phone",
            "mobile number",
            ("手机号", "手机", "电话"),
            unique=True,
            note_zh="一人一号，不得重复",
            note_en="one number per person",
        ),
    ] = None
    entered: Annotated[
        dt.date,
        Column("入库日期", "date", "date entered", ("入库时间",), required=True, counts_year=True),
    ]
