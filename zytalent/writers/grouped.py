"""`summarize --by` in every export format: a row per figure, a column per group, the
total over all records, and whether the total is the sum of the groups (a distinct count
is not, when a person is in two groups). Money exact, in 元 to the fen."""

from __future__ import annotations

import html
import io
from decimal import Decimal

from zytalent.cells.money import format_fen
from zytalent.diagnostics.i18n import Text, pick
from zytalent.diagnostics.words import FIGURE, FIGURE_ID, UNIT
from zytalent.figures.base import UNITS
from zytalent.figures.registry import FIGURES
from zytalent.grouped import Grouped
from zytalent.writers.exports import md_cell, page
from zytalent.writers.outputs import csv_text, neutralise
from zytalent.writers.printing import prepare_for_print
from zytalent.writers.titles import headline

TOTAL = Text("合计", "total")
IS_SUM = Text("合计等于各组之和", "total is the sum")
YES, NO = Text("是", "yes"), Text("否", "no")
EXPLAINED = Text(
    "合计按全部记录计算。同一人在几个组里都有记录时，人数合计不等于各组之和（标“否”）；"
    "“—”表示该指标无法按此分组。",
    "Totals are computed over all records. Where a person has records in several groups, "
    "a count of people is not the sum of the groups (marked “no”); “—”: the figure cannot "
    "be split this way.",
)

Cell = str | int | Decimal | None


def grouped_table(result: Grouped) -> tuple[list[str], list[list[Cell]]]:
    """Header and rows: figure id, label, unit, a value per group, total, is-the-sum.
    Values are numbers (money as exact Decimal 元); None where a group has no value."""
    header = [str(FIGURE_ID), str(FIGURE), str(UNIT), *result.groups, str(TOTAL), str(IS_SUM)]
    rows: list[list[Cell]] = []
    for fid, total in result.summary.values.items():
        figure = FIGURES[fid]
        money = figure.unit == "yuan"

        def number(value: int, money: bool = money) -> int | Decimal:
            return Decimal(format_fen(value)) if money else value

        cells = [number(g[fid]) if fid in g else None for g in result.groups.values()]
        unit = "元" if money else pick(*UNITS[figure.unit])
        same = "—" if fid in result.unsplit else str(NO if result.differs(fid) else YES)
        rows.append([fid, str(figure.label), unit, *cells, number(total), same])
    return header, rows


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return f"{cell:.2f}"
    return str(cell)


def grouped_csv(result: Grouped) -> str:
    header, rows = grouped_table(result)
    return csv_text(header, [[_text(c) for c in row] for row in rows])


def _title(result: Grouped) -> str:
    by = pick(f"（按“{result.by}”分组）", f" (by {result.by})")
    return f"{headline(result.summary.year)}{by}"


def grouped_markdown(result: Grouped) -> str:
    header, rows = grouped_table(result)
    numeric = range(3, len(header) - 1)

    def line(cells: list[str]) -> str:
        return "| " + " | ".join(md_cell(c) for c in cells) + " |"

    align = ["---:" if i in numeric else "---" for i in range(len(header))]
    out = [f"# {_title(result)}", "", line(header), "|" + "|".join(align) + "|"]
    out += [line([_text(c) for c in row]) for row in rows]
    return "\n".join([*out, "", str(EXPLAINED), ""])


def grouped_html(result: Grouped) -> str:
    header, rows = grouped_table(result)
    numeric = range(3, len(header) - 1)
    head = "".join(f"<th>{html.escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>"
        + "".join(
            f"<td{' class=n' if i in numeric else ''}>{html.escape(_text(c))}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    title = _title(result)
    return page(
        title,
        f"<h1>{html.escape(title)}</h1><table><thead><tr>{head}</tr></thead>"
        f"<tbody>{body}</tbody></table><p>{html.escape(str(EXPLAINED))}</p>",
        "body{max-width:none}",
    )


def grouped_xlsx(result: Grouped) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    header, rows = grouped_table(result)
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = pick("分组", "groups")
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
    sheet.append([str(EXPLAINED)])
    widths = [24, 30, 8, *[14] * (len(header) - 5), 16, 10]
    for column, width in enumerate(widths, 1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    sheet.freeze_panes = "D2"
    prepare_for_print(book)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def export_grouped(result: Grouped, fmt: str) -> str | bytes:
    """`summarize --by` as csv, md, html (text) or xlsx (bytes); json is `to_dict()`."""
    if fmt == "xlsx":
        return grouped_xlsx(result)
    writers = {"csv": grouped_csv, "md": grouped_markdown, "html": grouped_html}
    return writers[fmt](result)
