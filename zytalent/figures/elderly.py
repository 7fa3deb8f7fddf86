"""养老: meals, day-care centres, care posts and donations."""

from __future__ import annotations

from zytalent.figures.base import Figure, equals, within
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
    ]
    meals += [
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
    ]
    centers = [
        Figure(
            "care_centers.total",
            "elderly",
            "care_centers",
            "日间照料中心（幸福小院）",
            "day-care centres",
            "places",
            "rows",
        )
    ]
    centers += [
        Figure(
            f"care_centers.{c.code}",
            "elderly",
            "care_centers",
            f"建在{c.zh}",
            f"in a {c.en}",
            "places",
            "rows",
            where=equals("type", c.code),
        )
        for c in CENTER_TYPES
    ]
    workers = [
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
    ]
    workers += [
        Figure(
            f"care_workers.household.{c.code}",
            "elderly",
            "care_workers",
            f"按户类型：{c.zh}",
            f"by household: {c.en}",
            "persons",
            "rows",
            where=equals("household", c.code),
        )
        for c in HOUSEHOLDS
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
    return meals + centers + workers + donations
