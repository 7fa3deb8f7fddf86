from __future__ import annotations

import datetime as dt
from typing import Annotated, ClassVar

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Choice, Column, LedgerRecord
from zytalent.ledgers.people import id_column, phone_column

LEVELS = (
    Choice(5, Text("五级/初级工", "level 5 (basic)"), ("五级", "初级工", "初级")),
    Choice(4, Text("四级/中级工", "level 4 (intermediate)"), ("四级", "中级工", "中级")),
    Choice(3, Text("三级/高级工", "level 3 (advanced)"), ("三级", "高级工")),
    Choice(2, Text("二级/技师", "level 2 (technician)"), ("二级", "技师")),
    Choice(1, Text("一级/高级技师", "level 1 (senior technician)"), ("一级", "高级技师")),
)
HIGH_SKILLED_LEVEL = 3  # 三级/高级工 and above (lower numbers are higher levels)


class SkillCertificate(LedgerRecord):
    kind: ClassVar[str] = "skills"
    position: ClassVar[int] = 50  # where it comes in every list and output
    label: ClassVar[Text] = Text("技能人才台账", "Skill certificates")
    rows: ClassVar[Text] = Text(
        "每证一行",
        "one row per certificate",
    )
    names_zh: ClassVar[tuple[str, ...]] = ("技能人才", "技能证书", "技能")
    name: Annotated[
        str, Column(label=Text("姓名", "name"), person_name=True, kind="text", required=True)
    ]
    id_number: Annotated[
        str,
        id_column(),
    ]
    occupation: Annotated[
        str,
        Column(
            label=Text("职业（工种）", "occupation"),
            kind="text",
            aliases=("职业", "工种"),
            required=True,
        ),
    ]
    level: Annotated[
        int,
        Column(
            label=Text("技能等级", "level"),
            kind="choice",
            aliases=("等级", "证书等级"),
            required=True,
            choices=LEVELS,
            note=Text("一人多证按最高等级计一人", "a person counts once, at their highest level"),
        ),
    ]
    certificate_no: Annotated[
        str,
        Column(
            label=Text("证书编号", "certificate number"), kind="text", required=True, unique=True
        ),
    ]
    issue_date: Annotated[
        dt.date,
        Column(
            label=Text("发证日期", "issue date"),
            kind="date",
            aliases=("取证日期",),
            required=True,
            counts_year=True,
        ),
    ]
    phone: Annotated[str | None, phone_column()] = None
