from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Choice, Column, LedgerRecord
from zytalent.ledgers.people import id_column, phone_column

EDUCATION = (
    Choice("doctorate", Text("博士研究生", "doctorate"), ("博士",)),
    Choice("master", Text("硕士研究生", "master's"), ("硕士",), ambiguous=("研究生",)),
    Choice("bachelor", Text("大学本科", "bachelor's"), ("本科",)),
    Choice("college", Text("大学专科", "junior college"), ("专科", "大专")),
    Choice("secondary", Text("中专及以下", "secondary or below"), ("中专", "高中")),
)
SECTORS = (
    Choice("county_township", Text("县直和乡镇", "county and township bodies"), ("县直", "乡镇")),
    Choice("village", Text("到村任职", "village posts"), ("到村", "大学生村官")),
    Choice("education", Text("教育系统", "education"), ("教育",)),
    Choice("health", Text("卫生系统", "health"), ("卫生", "卫健系统", "卫健")),
    Choice("enterprise", Text("企业", "enterprises")),
    Choice("other", Text("其他", "other")),
)
CHANNELS = (
    Choice("open", Text("公开招聘", "open recruitment")),
    Choice("case_by_case", Text("一事一议", "case by case")),
    Choice("selectee", Text("选调生", "selected graduate")),
    Choice("other", Text("其他", "other")),
)
GENDERS = (
    Choice("male", Text("男", "male"), informal=("M",)),
    Choice("female", Text("女", "female"), informal=("F",)),
)


class Hire(LedgerRecord):
    kind: ClassVar[str] = "hires"
    position: ClassVar[int] = 10  # where it comes in every list and output
    label: ClassVar[Text] = Text("引进人才台账", "Talent hires")
    rows: ClassVar[Text] = Text(
        "每人一行",
        "one row per person hired",
    )
    names_zh: ClassVar[tuple[str, ...]] = ("引进人才", "人才引进", "引才")
    name: Annotated[
        str,
        Column(
            label=Text("姓名", "name"),
            person_name=True,
            kind="text",
            aliases=("名字",),
            required=True,
        ),
    ]
    gender: Annotated[
        str | None, Column(label=Text("性别", "gender"), kind="choice", choices=GENDERS)
    ] = None
    id_number: Annotated[
        str,
        id_column(unique=True),
    ]
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
    school: Annotated[
        str | None, Column(label=Text("毕业院校", "school"), kind="text", aliases=("毕业学校",))
    ] = None
    major: Annotated[
        str | None, Column(label=Text("专业", "major"), kind="text", aliases=("所学专业",))
    ] = None
    employer: Annotated[
        str,
        Column(
            label=Text("引进单位", "employer"),
            kind="text",
            aliases=("用人单位", "招聘单位"),
            required=True,
        ),
    ]
    sector: Annotated[
        str,
        Column(
            label=Text("引进领域", "sector"),
            kind="choice",
            aliases=("领域", "系统"),
            required=True,
            choices=SECTORS,
        ),
    ]
    channel: Annotated[
        str | None,
        Column(
            label=Text("引进方式", "channel"),
            kind="choice",
            aliases=("招聘方式",),
            choices=CHANNELS,
        ),
    ] = None
    start_date: Annotated[
        dt.date,
        Column(
            label=Text("到岗日期", "start date"),
            kind="date",
            aliases=("报到日期", "入职日期"),
            required=True,
            counts_year=True,
        ),
    ]
    phone: Annotated[str | None, phone_column()] = None
