"""养老: meals, day-care centres, care posts and donations."""

from __future__ import annotations

from dataclasses import replace

from zytalent.diagnostics.i18n import Text
from zytalent.figures.base import Figure, per_choice
from zytalent.figures.where import In
from zytalent.ledgers.care_centers import CENTER_TYPES
from zytalent.ledgers.care_workers import HOUSEHOLDS
from zytalent.ledgers.meals import FUNDING_SOURCES, MealService


def figures() -> list[Figure]:
    columns = MealService.columns()
    meals = [
        Figure(
            id="meals.elders",
            section="elderly",
            kind="meals",
            label=Text("助餐服务老人", "elders served meals"),
            unit="persons",
            measure="distinct",
            field="id_number",
        ),
        Figure(
            id="meals.meals",
            section="elderly",
            kind="meals",
            label=Text("助餐人次", "meals served"),
            unit="person_times",
            measure="sum",
            field="meals",
        ),
        Figure(
            id="meals.centers",
            section="elderly",
            kind="meals",
            label=Text("助餐服务点", "meal service points"),
            unit="places",
            measure="distinct",
            field="center",
        ),
        *(
            Figure(
                id=f"meals.funding.{source}",
                section="elderly",
                kind="meals",
                label=Text("资金来源：{column}", "funding: {column}").format(
                    column=columns[source].label
                ),
                unit="yuan",
                measure="sum",
                field=source,
                parent="meals.meals",
                chart="meals_funding",
                bar=columns[source].label,
            )
            for source in FUNDING_SOURCES
        ),
    ]
    centers = Figure(
        id="care_centers.total",
        section="elderly",
        kind="care_centers",
        label=Text("日间照料中心（幸福小院）", "day-care centres"),
        unit="places",
        measure="rows",
    )
    workers = Figure(
        id="care_workers.all",
        section="elderly",
        kind="care_workers",
        label=Text("养老护理员公益岗", "care posts"),
        unit="persons",
        measure="rows",
    )
    care = [
        centers,
        *per_choice(
            centers,
            prefix="care_centers",
            field="type",
            choices=CENTER_TYPES,
            label=Text("建在{}", "in a {}"),
        ),
        Figure(
            id="care_workers.posts",
            section="elderly",
            kind="care_workers",
            label=Text(
                "脱贫户、监测户养老护理员公益岗",
                "care posts for lifted-out-of-poverty and monitored households",
            ),
            unit="persons",
            measure="rows",
            where=In("household", ("poverty_lifted", "monitored")),
        ),
        *_posts_by_household(workers),
    ]
    donations = [
        Figure(
            id="donations.donors",
            section="elderly",
            kind="donations",
            label=Text("爱心捐赠单位", "donors"),
            unit="places",
            measure="distinct",
            field="donor",
        ),
        Figure(
            id="donations.value",
            section="elderly",
            kind="donations",
            label=Text("捐赠物资价值", "value of donations"),
            unit="yuan",
            measure="sum",
            field="value",
        ),
        Figure(
            id="donations.recipients",
            section="elderly",
            kind="donations",
            label=Text("受赠村（镇）", "recipients"),
            unit="places",
            measure="distinct",
            field="recipient",
        ),
    ]
    return meals + care + donations


def _posts_by_household(workers: Figure) -> list[Figure]:
    """The posts by household type. Only 脱贫户 and 监测户 are parts of the posts figure
    (its `where`); posts of other households are not, so they are their own line rather
    than a part that makes the breakdown add up to more than its total (104 + 46 + 3
    under 150)."""
    figures = per_choice(
        workers,
        prefix="care_workers.household",
        field="household",
        choices=HOUSEHOLDS,
        label=Text("按户类型：{}", "by household: {}"),
        parent="care_workers.posts",
    )
    return [
        replace(
            figure,
            parent=None,
            label=Text("其他户养老护理员公益岗", "care posts of other households"),
        )
        if figure.id.endswith(".other")
        else figure
        for figure in figures
    ]
