"""HTML: self-contained pages (no scripts, fonts or images from the network) that print on
A4: the summary's tables, the records behind a figure, the `--by` table."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

from zytalent.diagnostics.i18n import Text
from zytalent.diagnostics.words import FIGURE, TOTAL_AT_START, UNIT, VALUE, WHERE
from zytalent.figures.registry import SECTION_NAMES
from zytalent.ledgers import LEDGERS
from zytalent.text.titles import headline, tab_title
from zytalent.writers.exports import (
    GROUPED_NOTE,
    explanation_title,
    explanation_total,
    explanation_where,
    grouped_cell,
    grouped_table,
    grouped_title,
    lines,
)
from zytalent.writers.formats import ExportFormat

if TYPE_CHECKING:
    from zytalent.explain import Explanation
    from zytalent.grouped import Grouped
    from zytalent.summary import Summary

HTML_LANG = Text("zh-CN", "en")

STYLE = """body{font-family:"Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
max-width:60em;margin:2em auto;color:#222}table{border-collapse:collapse;margin:.5em 0 1.5em}
td,th{border:1px solid #bbb;padding:.25em .6em}td.n{text-align:right;font-variant-numeric:tabular-nums}
th{background:#eef3fa}@page{size:A4;margin:18mm}@media print{body{margin:0;max-width:none}
h1,h2,h3{break-after:avoid;page-break-after:avoid}thead{display:table-header-group}
tr,figure.chart{break-inside:avoid}div.block{break-inside:avoid-page}
section{break-inside:avoid}div.tables{columns:2;column-gap:8mm}
div.tables table{width:100%;font-size:10pt}div.tables td:nth-child(3),div.tables th:nth-child(3){white-space:nowrap}}"""


def page(title: str, body: str, extra_style: str = "") -> str:
    """A self-contained page: no scripts, no fonts or images from the network."""
    return (
        f'<!DOCTYPE html><html lang="{HTML_LANG}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{STYLE}{extra_style}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def summary_html(summary: Summary) -> str:
    title = str(headline(summary.year))
    return page(
        str(tab_title(summary.year)),
        f"<h1>{html.escape(title)}</h1>{summary_html_tables(summary)}",
    )


def summary_html_tables(summary: Summary) -> str:
    """A table per section: label, value (万元 for money), unit."""
    body: list[str] = []
    for section, name in SECTION_NAMES.items():
        chosen = [x for x in lines(summary) if x.section == section]
        if not chosen:
            continue
        rows = "".join(
            f"<tr><td>{html.escape(x.label)}</td><td class=n>{x.shown()}</td><td>{html.escape(x.shown_unit())}</td></tr>"
            for x in chosen
        )
        # a section's heading and its table are one block, so a page never ends with the
        # heading (a long table still breaks, its header row repeated)
        body.append(
            f"<div class=block><h3>{html.escape(str(name))}</h3><table><thead><tr><th>{FIGURE}</th>"
            f"<th>{VALUE}</th><th>{UNIT}</th></tr></thead><tbody>{rows}</tbody></table></div>"
        )
    return f"<div class=tables>{''.join(body)}</div>"


def explanation_html(explanation: Explanation) -> str:
    rows = explanation.rows(labels=True)
    columns = LEDGERS[explanation.figure.kind].columns()
    fields = explanation.fields()
    head = "".join(
        f"<th>{html.escape(h)}</th>" for h in [str(WHERE), *(str(columns[f].label) for f in fields)]
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td>{html.escape(str(v))}</td>"
            for v in [
                explanation_where(row),
                *(row[f] if row[f] is not None else "" for f in fields),
            ]
        )
        + "</tr>"
        for row in rows
    )
    title = explanation_title(explanation)
    total = explanation_total(explanation)
    return page(
        title,
        f"<h1>{html.escape(title)}</h1><table><thead><tr>{head}</tr></thead><tbody>{body}"
        f"</tbody></table><p>{TOTAL_AT_START}：{html.escape(total)}</p>",
    )


def grouped_html(result: Grouped) -> str:
    header, rows = grouped_table(result)
    numeric = range(3, len(header) - 1)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=n' if i in numeric else ''}>{html.escape(grouped_cell(c))}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    title = grouped_title(result)
    return page(
        title,
        f"<h1>{html.escape(title)}</h1><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table><p>{html.escape(str(GROUPED_NOTE))}</p>",
        "body{max-width:none}",
    )


FORMAT = ExportFormat(
    name="html",
    position=40,
    summary=summary_html,
    explanation=explanation_html,
    grouped=grouped_html,
)
