from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Column, LedgerRecord


class ContestEvent(LedgerRecord):
    kind: ClassVar[str] = "contests"
    position: ClassVar[int] = 60  # where it comes in every list and output
    label: ClassVar[Text] = Text("技能大赛台账", "Skills contests")
    rows: ClassVar[Text] = Text(
        "每届每个比赛项目一行",
        "one row per event of an edition",
    )
    names_zh: ClassVar[tuple[str, ...]] = ("技能大赛", "职业技能大赛", "大赛")
    cumulative: ClassVar[bool] = True

    edition: Annotated[
        int,
        Column(
            label=Text("届次", "edition"),
            kind="integer",
            aliases=("第几届",),
            required=True,
            minimum=1,
        ),
    ]
    date: Annotated[
        dt.date,
        Column(
            label=Text("比赛日期", "date"),
            kind="date",
            aliases=("日期", "举办日期"),
            required=True,
            counts_year=True,
        ),
    ]
    event: Annotated[
        str,
        Column(
            label=Text("比赛项目", "event"), kind="text", aliases=("项目", "赛项"), required=True
        ),
    ]
    participants: Annotated[
        int,
        Column(
            label=Text("参赛人数", "participants"),
            kind="integer",
            aliases=("参赛人次",),
            required=True,
        ),
    ]
    city_awards: Annotated[
        int | None,
        Column(
            label=Text("市赛获奖人数", "city-level awards"),
            kind="integer",
            aliases=("市级获奖", "市赛获奖"),
            note=Text("“吕梁技术状元”“吕梁技术能手”", "Lüliang champions and experts"),
        ),
    ] = None
