"""The report as documents: one self-contained HTML page with charts, and a Word file."""

from __future__ import annotations

import html

from zytalent.diagnostics.i18n import pick
from zytalent.report import Report
from zytalent.writers.titles import headline

CHART_STYLE = """figure.chart{margin:1em 0;break-inside:avoid}section{break-inside:auto}
p.text{line-height:1.8;text-indent:2em}footer{color:#666;font-size:.85em;margin-top:2em}"""


def report_html(result: Report) -> str:
    """One self-contained page: the text, the figure tables and a chart per breakdown."""
    from zytalent.writers.charts import charts
    from zytalent.writers.exports import page, summary_html_tables

    year = result.summary.year
    title = str(headline(year))
    text = "".join(
        f"<section><h2>{html.escape(t)}</h2><p class=text>{html.escape(p)}</p></section>"
        for t, p in result.paragraphs
    )
    figures = "".join(charts(result.summary.values))
    body = (
        f"<h1>{html.escape(title)}</h1>{text}<h2>{pick('图表', 'Charts')}</h2>{figures}"
        f"<h2>{pick('指标一览', 'All figures')}</h2>{summary_html_tables(result.summary)}"
        f"<footer>{html.escape(pick('数据由 zytalent 根据各部门台账计算。', 'Computed by zytalent from the departments’ ledgers.'))}</footer>"
    )
    return page(title, body, CHART_STYLE)


def report_docx(result: Report) -> bytes:
    """The same report as a Word document: the text, the figure tables, and each chart as a
    table of bars drawn with block characters (Word needs no picture for that)."""
    import io

    from docx import Document
    from docx.shared import Pt

    from zytalent.writers.charts import chart_data
    from zytalent.writers.exports import lines

    year = result.summary.year
    document = Document()
    style = document.styles["Normal"]
    style.font.name = "SimSun"
    style.font.size = Pt(11)
    document.add_heading(str(headline(year)), 0)
    for title, text in result.paragraphs:
        document.add_heading(title, 1)
        document.add_paragraph(text)
    document.add_heading(pick("图表", "Charts"), 1)
    for title, bars in chart_data(result.summary.values):
        document.add_paragraph(title).runs[0].bold = True
        table = document.add_table(rows=0, cols=3)
        top = max((v for _, v, _ in bars), default=0) or 1
        for label, value, shown in bars:
            cells = table.add_row().cells
            cells[0].text, cells[1].text, cells[2].text = (
                label,
                "█" * max(0, round(value / top * 30)),
                shown,
            )
    document.add_heading(pick("指标一览", "All figures"), 1)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells,
        (pick("指标", "figure"), pick("数值", "value"), pick("单位", "unit")),
        strict=True,
    ):
        cell.text = text
    for line in lines(result.summary):
        cells = table.add_row().cells
        cells[0].text, cells[1].text, cells[2].text = line.label, line.shown(), line.shown_unit()
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
