from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Column, LedgerRecord
from zytalent.ledgers.people import id_column, phone_column


class TalentFlat(LedgerRecord):
    kind: ClassVar[str] = "housing"
    position: ClassVar[int] = 90  # where it comes in every list and output
    label: ClassVar[Text] = Text("人才公寓台账", "Talent flats")
    rows: ClassVar[Text] = Text(
        "每套一行",
        "one row per flat allocated",
    )
    names_zh: ClassVar[tuple[str, ...]] = ("人才公寓", "公寓")
    name: Annotated[
        str,
        Column(
            label=Text("姓名", "tenant"),
            person_name=True,
            kind="text",
            aliases=("入住人",),
            required=True,
        ),
    ]
    id_number: Annotated[
        str | None,
        id_column(required=False, unique=True),
    ] = None
    employer: Annotated[
        str,
        Column(label=Text("工作单位", "employer"), kind="text", aliases=("单位",), required=True),
    ]
    flat: Annotated[
        str,
        Column(
            label=Text("房号", "flat"),
            kind="text",
            aliases=("房间号", "公寓房号"),
            required=True,
            unique=True,
        ),
    ]
    allocated: Annotated[
        dt.date,
        Column(
            label=Text("分配日期", "date allocated"),
            kind="date",
            aliases=("入住日期",),
            required=True,
            counts_year=True,
        ),
    ]
    batch: Annotated[
        int,
        Column(
            label=Text("批次", "batch"),
            kind="integer",
            aliases=("分配批次",),
            required=True,
            minimum=1,
        ),
    ]
    phone: Annotated[str | None, phone_column()] = None
