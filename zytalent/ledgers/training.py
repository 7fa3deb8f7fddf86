from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Choice, Column, LedgerRecord

CATEGORIES = (
    Choice("medical", Text("医务人员", "medical staff")),
    Choice("rural", Text("乡村振兴", "rural revitalisation")),
    Choice("teachers", Text("教师", "teachers")),
    Choice("cadres", Text("党政干部", "party and government cadres"), ("干部",)),
    Choice("selectees", Text("选调生", "selected graduates")),
    Choice("high_level", Text("高层次人才", "high-level talent")),
    Choice("vocational", Text("职业技能", "vocational skills")),
    Choice("labor_brand", Text("劳务品牌", "labour brands")),
    Choice("entrepreneurship", Text("创业就业", "entrepreneurship and jobs"), ("电商",)),
)


class TrainingClass(LedgerRecord):
    kind: ClassVar[str] = "training"
    position: ClassVar[int] = 40  # where it comes in every list and output
    label: ClassVar[Text] = Text("培训台账", "Training classes")
    rows: ClassVar[Text] = Text(
        "每期一行",
        "one row per class",
    )
    names_zh: ClassVar[tuple[str, ...]] = ("培训", "人才培训", "职业技能培训")
    program: Annotated[
        str,
        Column(
            label=Text("培训项目", "programme"),
            kind="text",
            aliases=("培训名称", "项目名称"),
            required=True,
        ),
    ]
    category: Annotated[
        str,
        Column(
            label=Text("培训类别", "category"),
            kind="choice",
            aliases=("类别",),
            required=True,
            choices=CATEGORIES,
        ),
    ]
    organizer: Annotated[
        str | None, Column(label=Text("主办单位", "organiser"), kind="text", aliases=("承办单位",))
    ] = None
    location: Annotated[
        str | None, Column(label=Text("培训地点", "location"), kind="text", aliases=("地点",))
    ] = None
    start_date: Annotated[
        dt.date,
        Column(
            label=Text("开始日期", "start date"),
            kind="date",
            aliases=("培训开始日期", "开始", "开始时间", "起始日期", "培训时间开始"),
            required=True,
            counts_year=True,
        ),
    ]
    end_date: Annotated[
        dt.date,
        Column(
            label=Text("结束日期", "end date"),
            kind="date",
            aliases=("培训结束日期", "结束", "结束时间", "截止日期", "培训时间结束"),
            required=True,
            not_before="start_date",
            note=Text("不早于开始日期", "not before the start date"),
        ),
    ]
    trainees: Annotated[
        int,
        Column(
            label=Text("培训人次", "trainees"),
            kind="integer",
            aliases=("参训人数", "培训人数", "人数", "人次", "参训人次"),
            required=True,
            minimum=1,
        ),
    ]
