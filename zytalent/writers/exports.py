"""Exports people pass on: CSV, Markdown, HTML tables and an .xlsx workbook.

Money stays exact: CSV and JSON carry 元 to the fen; tables for people show 万元 with two
decimals; the workbook holds the exact value in both units with number formats. Text that
a spreadsheet would run as a formula is neutralised. The workbook's 来源 sheet lists every
input with its SHA-256, so a reader can tell exactly which files the figures came from.
"""

from __future__ import annotations

import html
import io
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zytalent.cells.money import FEN_PER_WAN, format_fen, shown, shown_unit
from zytalent.diagnostics.i18n import pick
from zytalent.diagnostics.words import (
    FIGURE,
    FIGURE_ID,
    FILE,
    LEDGER,
    RECORDS,
    ROW,
    SHEET,
    UNIT,
    VALUE,
    WHERE,
)
from zytalent.figures.registry import FIGURES, SECTIONS, UNITS
from zytalent.ledgers import LEDGERS
from zytalent.load import SheetReport
from zytalent.reading.discover import sha256
from zytalent.summary import Summary
from zytalent.writers.outputs import csv_text, neutralise
from zytalent.writers.printing import prepare_for_print
from zytalent.writers.titles import headline

if TYPE_CHECKING:
    from zytalent.explain import Explanation


@dataclass(frozen=True)
class Line:
    section: str
    figure_id: str
    label: str
    value: int  # money in fen
    unit: str  # the unit code

    @property
    def money(self) -> bool:
        return self.unit == "yuan"

    def shown(self) -> str:
        """As a person reads it: 万元 with two decimals, counts with separators."""
        return shown(self.value, self.unit)

    def shown_unit(self) -> str:
        return str(shown_unit(self.unit))

    def exact(self) -> str:
        return format_fen(self.value) if self.money else str(self.value)


def lines(summary: Summary) -> list[Line]:
    return [
        Line(
            FIGURES[fid].section,
            fid,
            str(FIGURES[fid].label),
            value,
            FIGURES[fid].unit,
        )
        for fid, value in summary.values.items()
    ]


def summary_csv(summary: Summary) -> str:
    header = ["section", "figure", "label", "value", "unit"]
    rows = [
        [
            pick(*SECTIONS[x.section]),
            x.figure_id,
            x.label,
            x.exact(),
            pick("元", "yuan") if x.money else pick(*UNITS[x.unit]),
        ]
        for x in lines(summary)
    ]
    return csv_text(header, rows)


def summary_markdown(summary: Summary) -> str:
    out = [
        f"# {headline(summary.year)}",
        "",
    ]
    for section, names in SECTIONS.items():
        chosen = [x for x in lines(summary) if x.section == section]
        if not chosen:
            continue
        out += [
            f"## {pick(*names)}",
            "",
            pick("| 指标 | 数值 | 单位 |", "| figure | value | unit |"),
            "|---|---:|---|",
        ]
        out += [f"| {md_cell(x.label)} | {x.shown()} | {x.shown_unit()} |" for x in chosen]
        out.append("")
    return "\n".join(out)


def md_cell(text: str) -> str:
    """Text for a Markdown table cell: a vertical bar would end the cell."""
    return text.replace("|", "\\|")


def summary_html(summary: Summary) -> str:
    title = str(headline(summary.year))
    return page(
        pick(f"{summary.year}年主要数据", f"{summary.year} figures"),
        f"<h1>{html.escape(title)}</h1>{summary_html_tables(summary)}",
    )


def summary_html_tables(summary: Summary) -> str:
    """A table per section: label, value (万元 for money), unit."""
    body: list[str] = []
    for section, names in SECTIONS.items():
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
            f"<div class=block><h3>{html.escape(pick(*names))}</h3><table><thead><tr><th>{pick('指标', 'figure')}</th>"
            f"<th>{pick('数值', 'value')}</th><th>{pick('单位', 'unit')}</th></tr></thead><tbody>{rows}</tbody></table></div>"
        )
    return f"<div class=tables>{''.join(body)}</div>"


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
        f'<!DOCTYPE html><html lang="{pick("zh-CN", "en")}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>{STYLE}{extra_style}</style></head>"
        f"<body>{body}</body></html>\n"
    )


def summary_xlsx(summary: Summary) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for section, names in SECTIONS.items():
        chosen = [x for x in lines(summary) if x.section == section]
        if not chosen:
            continue
        sheet = book.create_sheet(pick(*names)[:31])
        sheet.append(
            [
                str(FIGURE),
                str(VALUE),
                str(UNIT),
                pick("精确值（元）", "exact (yuan)"),
                str(FIGURE_ID),
            ]
        )
        for cell in sheet[1]:
            cell.font = bold
        for x in chosen:
            if x.money:
                sheet.append(
                    [
                        text(x.label),
                        Decimal(x.value) / FEN_PER_WAN,
                        x.shown_unit(),
                        Decimal(x.exact()),
                        x.figure_id,
                    ]
                )
                sheet.cell(sheet.max_row, 2).number_format = "#,##0.00"
                sheet.cell(sheet.max_row, 4).number_format = "#,##0.00"
            else:
                sheet.append([text(x.label), x.value, x.shown_unit(), None, x.figure_id])
                sheet.cell(sheet.max_row, 2).number_format = "#,##0"
        for letter, width in zip("ABCDE", (40, 14, 10, 16, 40), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = "A2"
        add_native_charts(sheet, [x.figure_id for x in chosen])
    sources(book, summary)
    out = io.BytesIO()
    prepare_for_print(book)
    book.save(out)
    return out.getvalue()


def add_native_charts(sheet: Any, figure_ids: list[str]) -> None:
    """A bar chart beside each breakdown of the sheet (the same charts as the HTML and
    Word reports), drawn by Excel from the sheet's own cells so that it can be restyled."""
    from openpyxl.chart import BarChart, Reference

    from zytalent.writers.charts import CHARTS

    anchor_row = 2
    for chart_id, title in CHARTS.items():
        rows = [i + 2 for i, fid in enumerate(figure_ids) if FIGURES[fid].chart == chart_id]
        if not rows or rows != list(range(rows[0], rows[-1] + 1)):
            continue  # only a breakdown written as one run of rows can be referenced
        chart = BarChart()
        chart.type = "bar"  # horizontal bars, as in the reports
        chart.title = str(title)
        chart.legend = None
        chart.y_axis.title = str(_chart_unit(figure_ids, rows))
        chart.add_data(Reference(sheet, min_col=2, min_row=rows[0], max_row=rows[-1]))
        chart.set_categories(Reference(sheet, min_col=1, min_row=rows[0], max_row=rows[-1]))
        chart.height = max(6.0, 0.9 * len(rows) + 2)
        chart.width = 16.0
        sheet.add_chart(chart, f"G{anchor_row}")
        anchor_row += int(chart.height * 2) + 2


def _chart_unit(figure_ids: list[str], rows: list[int]) -> str:
    from zytalent.cells.money import shown_unit

    return str(shown_unit(FIGURES[figure_ids[rows[0] - 2]].unit))


def sources(book: Any, summary: Summary) -> None:
    """The 来源 sheet: every input file, its sheets, records and SHA-256."""
    sheet = book.create_sheet(pick("来源", "sources"))
    sheet.append(
        [
            str(FILE),
            str(SHEET),
            str(LEDGER),
            str(RECORDS),
            "SHA-256",
        ]
    )
    for report in summary.loaded.files:
        digest = sha256(Path(report.file)) if Path(report.file).exists() else ""
        entries: list[SheetReport | None] = [*report.sheets] or [None]
        for entry in entries:
            sheet.append(
                [
                    text(report.file),
                    text(entry.sheet or "") if entry else "",
                    entry.kind if entry else "",
                    entry.records if entry else 0,
                    digest,
                ]
            )
    sheet.append([])
    sheet.append(
        [
            pick(
                f"年份：{summary.year}；以上文件计入 {summary.year} 年的记录构成各项指标。",
                f"Year {summary.year}; the records of these files dated in it make the figures.",
            )
        ]
    )
    for letter, width in zip("ABCDE", (50, 16, 12, 10, 66), strict=True):
        sheet.column_dimensions[letter].width = width


def text(value: str) -> str:
    """Text for a workbook cell: neutralised so that it can never run as a formula."""
    return neutralise(value)


def export_summary(summary: Summary, fmt: str) -> str | bytes:
    """The summary in an export format: json, csv, md, html (text) or xlsx (bytes)."""
    if fmt == "json":
        from zytalent.render.jsonout import dumps

        return dumps(summary.to_dict())
    if fmt == "xlsx":
        return summary_xlsx(summary)
    texts = {"csv": summary_csv, "md": summary_markdown, "html": summary_html}
    return texts[fmt](summary)


def explanation_csv(explanation: Explanation) -> str:
    rows = explanation.rows(labels=True)
    header = list(rows[0]) if rows else ["file", "sheet", "row"]
    return csv_text(header, [list(r.values()) for r in rows])


def explanation_markdown(explanation: Explanation) -> str:
    rows = explanation.rows(labels=True)
    columns = LEDGERS[explanation.figure.kind].columns()
    fields = explanation.fields()
    figure = explanation.figure
    out = [
        f"# {figure.label!s}（{figure.id}，{explanation.summary.year}）",
        "",
        "| " + " | ".join([str(WHERE), *(str(columns[f].label) for f in fields)]) + " |",
        "|" + "---|" * (len(fields) + 1),
    ]
    for row in rows:
        where = " › ".join(str(p) for p in (row["file"], row["sheet"], row["row"]) if p)
        out.append(
            "| "
            + " | ".join(
                md_cell(str(v))
                for v in [where, *(row[f] if row[f] is not None else "" for f in fields)]
            )
            + " |"
        )
    out += [
        "",
        pick(
            f"合计：{explanation.json_value()} {pick(*UNITS[figure.unit])}（{len(rows)} 条记录）",
            f"Total: {explanation.json_value()} {pick(*UNITS[figure.unit])} ({len(rows)} records)",
        ),
        "",
    ]
    return "\n".join(out)


def explanation_html(explanation: Explanation) -> str:
    rows = explanation.rows(labels=True)
    columns = LEDGERS[explanation.figure.kind].columns()
    fields = explanation.fields()
    figure = explanation.figure
    head = "".join(
        f"<th>{html.escape(h)}</th>" for h in [str(WHERE), *(str(columns[f].label) for f in fields)]
    )
    body = "".join(
        "<tr>"
        + "".join(
            f"<td>{html.escape(str(v))}</td>"
            for v in [
                " › ".join(str(p) for p in (row["file"], row["sheet"], row["row"]) if p),
                *(row[f] if row[f] is not None else "" for f in fields),
            ]
        )
        + "</tr>"
        for row in rows
    )
    title = f"{figure.label!s}（{figure.id}，{explanation.summary.year}）"
    total = f"{explanation.json_value()} {pick(*UNITS[figure.unit])}"
    return page(
        title,
        f"<h1>{html.escape(title)}</h1><table><thead><tr>{head}</tr></thead><tbody>{body}"
        f"</tbody></table><p>{pick('合计', 'Total')}：{html.escape(total)}</p>",
    )


def explanation_xlsx(explanation: Explanation) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    rows = explanation.rows(labels=True)
    figure = explanation.figure
    columns = LEDGERS[figure.kind].columns()
    book = Workbook()
    sheet = book.active
    sheet.title = pick("明细", "records")
    header = [
        str(FILE),
        str(SHEET),
        str(ROW),
        *(str(c.label) for c in columns.values()),
    ]
    sheet.append(header)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        values: list[object] = [text(row["file"]), text(row["sheet"] or ""), row["row"]]
        for name, column in columns.items():
            value = row[name]
            if column.kind == "money" and value is not None:
                values.append(Decimal(str(value)))
            elif isinstance(value, str):
                values.append(text(value))
            else:
                values.append(value)
        sheet.append(values)
    for position, column in enumerate(columns.values(), 4):
        if column.kind == "money":
            for (cell,) in sheet.iter_rows(min_row=2, min_col=position, max_col=position):
                cell.number_format = "#,##0.00"
    sheet.append([])
    sheet.append(
        [
            pick("合计", "Total"),
            str(figure.label),
            figure.id,
            Decimal(str(explanation.json_value())) if figure.unit == "yuan" else explanation.value,
            pick(*UNITS[figure.unit]),
        ]
    )
    sheet.freeze_panes = "A2"
    sources(book, explanation.summary)
    out = io.BytesIO()
    prepare_for_print(book)
    book.save(out)
    return out.getvalue()


def export_explanation(explanation: Explanation, fmt: str) -> str | bytes:
    if fmt == "json":
        from zytalent.render.jsonout import dumps

        return dumps(explanation.to_dict())
    if fmt == "xlsx":
        return explanation_xlsx(explanation)
    if fmt == "csv":
        return explanation_csv(explanation)
    texts = {"md": explanation_markdown, "html": explanation_html}
    return texts[fmt](explanation)
