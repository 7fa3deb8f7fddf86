"""A clerk types what they would naturally type: Chinese names, 2023年, a figure's label."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.figures.registry import FIGURES, listing
from zytalent.ledgers import LEDGERS, ledger

runner = CliRunner()
DATA = Path(__file__).resolve().parent.parent / "data" / "2023"


@pytest.mark.parametrize("year", ["2023", "2023年", "２０２３", "2023年度", " 2023 "])
def test_a_year_as_it_is_typed(year: str) -> None:
    result = runner.invoke(app, ["summarize", year, str(DATA), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["year"] == 2023


@pytest.mark.parametrize("year", ["20x3", "23", "3023", "二〇二三"])
def test_a_wrong_year_is_a_usage_error_in_chinese(year: str) -> None:
    result = runner.invoke(app, ["summarize", year, str(DATA)])
    assert result.exit_code == 2
    assert "不是年份" in result.output


def test_every_kind_by_every_name() -> None:
    for code, model in LEDGERS.items():
        for name in (code, model.label.zh, model.label.zh.removesuffix("台账"), *model.names_zh):
            assert ledger(name).kind == code, name
        assert model.names_zh, code
    assert ledger("人才引进").kind == "hires" and ledger("助餐").kind == "meals"


def test_an_unknown_kind_suggests_the_close_ones() -> None:
    result = runner.invoke(app, ["ledgers", "meal"])
    assert result.exit_code == 2
    assert "你是不是要找：meals（养老助餐台账）" in result.output
    result = runner.invoke(app, ["template", "引进人材"])  # a typo of 引进人才
    assert result.exit_code == 2 and "hires（引进人才台账）" in result.output


@pytest.mark.parametrize(
    ("name", "figure"),
    [
        ("教育系统", "hires.sector.education"),
        ("助餐人次", "meals.meals"),
        ("meals.elders", "meals.elders"),
    ],
)
def test_a_figure_by_its_label_or_a_fragment(name: str, figure: str) -> None:
    result = runner.invoke(app, ["explain", name, "2023", str(DATA), "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["figure"] == figure


def test_an_ambiguous_or_unknown_figure_lists_ids() -> None:
    result = runner.invoke(app, ["explain", "助餐", "2023", str(DATA)])
    assert result.exit_code == 2
    assert "meals.elders（助餐服务老人）" in result.output and "meals.meals" in result.output
    result = runner.invoke(app, ["explain", "hires.totl", "2023", str(DATA)])
    assert result.exit_code == 2 and "hires.total（引进人才）" in result.output


def test_figures_lists_every_id_and_filters_by_kind_or_section() -> None:
    result = runner.invoke(app, ["figures", "-f", "json"])
    assert result.exit_code == 0
    assert [r["id"] for r in json.loads(result.stdout)] == list(FIGURES)
    assert json.loads(result.stdout) == listing()
    meals = [r["id"] for r in listing("助餐")]
    assert meals and all(FIGURES[i].kind == "meals" for i in meals)
    elderly = [r["id"] for r in listing("养老")]
    assert set(meals) < set(elderly)
    assert runner.invoke(app, ["figures", "xyz"]).exit_code == 2


def test_summarize_ids_shows_the_ids() -> None:
    result = runner.invoke(app, ["summarize", "2023", str(DATA), "--ids"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "hires.sector.education" in result.output
    assert (
        "hires.sector.education" not in runner.invoke(app, ["summarize", "2023", str(DATA)]).output
    )
