"""技能: skill certificates and skills contests."""

from __future__ import annotations

from zytalent.diagnostics.i18n import Text
from zytalent.figures.base import Figure, per_choice
from zytalent.figures.where import BestPerPerson, Extreme, In
from zytalent.ledgers.skills import HIGH_SKILLED_LEVEL, LEVELS

# A person with several certificates counts once, at their highest level of the year
# (level 1 is the highest).
DERIVED = (BestPerPerson(name="best_level", field="level", person="id_number", best="min"),)
HIGH_SKILLED = tuple(
    level.code
    for level in LEVELS
    if isinstance(level.code, int) and level.code <= HIGH_SKILLED_LEVEL
)


def figures() -> list[Figure]:
    certified = Figure(
        id="skills.certified",
        section="skills",
        kind="skills",
        label=Text("新增技能人才", "newly certified workers"),
        unit="persons",
        measure="distinct",
        field="id_number",
    )
    skills = [
        certified,
        Figure(
            id="skills.high_skilled",
            section="skills",
            kind="skills",
            label=Text("其中高技能人才", "of whom high-skilled"),
            unit="persons",
            measure="distinct",
            field="id_number",
            where=In("best_level", HIGH_SKILLED),
        ),
        *per_choice(
            certified,
            prefix="skills.level",
            field="best_level",
            choices=sorted(LEVELS, key=lambda level: int(level.code)),
            label=Text("按等级：{}", "by level: {}"),
            parent="skills.certified",
            chart="skills_by_level",
        ),
    ]
    first, latest = Extreme("edition", "min"), Extreme("edition", "max")
    contests = [
        Figure(
            id="contests.editions",
            section="skills",
            kind="contests",
            label=Text("县级职业技能大赛（累计）", "county skills contests held"),
            unit="editions",
            measure="distinct",
            field="edition",
        ),
        Figure(
            id="contests.events.first",
            parent="contests.editions",
            section="skills",
            kind="contests",
            label=Text("首届比赛项目", "events, first edition"),
            unit="items",
            measure="rows",
            where=first,
        ),
        Figure(
            id="contests.events.latest",
            parent="contests.editions",
            section="skills",
            kind="contests",
            label=Text("最近一届比赛项目", "events, latest edition"),
            unit="items",
            measure="rows",
            where=latest,
        ),
        Figure(
            id="contests.participants.first",
            parent="contests.editions",
            section="skills",
            kind="contests",
            label=Text("首届参赛人数", "participants, first edition"),
            unit="persons",
            measure="sum",
            field="participants",
            where=first,
        ),
        Figure(
            id="contests.participants.latest",
            parent="contests.editions",
            section="skills",
            kind="contests",
            label=Text("最近一届参赛人数", "participants, latest edition"),
            unit="persons",
            measure="sum",
            field="participants",
            where=latest,
        ),
        Figure(
            id="contests.city_awards",
            section="skills",
            kind="contests",
            label=Text("市赛获“吕梁技术状元”“吕梁技术能手”", "city-level awards"),
            unit="persons",
            measure="sum",
            field="city_awards",
        ),
    ]
    return skills + contests
