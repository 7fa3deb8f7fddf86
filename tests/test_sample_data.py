"""The bundled data/2023 reproduces the article (spec §6), and is rebuilt identically."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from zytalent.load import load
from zytalent.summary import Summary, summarize

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data" / "2023"

ARTICLE = {
    "hires.total": 48,
    "hires.postgraduate": 25,
    "hires.sector.county_township": 20,
    "hires.sector.village": 4,
    "hires.sector.education": 18,
    "hires.sector.health": 6,
    "training.trainees.medical": 151,
    "training.trainees.rural": 600,
    "training.trainees.teachers": 60,
    "training.trainees.selectees": 33,
    "training.trainees.high_level": 50,
    "skills.certified": 1392,
    "skills.high_skilled": 87,
    "funds.allocated.talent_recruitment": "2220000.00",
    "funds.allocated.fiscal_special": "6010900.00",
    "funds.disbursed.talent_rewards": "1948000.00",
    "funds.requested.cooperation": "2800000.00",
}


@pytest.fixture(scope="module")
def summary() -> Summary:
    return summarize(2023, [DATA])


def test_the_article_figures(summary: Summary) -> None:
    figures = summary.to_dict()["figures"]
    assert {k: figures[k] for k in ARTICLE} == ARTICLE


def test_the_article_figures_that_are_ranges_or_sums(summary: Summary) -> None:
    f = summary.values
    assert f["hires.doctorate"] >= 1
    assert f["training.trainees.cadres"] >= 40
    assert (
        f["training.trainees.vocational"]
        + f["training.trainees.labor_brand"]
        + f["training.trainees.entrepreneurship"]
        == 2211
    )
    assert f["meals.elders"] > 3000
    assert f["meals.centers"] == 14 + 7 + 68


def test_classes_per_category(summary: Summary) -> None:
    frame = summary.loaded.frames["training"]
    counts = frame[frame["_in_year"]].groupby("category").size().to_dict()
    assert counts["rural"] == 5 and counts["teachers"] == 2
    assert counts["cadres"] == 1 and counts["selectees"] == 1 and counts["high_level"] == 1
    selectees = frame[frame["category"] == "selectees"].iloc[0]
    assert (selectees["end_date"] - selectees["start_date"]).days + 1 == 13


def test_sample_data_is_clean_but_for_january_2024_meals(summary: Summary) -> None:
    assert summary.loaded.findings.errors == 0
    warnings = [f for f in summary.loaded.findings.items if f.severity == "warning"]
    assert warnings and {f.code for f in warnings} == {"outside_year"}
    assert all(f.value is not None and f.value.startswith("2024-01") for f in warnings)


def test_the_generator_is_deterministic(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "make_sample_data", ROOT / "scripts" / "make_sample_data.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["make_sample_data"] = module
    spec.loader.exec_module(module)
    module.build(tmp_path)
    rebuilt = sorted(p.name for p in (tmp_path / "2023").iterdir())
    assert rebuilt == sorted(p.name for p in DATA.iterdir())
    for name in rebuilt:
        if name.endswith(".csv"):
            assert (tmp_path / "2023" / name).read_bytes() == (DATA / name).read_bytes(), name
    ours, theirs = load([DATA], year=2023), load([tmp_path / "2023"], year=2023)
    for kind, frame in ours.frames.items():
        fields = [c for c in frame.columns if c != "_file"]
        assert frame[fields].equals(theirs.frames[kind][fields]), kind
