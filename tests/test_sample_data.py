"""The bundled data/2023 reproduces the article (spec §6), and is rebuilt identically."""

from __future__ import annotations

import importlib
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
    # issue 5: the rest of the article
    "flexible.innovation_station.doctorates": 6,
    "flexible.medical_station.teams": 16,
    "flexible.medical_station.experts": 46,
    "flexible.medical_station.doctorates": 16,
    "diaspora.total": 33,
    "contests.editions": 4,
    "contests.events.first": 12,
    "contests.events.latest": 24,
    "contests.participants.first": 122,
    "contests.participants.latest": 371,
    "contests.city_awards": 60,
    "cooperation.tech_centers.provincial": 1,
    "cooperation.rd_centers.city": 1,
    "cooperation.industry_education": 4,
    "cooperation.visits": 4,
    "cooperation.project_universities": 9,
    "cooperation.projects": 16,
    "cooperation.alumni_projects": 2,
    "cooperation.product_universities": 2,
    "cooperation.study_routes": 3,
    "cooperation.internship_bases": 1,
    "cooperation.practice_teams": 11,
    "cooperation.research": 5,
    "cooperation.lectures": 11,
    "cooperation.exchanges": 6,
    "cooperation.caregivers": 44,
    "housing.flats": 38,
    "housing.batches": 2,
    "services.health_checks": 70,
    "services.publicity": 15,
    "care_centers.community": 14,
    "care_centers.relocation": 7,
    "care_centers.village": 68,
    "care_workers.posts": 150,
}

# Where the article is vague ("十余所", "60余种", "100余万元", "300余人次", "180余人次", "10余项",
# "40余名"), the sample data holds one definite value that fits; these pin them.
VAGUE = {
    "cooperation.partners": 11,
    "cooperation.product_kinds": 62,
    "cooperation.product_sales": "1036580.00",
    "cooperation.study_visitors": 312,
    "cooperation.interns": 186,
    "services.matters": 12,
    "training.trainees.cadres": 42,
}


@pytest.fixture(scope="module")
def summary() -> Summary:
    return summarize(2023, [DATA], keep_records=True)


def test_the_article_figures(summary: Summary) -> None:
    figures = summary.to_dict()["figures"]
    assert {k: figures[k] for k in ARTICLE} == ARTICLE


def test_vague_article_figures_hold_definite_values(summary: Summary) -> None:
    figures = summary.to_dict()["figures"]
    assert {k: figures[k] for k in VAGUE} == VAGUE
    assert figures["cooperation.partners"] > 10 and figures["cooperation.product_kinds"] > 60
    assert 1_000_000 < float(figures["cooperation.product_sales"]) < 1_100_000


def test_donations_of_january_2024_count_for_2024_not_2023(summary: Summary) -> None:
    assert not any(fid.startswith("donations.") for fid in summary.values)
    later = summarize(2024, [DATA.parent / "2024"], keep_records=True)
    frame = later.loaded.frames["donations"]
    haojialing = frame[frame["recipient"] == "宁乡镇郝家岭村"]
    assert haojialing["donor"].nunique() == 14 and 2_000_000 < haojialing["value"].sum() < 2_100_000
    wujiazhuang = frame[frame["recipient"] == "武家庄镇"]
    assert set(wujiazhuang["donor"]) == {"汾西中泰煤业有限公司", "吕梁鑫盛元能源科技有限公司"}
    assert wujiazhuang["value"].sum() == 2_000_000  # fen: 20,000 元
    assert later.to_dict()["figures"]["donations.donors"] == 16


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


@pytest.mark.slow
def test_the_generator_is_deterministic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    module = importlib.import_module("make_sample_data")
    module.build(tmp_path)
    for year in ("2022", "2023", "2024"):
        rebuilt = sorted(p.name for p in (tmp_path / year).iterdir())
        assert rebuilt == sorted(p.name for p in (DATA.parent / year).iterdir())
        for name in rebuilt:
            if name.endswith(".csv"):
                assert (tmp_path / year / name).read_bytes() == (
                    DATA.parent / year / name
                ).read_bytes(), name
    ours, theirs = load([DATA], year=2023), load([tmp_path / "2023"], year=2023)
    for kind, frame in ours.frames.items():
        fields = [c for c in frame.columns if c != "_file"]
        assert frame[fields].equals(theirs.frames[kind][fields]), kind


def test_the_generator_parts_are_seeded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The quick twin of the slow test above: two parts of the generator, run twice with
    the same seed, write the same cells (no clock, no unseeded randomness)."""
    import random

    monkeypatch.syspath_prepend(str(ROOT / "scripts"))
    module = importlib.import_module("make_sample_data")
    for run in ("a", "b"):
        rng = random.Random(7)
        people = module.People(rng)
        module.hires(tmp_path / run, rng, people, 2023)
        module.training(tmp_path / run, rng, 2023, scale=0.2)
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert names and names == sorted(p.name for p in (tmp_path / "b").iterdir())
    first, second = load([tmp_path / "a"]), load([tmp_path / "b"])
    for kind, frame in first.frames.items():
        fields = [c for c in frame.columns if c != "_file"]
        assert frame[fields].equals(second.frames[kind][fields]), kind
