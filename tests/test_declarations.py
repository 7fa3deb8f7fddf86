"""The declarations hold together: every figure's parent, chart and section exist, every
placeholder of the report names a figure, and every figure is shown somewhere."""

from __future__ import annotations

import io
from pathlib import Path

from rich.console import Console

from zytalent.figures.registry import FIGURES, SECTIONS
from zytalent.report import PLACEHOLDER
from zytalent.report import SENTENCES as REPORT
from zytalent.writers.charts import CHARTS


def test_parents_charts_and_sections_are_declared_and_exist() -> None:
    for figure in FIGURES.values():
        assert figure.section in SECTIONS, figure.id
        if figure.parent is not None:
            parent = FIGURES[figure.parent]  # a KeyError names a parent that does not exist
            assert parent.section == figure.section and parent.kind == figure.kind, figure.id
            assert list(FIGURES).index(parent.id) < list(FIGURES).index(figure.id), figure.id
        if figure.chart is not None:
            assert figure.chart in CHARTS, figure.id
    charted = {f.chart for f in FIGURES.values()}
    assert set(CHARTS) <= charted  # no chart without bars


def test_every_report_placeholder_names_a_figure_in_both_languages() -> None:
    assert list(REPORT) == list(SECTIONS)
    for section, declared in REPORT.items():
        for sentence in declared.sentences:
            for clause in sentence.clauses:
                names = PLACEHOLDER.findall(clause.text.zh)
                assert sorted(names) == sorted(PLACEHOLDER.findall(clause.text.en)), clause.text.zh
                for name in names:
                    assert name in FIGURES, name
                    assert FIGURES[name].section == section, name


def test_every_computed_figure_is_in_the_summarize_table() -> None:
    from zytalent.render.summary import render_summary
    from zytalent.summary import summarize

    summary = summarize(2023, [Path(__file__).resolve().parent.parent / "data" / "2023"])
    out = io.StringIO()
    render_summary(summary, Console(file=out, width=200), Console(file=io.StringIO(), width=200))
    text = out.getvalue()
    for figure_id in summary.values:
        assert str(FIGURES[figure_id].label) in text, figure_id
