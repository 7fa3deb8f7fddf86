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
from zytalent.figures.registry import FIGURES, SECTION_NAMES, UNITS
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


TITLE_ROW, HEADER_ROW, FIRST_ROW = 1, 2, 3  # a title, the header, then the figures


def summary_xlsx(summary: Summary) -> bytes:
    """One sheet per section: a title row, a bordered table of figures (their codes in a
    hidden column E, for `explain`), and below it the section's bar charts, in the
    table's order. The print area is the table: charts never shrink it on paper."""
    from openpyxl import Workbook

    from zytalent.text.titles import headline

    book = Workbook()
    book.remove(book.active)
    for section, name in SECTION_NAMES.items():
        chosen = [x for x in lines(summary) if x.section == section]
        if not chosen:
            continue
        sheet = book.create_sheet(str(name)[:31])
        sheet.append([f"{headline(summary.year)} · {name}"])
        sheet.append([str(FIGURE), str(VALUE), str(UNIT), str(EXACT_YUAN), str(FIGURE_ID)])
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
        last = sheet.max_row
        style_table(sheet, columns=4, last_row=last)
        for letter, width in zip("ABCDE", (40, 14, 10, 16, 40), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.column_dimensions["E"].hidden = True  # the codes: for explain, not for print
        sheet.freeze_panes = f"A{FIRST_ROW}"
        sheet.print_area = f"A1:D{last}"
        add_native_charts(sheet, [x.figure_id for x in chosen], below=last + 2)
    sources(book, summary)
    return _saved(book)


def style_table(sheet: Any, *, columns: int, last_row: int) -> None:
    """The title merged and bold over the table, the header bold and shaded, thin
    borders on every cell of the table."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    sheet.merge_cells(start_row=TITLE_ROW, start_column=1, end_row=TITLE_ROW, end_column=columns)
    title = sheet.cell(TITLE_ROW, 1)
    title.font = Font(bold=True, size=14)
    title.alignment = Alignment(horizontal="center", vertical="center")
    sheet.row_dimensions[TITLE_ROW].height = 24
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    shade = PatternFill("solid", fgColor="E8E8E8")
    for row in sheet.iter_rows(min_row=HEADER_ROW, max_row=last_row, max_col=columns):
        for cell in row:
            cell.border = border
            if cell.row == HEADER_ROW:
                cell.font = Font(bold=True)
                cell.fill = shade
                cell.alignment = Alignment(horizontal="center")


def add_native_charts(sheet: Any, figure_ids: list[str], *, below: int) -> None:
    """A bar chart for each breakdown of the sheet (the same charts as the HTML and Word
    reports), drawn by Excel from the sheet's own cells so that it can be restyled, one
    under another below the table, its bars in the table's order (top to bottom)."""
    from openpyxl.chart import Reference

    from zytalent.figures.base import shown_unit
    from zytalent.writers.charts import CHARTS, native_bar_chart

    anchor_row = below
    for chart_id, title in CHARTS.items():
        rows = [i + FIRST_ROW for i, fid in enumerate(figure_ids) if FIGURES[fid].chart == chart_id]
        if not rows or rows != list(range(rows[0], rows[-1] + 1)):
            continue  # only a breakdown written as one run of rows can be referenced
        unit = shown_unit(FIGURES[figure_ids[rows[0] - FIRST_ROW]].unit)
        chart = native_bar_chart(str(title), str(unit))
        chart.add_data(Reference(sheet, min_col=2, min_row=rows[0], max_row=rows[-1]))
        chart.set_categories(Reference(sheet, min_col=1, min_row=rows[0], max_row=rows[-1]))
        chart.height = max(6.0, 0.9 * len(rows) + 2)
        chart.width = 16.0
        sheet.add_chart(chart, f"A{anchor_row}")
        anchor_row += int(chart.height * 2) + 2


def sources(book: Any, summary: Summary) -> None:
    """The 来源 sheet: every input file, its sheets, the ledger each is read as, its records
    and the file's SHA-256."""
    sheet = book.create_sheet(str(SOURCES))
    sheet.append([str(SOURCES)])
    sheet.append([str(FILE), str(SHEET), str(LEDGER), str(RECORDS), "SHA-256"])
    for report in summary.loaded.files:
        digest = sha256(Path(report.file)) if Path(report.file).exists() else ""
        entries: list[SheetReport | None] = [*report.sheets] or [None]
        for entry in entries:
            kind = entry.kind if entry else ""
            sheet.append(
                [
                    text(report.file),
                    text(entry.sheet or "") if entry else "",
                    str(LEDGERS[kind].label) if kind in LEDGERS else kind,
                    entry.records if entry else 0,
                    digest,
                ]
            )
    last = sheet.max_row
    style_table(sheet, columns=5, last_row=last)
    sheet.append([])
    sheet.append([str(SOURCES_NOTE.format(year=summary.year))])
    for letter, width in zip("ABCDE", (50, 16, 14, 10, 68), strict=True):
        sheet.column_dimensions[letter].width = width
    from openpyxl.styles import Alignment, Font

    for (cell,) in sheet.iter_rows(min_row=FIRST_ROW, max_row=last, min_col=5, max_col=5):
        cell.font = Font(name="Consolas", size=9)  # a hash in a fixed-width face, apart
        cell.alignment = Alignment(indent=1)
    sheet.freeze_panes = f"A{FIRST_ROW}"


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
