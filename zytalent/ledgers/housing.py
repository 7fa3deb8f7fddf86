from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.ledgers.base import Column, LedgerRecord
from zytalent.ledgers.hires import ID_ALIASES, phone_column


class TalentFlat(LedgerRecord):
    kind: ClassVar[str] = "housing"
    title_zh: ClassVar[str] = "人才公寓台账"
    title_en: ClassVar[str] = "Talent flats"
    row_zh: ClassVar[str] = "每套一行"
    row_en: ClassVar[str] = "one row per flat allocated"

    name: Annotated[str, Column("姓名", "text", "tenant", ("入住人",), required=True)]
    id_number: Annotated[
        str | None, Column("身份证号", "id_number", "ID number", ID_ALIASES, unique=True)
    ] = None
    employer: Annotated[str, Column("工作单位", "text", "employer", ("单位",), required=True)]
    flat: Annotated[
        str, Column("房号", "text", "flat", ("房间号", "公寓房号"), required=True, unique=True)
    ]
    allocated: Annotated[
        dt.date,
        Column(
            "分配日期", "date", "date allocated", ("入住日期",), required=True, counts_year=True
        ),
    ]
    batch: Annotated[
        int, Column("批次", "integer", "batch", ("分配批次",), required=True, minimum=1)
    ]
    phone: Annotated[str | None, phone_column()] = None
