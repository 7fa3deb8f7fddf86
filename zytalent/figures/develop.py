"""育才: training classes."""

from __future__ import annotations

from zytalent.diagnostics.i18n import Text
from zytalent.figures.base import Figure, per_choice
from zytalent.figures.where import In
from zytalent.ledgers.training import CATEGORIES


def figures() -> list[Figure]:
    trainees = Figure(
        id="training.trainees",
        section="develop",
        kind="training",
        label=Text("培训人次", "trainees"),
        unit="person_times",
        measure="sum",
        field="trainees",
    )
    classes = Figure(
        id="training.classes",
        section="develop",
        kind="training",
        label=Text("培训期数", "training classes"),
        unit="classes",
        measure="rows",
    )
    training = [
        classes,
        trainees,
        *per_choice(
            trainees,
            prefix="training.trainees",
            field="category",
            choices=CATEGORIES,
            label=Text("按类别：{}", "by category: {}"),
            parent="training.trainees",
            chart="trainees_by_category",
        ),
        Figure(
            id="training.trainees.skills_all",
            parent="training.trainees",
            section="develop",
            kind="training",
            label=Text(
                "职业技能、劳务品牌和创业就业培训合计",
                "vocational, labour-brand and entrepreneurship",
            ),
            unit="person_times",
            measure="sum",
            field="trainees",
            where=In("category", ("vocational", "labor_brand", "entrepreneurship")),
        ),
        *per_choice(
            classes,
            prefix="training.classes",
            field="category",
            choices=CATEGORIES,
            label=Text("期数：{}", "classes: {}"),
            parent="training.classes",
        ),
    ]
    return training
