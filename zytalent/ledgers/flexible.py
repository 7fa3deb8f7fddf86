from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Choice, Column, LedgerRecord
from zytalent.ledgers.hires import EDUCATION
from zytalent.ledgers.people import id_column, phone_column

PLATFORMS = (
    Choice(
        "innovation_station", Text("博士创新站", "doctoral innovation station"), ("省博士创新站",)
    ),
    Choice(
        "medical_station",
        Text("医疗卫生博士服务站", "medical doctoral service station"),
        ("博士服务站", "吕梁医疗卫生博士服务站"),
    ),
    Choice("expert_workstation", Text("专家工作站", "expert workstation")),
    Choice("other", Text("其他", "other")),
)
MODES = (
    Choice("consulting", Text("咨询", "consulting")),
    Choice("part_time", Text("兼职", "part-time")),
    Choice("short_term", Text("短期聘用", "short-term contract")),
    Choice("project", Text("项目合作", "project cooperation")),
    Choice("adviser", Text("技术顾问", "technical adviser")),
    Choice("station", Text("入站工作", "working at a station"), ("入站",)),
)


class FlexibleTalent(LedgerRecord):
    kind: ClassVar[str] = "flexible"
    position: ClassVar[int] = 20  # where it comes in every list and output
    label: ClassVar[Text] = Text("柔性引才台账", "Flexible talent")
    rows: ClassVar[Text] = Text(
        "每人一行",
        "one row per expert",
    )
    names_zh: ClassVar[tuple[str, ...]] = ("柔性引才", "柔性引进", "柔性人才")
    name: Annotated[
        str, Column(label=Text("姓名", "name"), person_name=True, kind="text", required=True)
    ]
    id_number: Annotated[
        str | None,
        id_column(required=False, unique=True),
    ] = None
    education: Annotated[
        str,
        Column(
            label=Text("学历", "education"),
            kind="choice",
            aliases=("最高学历",),
            required=True,
            choices=EDUCATION,
        ),
    ]
    home: Annotated[
        str,
        Column(
            label=Text("所在单位", "home institution"),
            kind="text",
            aliases=("原单位", "工作单位"),
            required=True,
        ),
    ]
    platform: Annotated[
        str,
        Column(
            label=Text("引才平台", "platform"),
            kind="choice",
            aliases=("平台类型", "平台"),
            required=True,
            choices=PLATFORMS,
        ),
    ]
    host: Annotated[
        str,
        Column(
            label=Text("服务单位", "host"),
            kind="text",
            aliases=("用人单位", "建站单位", "依托单位"),
            required=True,
        ),
    ]
    team: Annotated[
        str | None, Column(label=Text("所属团队", "team"), kind="text", aliases=("团队",))
    ] = None
    mode: Annotated[
        str,
        Column(
            label=Text("引进方式", "mode"),
            kind="choice",
            aliases=("柔性方式",),
            required=True,
            choices=MODES,
        ),
    ]
    start_date: Annotated[
        dt.date,
        Column(
            label=Text("开始日期", "start date"),
            kind="date",
            aliases=("入站日期", "引进日期"),
            required=True,
            counts_year=True,
        ),
    ]
    phone: Annotated[str | None, phone_column()] = None
