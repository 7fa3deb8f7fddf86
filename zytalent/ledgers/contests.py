from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.ledgers.base import Column, LedgerRecord


class ContestEvent(LedgerRecord):
    kind: ClassVar[str] = "contests"
    title_zh: ClassVar[str] = "技能大赛台账"
    title_en: ClassVar[str] = "Skills contests"
    row_zh: ClassVar[str] = "每届每个比赛项目一行"
    row_en: ClassVar[str] = "one row per event of an edition"
    cumulative: ClassVar[bool] = True

    edition: Annotated[
        int, Column("届次", "integer", "edition", ("第几届",), required=True, minimum=1)
    ]
    date: Annotated[
        dt.date,
        Column("比赛日期", "date", "date", ("日期", "举办日期"), required=True, counts_year=True),
    ]
    event: Annotated[str, Column("比赛项目", "text", "event", ("项目", "赛项"), required=True)]
    participants: Annotated[
        int, Column("参赛人数", "integer", "participants", ("参赛人次",), required=True)
    ]
    city_awards: Annotated[
        int | None,
        Column(
            "市赛获奖人数",
            "integer",
            "city-level awards",
            ("市级获奖", "市赛获奖"),
            note_zh="“吕梁技术状元”“吕梁技术能手”",
            note_en="Lüliang champions and experts",
        ),
    ] = None
