"""校地合作: school–county cooperation, a figure per line of the article."""

from __future__ import annotations

from zytalent.figures.base import Figure, MeasureKind, Unit, both, equals, within

Measure = tuple[str, str, str, Unit, MeasureKind, str | None]  # id, zh, en, unit, measure, field


def figures() -> list[Figure]:
    def of(type_code: str, *specs: Measure, level: str | None = None) -> list[Figure]:
        where = equals("type", type_code)
        if level:
            where = both(where, equals("level", level))
        return [
            Figure(
                f"cooperation.{fid}",
                "cooperation",
                "cooperation",
                zh,
                en,
                unit,
                measure,
                field,
                where=where,
            )
            for fid, zh, en, unit, measure, field in specs
        ]

    projects = within("type", ("signed_project", "alumni_project"))
    return [
        *of(
            "partnership",
            (
                "partners",
                "建立稳定合作关系的高校、科研院所",
                "universities and institutes in standing partnership",
                "places",
                "distinct",
                "institution",
            ),
        ),
        *of(
            "tech_center",
            (
                "tech_centers.provincial",
                "共建省级技术中心",
                "provincial technology centres",
                "places",
                "rows",
                None,
            ),
            level="provincial",
        ),
        *of(
            "rd_center",
            ("rd_centers.city", "共建市级研发中心", "city R&D centres", "places", "rows", None),
            level="city",
        ),
        *of(
            "industry_education",
            (
                "industry_education",
                "产教融合平台",
                "industry–education platforms",
                "places",
                "rows",
                None,
            ),
        ),
        *of(
            "visit",
            (
                "visits",
                "县委书记走访高校",
                "universities visited",
                "places",
                "distinct",
                "institution",
            ),
        ),
        Figure(
            "cooperation.projects",
            "cooperation",
            "cooperation",
            "新签约项目",
            "new projects signed",
            "items",
            "rows",
            where=projects,
        ),
        Figure(
            "cooperation.project_universities",
            "cooperation",
            "cooperation",
            "签约高校",
            "universities signing projects",
            "places",
            "distinct",
            "institution",
            where=projects,
        ),
        *of(
            "alumni_project",
            (
                "alumni_projects",
                "其中校友招商引才项目",
                "of which alumni investment projects",
                "items",
                "rows",
                None,
            ),
        ),
        *of(
            "product_sales",
            (
                "product_kinds",
                "展销农特产品种类",
                "kinds of farm produce shown",
                "kinds",
                "sum",
                "count",
            ),
            ("product_sales", "农副产品销售额", "farm produce sold", "yuan", "sum", "amount"),
            (
                "product_universities",
                "展销高校",
                "universities hosting sales",
                "places",
                "distinct",
                "institution",
            ),
        ),
        *of(
            "study_route",
            ("study_routes", "研学路线", "study routes", "routes", "rows", None),
            (
                "study_visitors",
                "接待高校师生",
                "visiting students and teachers",
                "person_times",
                "sum",
                "count",
            ),
        ),
        *of(
            "internship_base",
            (
                "internship_bases",
                "标准化实习基地",
                "standard internship bases",
                "places",
                "rows",
                None,
            ),
        ),
        *of(
            "practice_team",
            ("practice_teams", "接收实践团队", "student practice teams", "places", "rows", None),
            ("interns", "实习大学生", "interns", "person_times", "sum", "count"),
        ),
        *of(
            "research", ("research", "合作研究课题", "joint research topics", "items", "rows", None)
        ),
        *of(
            "lecture",
            ("lectures", "高校教授讲座", "lectures by professors", "lectures", "rows", None),
        ),
        *of(
            "exchange",
            ("exchanges", "校际交流互访活动", "exchange activities", "times", "rows", None),
        ),
        *of(
            "caregiver_jobs",
            (
                "caregivers",
                "北航护工新增就业",
                "Beihang-trained caregivers employed",
                "persons",
                "sum",
                "count",
            ),
        ),
    ]
