from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.ledgers.base import Choice, Column, LedgerRecord

ID_ALIASES = ("身份证号码", "公民身份号码", "身份证", "公民身份证号码", "身份证件号码")
PHONE_ALIASES = ("手机号码", "手机号", "手机", "电话", "联系方式", "电话号码")


def phone_column() -> Column:
    """The optional phone column of a ledger of people: checked and masked, never required."""
    return Column(
        "联系电话",
        "phone",
        "mobile number",
        PHONE_ALIASES,
        note_zh="选填；按手机号检查，输出中遮蔽",
        note_en="optional; checked as a mobile number and masked in every output",
    )


EDUCATION = (
    Choice("doctorate", "博士研究生", "doctorate", ("博士",)),
    Choice("master", "硕士研究生", "master's", ("硕士", "研究生")),
    Choice("bachelor", "大学本科", "bachelor's", ("本科",)),
    Choice("college", "大学专科", "junior college", ("专科", "大专")),
    Choice("secondary", "中专及以下", "secondary or below", ("中专", "高中")),
)
SECTORS = (
    Choice("county_township", "县直和乡镇", "county and township bodies", ("县直", "乡镇")),
    Choice("village", "到村任职", "village posts", ("到村", "大学生村官")),
    Choice("education", "教育系统", "education", ("教育",)),
    Choice("health", "卫生系统", "health", ("卫生", "卫健系统", "卫健")),
    Choice("enterprise", "企业", "enterprises"),
    Choice("other", "其他", "other"),
)
CHANNELS = (
    Choice("open", "公开招聘", "open recruitment"),
    Choice("case_by_case", "一事一议", "case by case"),
    Choice("selectee", "选调生", "selected graduate"),
    Choice("other", "其他", "other"),
)
GENDERS = (Choice("male", "男", "male"), Choice("female", "女", "female"))


class Hire(LedgerRecord):
    kind: ClassVar[str] = "hires"
    title_zh: ClassVar[str] = "引进人才台账"
    title_en: ClassVar[str] = "Talent hires"
    row_zh: ClassVar[str] = "每人一行"
    row_en: ClassVar[str] = "one row per person hired"

    name: Annotated[str, Column("姓名", "text", "name", ("名字",), required=True)]
    gender: Annotated[str | None, Column("性别", "choice", "gender", choices=GENDERS)] = None
    id_number: Annotated[
        str,
        Column(
            "身份证号",
            "id_number",
            "ID number",
            ID_ALIASES,
            required=True,
            unique=True,
        ),
    ]
    education: Annotated[
        str, Column("学历", "choice", "education", ("最高学历",), required=True, choices=EDUCATION)
    ]
    school: Annotated[str | None, Column("毕业院校", "text", "school", ("毕业学校",))] = None
    major: Annotated[str | None, Column("专业", "text", "major", ("所学专业",))] = None
    employer: Annotated[
        str, Column("引进单位", "text", "employer", ("用人单位", "招聘单位"), required=True)
    ]
    sector: Annotated[
        str,
        Column("引进领域", "choice", "sector", ("领域", "系统"), required=True, choices=SECTORS),
    ]
    channel: Annotated[
        str | None, Column("引进方式", "choice", "channel", ("招聘方式",), choices=CHANNELS)
    ] = None
    start_date: Annotated[
        dt.date,
        Column(
            "到岗日期",
            "date",
            "start date",
            ("报到日期", "入职日期"),
            required=True,
            counts_year=True,
        ),
    ]
    phone: Annotated[str | None, phone_column()] = None
