"""校地合作: school–county cooperation, a figure per line of the article."""

from __future__ import annotations

from typing import Any

from zytalent.diagnostics.i18n import Text
from zytalent.figures.base import Figure
from zytalent.figures.where import Equals, In, Where, both

COOPERATION: dict[str, Any] = {"section": "cooperation", "kind": "cooperation"}


def of(type_code: str, *, level: str | None = None, **declared: Any) -> Figure:
    """A figure over the cooperation records of one type (and level)."""
    where: Where = Equals("type", type_code)
    if level:
        where = both(where, Equals("level", level))
    return Figure(where=where, **COOPERATION, **declared)


def figures() -> list[Figure]:
    projects = In("type", ("signed_project", "alumni_project"))
    # fmt: off
    return [
        of("partnership", id="cooperation.partners", label=Text("建立稳定合作关系的高校、科研院所", "universities and institutes in standing partnership"), unit="places", measure="distinct", field="institution"),
        of("tech_center", id="cooperation.tech_centers.provincial", label=Text("共建省级技术中心", "provincial technology centres"), unit="places", measure="rows", level="provincial", parent="cooperation.partners"),
        of("rd_center", id="cooperation.rd_centers.city", label=Text("共建市级研发中心", "city R&D centres"), unit="places", measure="rows", level="city", parent="cooperation.partners"),
        of("industry_education", id="cooperation.industry_education", label=Text("产教融合平台", "industry–education platforms"), unit="places", measure="rows"),
        of("visit", id="cooperation.visits", label=Text("县委书记走访高校", "universities visited"), unit="places", measure="distinct", field="institution"),
        Figure(id="cooperation.projects", label=Text("新签约项目", "new projects signed"), unit="items", measure="rows", where=projects, **COOPERATION),
        Figure(id="cooperation.project_universities", label=Text("签约高校", "universities signing projects"), unit="places", measure="distinct", field="institution", where=projects, **COOPERATION),
        of("alumni_project", id="cooperation.alumni_projects", label=Text("其中校友招商引才项目", "of which alumni investment projects"), unit="items", measure="rows"),
        of("product_sales", id="cooperation.product_kinds", label=Text("展销农特产品种类", "kinds of farm produce shown"), unit="kinds", measure="sum", field="count"),
        of("product_sales", id="cooperation.product_sales", label=Text("农副产品销售额", "farm produce sold"), unit="yuan", measure="sum", field="amount"),
        of("product_sales", id="cooperation.product_universities", label=Text("展销高校", "universities hosting sales"), unit="places", measure="distinct", field="institution"),
        of("study_route", id="cooperation.study_routes", label=Text("研学路线", "study routes"), unit="routes", measure="rows"),
        of("study_route", id="cooperation.study_visitors", label=Text("接待高校师生", "visiting students and teachers"), unit="person_times", measure="sum", field="count"),
        of("internship_base", id="cooperation.internship_bases", label=Text("标准化实习基地", "standard internship bases"), unit="places", measure="rows"),
        of("practice_team", id="cooperation.practice_teams", label=Text("接收实践团队", "student practice teams"), unit="places", measure="rows"),
        of("practice_team", id="cooperation.interns", label=Text("实习大学生", "interns"), unit="person_times", measure="sum", field="count"),
        of("research", id="cooperation.research", label=Text("合作研究课题", "joint research topics"), unit="items", measure="rows"),
        of("lecture", id="cooperation.lectures", label=Text("高校教授讲座", "lectures by professors"), unit="lectures", measure="rows"),
        of("exchange", id="cooperation.exchanges", label=Text("校际交流互访活动", "exchange activities"), unit="times", measure="rows"),
        of("caregiver_jobs", id="cooperation.caregivers", label=Text("北航护工新增就业", "Beihang-trained caregivers employed"), unit="persons", measure="sum", field="count"),
    ]
    # fmt: on
