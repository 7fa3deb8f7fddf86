"""The report as documents: one self-contained HTML page with charts, and a Word file."""

from __future__ import annotations

import html

from zytalent.diagnostics.i18n import Text
from zytalent.diagnostics.words import ALL_FIGURES, CHARTS_HEADING
from zytalent.report import Report
from zytalent.text.titles import headline

COMPUTED_BY = Text(
    "数据由 zytalent 根据各部门台账计算。", "Computed by zytalent from the departments’ ledgers."
)
CHART_STYLE = """figure.chart{margin:1em 0;break-inside:avoid}
p.text{line-height:1.8;text-indent:2em}footer{color:#666;font-size:.85em;margin-top:2em}"""


def report_html(result: Report) -> str:
    """One self-contained page: the text, the figure tables and a chart per breakdown."""
    from zytalent.writers.charts import charts
    from zytalent.writers.formats.html import page, summary_html_tables

    year = result.summary.year
    title = str(headline(year))
    text = "".join(
        f"<section><h2>{html.escape(t)}</h2><p class=text>{html.escape(p)}</p></section>"
        for t, p in result.paragraphs
    )
    figures = "".join(charts(result.summary.values))
    body = (
        f"<h1>{html.escape(title)}</h1>{text}<h2>{CHARTS_HEADING}</h2>{figures}"
        f"<h2>{ALL_FIGURES}</h2>{summary_html_tables(result.summary)}"
        f"<footer>{html.escape(str(COMPUTED_BY))}</footer>"
    )
    return page(title, body, CHART_STYLE)


def report_docx(result: Report) -> bytes:
    """The report as a Word document in the format of 党政机关公文 (GB/T 9704-2012), so an
    office files it as it is; see `writers/official.py`."""
    from zytalent.writers.official import official_report

    return official_report(result)
