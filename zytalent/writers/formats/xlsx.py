"""Excel workbooks: a sheet per report section with native bar charts, the records behind a
figure, the `--by` table; exact numbers with number formats, laid out to print on A4, and
a 来源 sheet listing every input with its SHA-256, so a reader can tell exactly which files
the figures came from."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from zytalent.cells.money import wan_exact
from zytalent.diagnostics.i18n import Text
from zytalent.diagnostics.words import (
    FIGURE,
    FIGURE_ID,
    FILE,
    LEDGER,
    RECORDS,
    ROW,
    SHEET,
    TOTAL_AT_START,
    UNIT,
    VALUE,
)
from zytalent.figures.registry import FIGURES, SECTIONS, UNITS
from zytalent.ledgers import LEDGERS
from zytalent.reading.discover import sha256
from zytalent.writers.exports import GROUPED_NOTE, grouped_table, lines, text
from zytalent.writers.formats import ExportFormat
from zytalent.writers.outputs import neutralise
from zytalent.writers.printing import prepare_for_print

if TYPE_CHECKING:
    from zytalent.explain import Explanation
    from zytalent.grouped import Grouped
    from zytalent.load import SheetReport
    from zytalent.summary import Summary

EXACT_YUAN = Text("精确值（元）", "exact (yuan)")
SOURCES = Text("来源", "sources")
SOURCES_NOTE = Text(
    "年份：{year}；以上文件计入 {year} 年的记录构成各项指标。",
    "Year {year}; the records of these files dated in it make the figures.",
)
RECORDS_SHEET = Text("明细", "records")
GROUPS_SHEET = Text("分组", "groups")


def _saved(book: Any) -> bytes:
    out = io.BytesIO()
    prepare_for_print(book)
    book.save(out)
    return out.getvalue()


def summary_xlsx(summary: Summary) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)
    bold = Font(bold=True)
    for section, name in SECTIONS.items():
        chosen = [x for x in lines(summary) if x.section == section]
        if not chosen:
            continue
        sheet = book.create_sheet(str(name)[:31])
        sheet.append([str(FIGURE), str(VALUE), str(UNIT), str(EXACT_YUAN), str(FIGURE_ID)])
        for cell in sheet[1]:
            cell.font = bold
        for x in chosen:
            if x.money:
                sheet.append(
                    [
                        text(x.label),
                        wan_exact(x.value),
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
    return _saved(book)


def add_native_charts(sheet: Any, figure_ids: list[str]) -> None:
    """A bar chart beside each breakdown of the sheet (the same charts as the HTML and
    Word reports), drawn by Excel from the sheet's own cells so that it can be restyled."""
    from openpyxl.chart import BarChart, Reference

    from zytalent.cells.money import shown_unit
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
        chart.y_axis.title = str(shown_unit(FIGURES[figure_ids[rows[0] - 2]].unit))
        chart.add_data(Reference(sheet, min_col=2, min_row=rows[0], max_row=rows[-1]))
        chart.set_categories(Reference(sheet, min_col=1, min_row=rows[0], max_row=rows[-1]))
        chart.height = max(6.0, 0.9 * len(rows) + 2)
        chart.width = 16.0
        sheet.add_chart(chart, f"G{anchor_row}")
        anchor_row += int(chart.height * 2) + 2


def sources(book: Any, summary: Summary) -> None:
    """The 来源 sheet: every input file, its sheets, records and SHA-256."""
    sheet = book.create_sheet(str(SOURCES))
    sheet.append([str(FILE), str(SHEET), str(LEDGER), str(RECORDS), "SHA-256"])
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
    sheet.append([str(SOURCES_NOTE.format(year=summary.year))])
    for letter, width in zip("ABCDE", (50, 16, 12, 10, 66), strict=True):
        sheet.column_dimensions[letter].width = width


def explanation_xlsx(explanation: Explanation) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    rows = explanation.rows(labels=True)
    figure = explanation.figure
    columns = LEDGERS[figure.kind].columns()
    book = Workbook()
    sheet = book.active
    sheet.title = str(RECORDS_SHEET)
    sheet.append([str(FILE), str(SHEET), str(ROW), *(str(c.label) for c in columns.values())])
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
            str(TOTAL_AT_START),
            str(figure.label),
            figure.id,
            Decimal(str(explanation.json_value())) if figure.unit == "yuan" else explanation.value,
            str(UNITS[figure.unit]),
        ]
    )
    sheet.freeze_panes = "A2"
    sources(book, explanation.summary)
    return _saved(book)


def grouped_xlsx(result: Grouped) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header, rows = grouped_table(result)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = str(GROUPS_SHEET)
    sheet.append([neutralise(h) for h in header])  # group names are the users' own text
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        sheet.append([neutralise(c) if isinstance(c, str) else c for c in row])
        for column, value in enumerate(row, 1):
            if isinstance(value, Decimal):
                sheet.cell(sheet.max_row, column).number_format = "#,##0.00"
            elif isinstance(value, int):
                sheet.cell(sheet.max_row, column).number_format = "#,##0"
    sheet.append([])
    sheet.append([str(GROUPED_NOTE)])
    widths = [24, 30, 8, *[14] * (len(header) - 5), 16, 10]
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "D2"
    return _saved(book)


FORMAT = ExportFormat(
    name="xlsx",
    position=20,
    summary=summary_xlsx,
    explanation=explanation_xlsx,
    grouped=grouped_xlsx,
)
