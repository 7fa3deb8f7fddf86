"""引才: hires, flexible talent and the diaspora pool."""

from __future__ import annotations

from zytalent.figures.base import Figure, both, equals, per_choice, within
from zytalent.ledgers.hires import SECTORS

DOCTORATE = equals("education", "doctorate")


def figures() -> list[Figure]:
    total = Figure("hires.total", "recruit", "hires", "引进人才", "talent hired", "persons", "rows")
    hires = [
        total,
        Figure(
            "hires.postgraduate",
            "recruit",
            "hires",
            "其中研究生",
            "of whom postgraduates",
            "persons",
            "rows",
            where=within("education", ("doctorate", "master")),
        ),
        Figure(
            "hires.doctorate",
            "recruit",
            "hires",
            "其中博士",
            "of whom doctorates",
            "persons",
            "rows",
            where=DOCTORATE,
        ),
        *per_choice(
            Figure("hires.sector", "recruit", "hires", "", "", "persons", "rows"),
            "sector",
            SECTORS,
            "按领域：{}",
            "by sector: {}",
        ),
    ]
    station, medical = (
        equals("platform", "innovation_station"),
        equals("platform", "medical_station"),
    )
    flexible = [
        Figure(
            "flexible.total",
            "recruit",
            "flexible",
            "柔性引进人才",
            "flexible talent",
            "persons",
            "rows",
        ),
        Figure(
            "flexible.doctorate",
            "recruit",
            "flexible",
            "其中博士",
            "of whom doctorates",
            "persons",
            "rows",
            where=DOCTORATE,
        ),
        Figure(
            "flexible.innovation_station.doctorates",
            "recruit",
            "flexible",
            "省博士创新站入站博士",
            "doctorates at the provincial innovation station",
            "persons",
            "rows",
            where=both(station, DOCTORATE),
        ),
        Figure(
            "flexible.medical_station.teams",
            "recruit",
            "flexible",
            "医疗卫生博士服务站团队",
            "teams at the medical doctoral station",
            "places",
            "distinct",
            "team",
            where=medical,
        ),
        Figure(
            "flexible.medical_station.experts",
            "recruit",
            "flexible",
            "医疗卫生博士服务站专家",
            "experts at the medical doctoral station",
            "persons",
            "rows",
            where=medical,
        ),
        Figure(
            "flexible.medical_station.doctorates",
            "recruit",
            "flexible",
            "其中博士研究生",
            "of whom doctorates",
            "persons",
            "rows",
            where=both(medical, DOCTORATE),
        ),
    ]
    diaspora = [
        Figure(
            "diaspora.total",
            "recruit",
            "diaspora",
            "入库在外优秀人才",
            "diaspora talent in the pool",
            "persons",
            "rows",
        ),
    ]
    return hires + flexible + diaspora
