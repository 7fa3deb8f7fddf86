"""养老: meals, day-care centres, care posts and donations."""

from __future__ import annotations

from zytalent.figures.base import Figure, per_choice, within
from zytalent.ledgers.elderly import CENTER_TYPES, HOUSEHOLDS
from zytalent.ledgers.meals import FUNDING_SOURCES, MealService


def figures() -> list[Figure]:
    columns = MealService.columns()
    meals = [
        Figure(
            "meals.elders",
            "elderly",
            "meals",
            "助餐服务老人",
            "elders served meals",
            "persons",
            "distinct",
            "id_number",
        ),
        Figure(
            "meals.meals",
            "elderly",
            "meals",
            "助餐人次",
            "meals served",
            "person_times",
            "sum",
            "meals",
        ),
        Figure(
            "meals.centers",
            "elderly",
            "meals",
            "助餐服务点",
            "meal service points",
            "places",
            "distinct",
            "center",
        ),
        *(
            Figure(
                f"meals.funding.{source}",
                "elderly",
                "meals",
                f"资金来源：{columns[source].header}",
                f"funding: {columns[source].en}",
                "yuan",
                "sum",
                source,
            )
            for source in FUNDING_SOURCES
        ),
    ]
    centers = Figure("care_centers", "elderly", "care_centers", "", "", "places", "rows")
    workers = Figure("care_workers.household", "elderly", "care_workers", "", "", "persons", "rows")
    care = [
        Figure(
            "care_centers.total",
            "elderly",
            "care_centers",
            "日间照料中心（幸福小院）",
            "day-care centres",
            "places",
            "rows",
        ),
        *per_choice(centers, "type", CENTER_TYPES, "建在{}", "in a {}"),
        Figure(
            "care_workers.posts",
            "elderly",
            "care_workers",
            "脱贫户、监测户养老护理员公益岗",
            "care posts for lifted-out-of-poverty and monitored households",
            "persons",
            "rows",
            where=within("household", ("poverty_lifted", "monitored")),
        ),
        *per_choice(workers, "household", HOUSEHOLDS, "按户类型：{}", "by household: {}"),
    ]
    donations = [
        Figure(
            "donations.donors",
            "elderly",
            "donations",
            "爱心捐赠单位",
            "donors",
            "places",
            "distinct",
            "donor",
        ),
        Figure(
            "donations.value",
            "elderly",
            "donations",
            "捐赠物资价值",
            "value of donations",
            "yuan",
            "sum",
            "value",
        ),
        Figure(
            "donations.recipients",
            "elderly",
            "donations",
            "受赠村（镇）",
            "recipients",
            "places",
            "distinct",
            "recipient",
        ),
    ]
    return meals + care + donations
