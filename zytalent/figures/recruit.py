"""引才: hires, flexible talent and the diaspora pool."""

from __future__ import annotations

from zytalent.diagnostics.i18n import Text
from zytalent.figures.base import Figure, per_choice
from zytalent.figures.where import Equals, In, both
from zytalent.ledgers.hires import SECTORS

DOCTORATE = Equals("education", "doctorate")


def figures() -> list[Figure]:
    total = Figure(
        id="hires.total",
        section="recruit",
        kind="hires",
        label=Text("引进人才", "talent hired"),
        unit="persons",
        measure="rows",
    )
    hires = [
        total,
        Figure(
            id="hires.postgraduate",
            section="recruit",
            kind="hires",
            label=Text("其中研究生", "of whom postgraduates"),
            unit="persons",
            measure="rows",
            where=In("education", ("doctorate", "master")),
        ),
        Figure(
            id="hires.doctorate",
            section="recruit",
            kind="hires",
            label=Text("其中博士", "of whom doctorates"),
            unit="persons",
            measure="rows",
            where=DOCTORATE,
        ),
        *per_choice(
            total,
            prefix="hires.sector",
            field="sector",
            choices=SECTORS,
            label=Text("按领域：{}", "by sector: {}"),
            parent="hires.total",
            chart="hires_by_sector",
        ),
    ]
    station, medical = (
        Equals("platform", "innovation_station"),
        Equals("platform", "medical_station"),
    )
    flexible = [
        Figure(
            id="flexible.total",
            section="recruit",
            kind="flexible",
            label=Text("柔性引进人才", "flexible talent"),
            unit="persons",
            measure="rows",
        ),
        Figure(
            id="flexible.doctorate",
            section="recruit",
            kind="flexible",
            label=Text("其中博士", "of whom doctorates"),
            unit="persons",
            measure="rows",
            where=DOCTORATE,
        ),
        Figure(
            id="flexible.innovation_station.doctorates",
            parent="flexible.total",
            section="recruit",
            kind="flexible",
            label=Text("省博士创新站入站博士", "doctorates at the provincial innovation station"),
            unit="persons",
            measure="rows",
            where=both(station, DOCTORATE),
        ),
        Figure(
            id="flexible.medical_station.teams",
            parent="flexible.total",
            section="recruit",
            kind="flexible",
            label=Text("医疗卫生博士服务站团队", "teams at the medical doctoral station"),
            unit="places",
            measure="distinct",
            field="team",
            where=medical,
        ),
        Figure(
            id="flexible.medical_station.experts",
            parent="flexible.total",
            section="recruit",
            kind="flexible",
            label=Text("医疗卫生博士服务站专家", "experts at the medical doctoral station"),
            unit="persons",
            measure="rows",
            where=medical,
        ),
        Figure(
            id="flexible.medical_station.doctorates",
            parent="flexible.total",
            section="recruit",
            kind="flexible",
            label=Text("其中博士研究生", "of whom doctorates"),
            unit="persons",
            measure="rows",
            where=both(medical, DOCTORATE),
        ),
    ]
    diaspora = [
        Figure(
            id="diaspora.total",
            section="recruit",
            kind="diaspora",
            label=Text("入库在外优秀人才", "diaspora talent in the pool"),
            unit="persons",
            measure="rows",
        ),
    ]
    return hires + flexible + diaspora
