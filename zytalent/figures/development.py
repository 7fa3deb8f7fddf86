"""育才 and 技能: training classes, skill certificates and skills contests."""

from __future__ import annotations

from zytalent.figures.base import Figure, extreme, per_choice, within
from zytalent.ledgers.skills import HIGH_SKILLED_LEVEL, LEVELS
from zytalent.ledgers.training import CATEGORIES


def figures() -> list[Figure]:
    trainees = Figure(
        "training.trainees",
        "develop",
        "training",
        "培训人次",
        "trainees",
        "person_times",
        "sum",
        "trainees",
    )
    classes = Figure(
        "training.classes", "develop", "training", "培训期数", "training classes", "classes", "rows"
    )
    training = [
        classes,
        trainees,
        *per_choice(trainees, "category", CATEGORIES, "按类别：{}", "by category: {}"),
        Figure(
            "training.trainees.skills_all",
            "develop",
            "training",
            "职业技能、劳务品牌和创业就业培训合计",
            "vocational, labour-brand and entrepreneurship",
            "person_times",
            "sum",
            "trainees",
            where=within("category", ("vocational", "labor_brand", "entrepreneurship")),
        ),
        *per_choice(classes, "category", CATEGORIES, "期数：{}", "classes: {}"),
    ]
    certified = Figure(
        "skills.certified",
        "skills",
        "skills",
        "新增技能人才",
        "newly certified workers",
        "persons",
        "distinct",
        "id_number",
    )
    skills = [
        certified,
        Figure(
            "skills.high_skilled",
            "skills",
            "skills",
            "其中高技能人才",
            "of whom high-skilled",
            "persons",
            "distinct",
            "id_number",
            where=lambda frame: frame["best_level"] <= HIGH_SKILLED_LEVEL,
        ),
        *per_choice(
            Figure("skills.level", "skills", "skills", "", "", "persons", "distinct", "id_number"),
            "best_level",
            sorted(LEVELS, key=lambda level: int(level.code)),
            "按等级：{}",
            "by level: {}",
        ),
    ]
    first, latest = extreme("edition", "min"), extreme("edition", "max")
    contests = [
        Figure(
            "contests.editions",
            "skills",
            "contests",
            "县级职业技能大赛（累计）",
            "county skills contests held",
            "editions",
            "distinct",
            "edition",
        ),
        Figure(
            "contests.events.first",
            "skills",
            "contests",
            "首届比赛项目",
            "events, first edition",
            "items",
            "rows",
            where=first,
        ),
        Figure(
            "contests.events.latest",
            "skills",
            "contests",
            "最近一届比赛项目",
            "events, latest edition",
            "items",
            "rows",
            where=latest,
        ),
        Figure(
            "contests.participants.first",
            "skills",
            "contests",
            "首届参赛人数",
            "participants, first edition",
            "persons",
            "sum",
            "participants",
            where=first,
        ),
        Figure(
            "contests.participants.latest",
            "skills",
            "contests",
            "最近一届参赛人数",
            "participants, latest edition",
            "persons",
            "sum",
            "participants",
            where=latest,
        ),
        Figure(
            "contests.city_awards",
            "skills",
            "contests",
            "市赛获“吕梁技术状元”“吕梁技术能手”",
            "city-level awards",
            "persons",
            "sum",
            "city_awards",
        ),
    ]
    return training + skills + contests
