from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Choice, Column, LedgerRecord

TYPES = (
    Choice("partnership", Text("合作关系", "standing partnership"), ("战略合作", "合作协议")),
    Choice("tech_center", Text("技术中心", "technology centre")),
    Choice("rd_center", Text("研发中心", "R&D centre")),
    Choice(
        "industry_education", Text("产教融合平台", "industry–education platform"), ("产教融合",)
    ),
    Choice("visit", Text("走访高校", "visit to a university"), ("走访", "访问")),
    Choice("signed_project", Text("签约项目", "signed project"), ("新签约项目",)),
    Choice("alumni_project", Text("校友招商引才项目", "alumni investment project"), ("校友项目",)),
    Choice("product_sales", Text("农特产品展销", "farm produce sales"), ("展销",)),
    Choice("study_route", Text("研学路线", "study route"), ("研学",)),
    Choice("internship_base", Text("实习基地", "internship base")),
    Choice("practice_team", Text("实践团队", "student practice team"), ("社会实践",)),
    Choice("research", Text("合作课题", "joint research topic"), ("课题",)),
    Choice("lecture", Text("专家讲座", "lecture"), ("讲座",)),
    Choice("exchange", Text("交流互访", "exchange activity"), ("校际交流",)),
    Choice("caregiver_jobs", Text("护工就业", "caregivers employed"), ("北航护工",)),
    Choice("other", Text("其他", "other")),
)
LEVELS = (
    Choice("national", Text("国家级", "national")),
    Choice("provincial", Text("省级", "provincial")),
    Choice("city", Text("市级", "city")),
    Choice("county", Text("县级", "county")),
)


class CooperationItem(LedgerRecord):
    kind: ClassVar[str] = "cooperation"
    position: ClassVar[int] = 70  # where it comes in every list and output
    label: ClassVar[Text] = Text("校地合作台账", "School–county cooperation")
    rows: ClassVar[Text] = Text(
        "每项合作一行",
        "one row per cooperation item",
    )
    names_zh: ClassVar[tuple[str, ...]] = ("校地合作",)
    institution: Annotated[
        str,
        Column(
            label=Text("合作院校", "institution"),
            kind="text",
            aliases=("合作单位", "高校", "院校"),
            required=True,
        ),
    ]
    project: Annotated[
        str,
        Column(
            label=Text("项目名称", "project"), kind="text", aliases=("项目", "事项"), required=True
        ),
    ]
    type: Annotated[
        str,
        Column(
            label=Text("合作类型", "type"),
            kind="choice",
            aliases=("类型",),
            required=True,
            choices=TYPES,
        ),
    ]
    level: Annotated[
        str | None,
        Column(label=Text("级别", "level"), kind="choice", aliases=("层级",), choices=LEVELS),
    ] = None
    date: Annotated[
        dt.date,
        Column(
            label=Text("日期", "date"),
            kind="date",
            aliases=("签约日期", "开展日期"),
            required=True,
            counts_year=True,
        ),
    ]
    amount: Annotated[
        int | None, Column(label=Text("金额", "amount"), kind="money", aliases=("销售额", "经费"))
    ] = None
    count: Annotated[
        int | None,
        Column(
            label=Text("人数或数量", "people or items"),
            kind="integer",
            aliases=("人数", "数量", "人次", "种类数"),
            note=Text(
                "实习生、研学人次、产品种类、护工人数等", "interns, visitors, kinds, caregivers"
            ),
        ),
    ] = None
