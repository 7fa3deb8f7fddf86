"""The comparison of two years as a workbook: a sheet per report section, each figure with
both years, the change and the change in per cent, money in 万元."""

from __future__ import annotations

from zytalent.compare import Comparison
from zytalent.diagnostics.i18n import Text
from zytalent.diagnostics.words import CHANGE, FIGURE, FIGURE_ID, UNIT
from zytalent.figures.registry import FIGURES
from zytalent.writers.printing import prepare_for_print


def comparison_xlsx(comparison: Comparison) -> bytes:
    import io

    from openpyxl import Workbook
    from openpyxl.styles import Font

    from zytalent.cells.money import wan_exact
    from zytalent.figures.base import shown_unit
    from zytalent.figures.registry import SECTION_NAMES

    book = Workbook()
    book.remove(book.active)
    a, b = comparison.before.year, comparison.after.year
    for section, name in SECTION_NAMES.items():
        chosen = [c for c in comparison.changes if FIGURES[c.figure_id].section == section]
        if not chosen:
            continue
        sheet = book.create_sheet(str(name)[:31])
        sheet.append(
            [
                str(FIGURE),
                str(a),
                str(b),
                str(CHANGE),
                str(Text("增减率", "change %")),
                str(UNIT),
                str(FIGURE_ID),
            ]
        )
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for change in chosen:
            figure = FIGURES[change.figure_id]
            money = figure.unit == "yuan"

            def number(value: int | None, money: bool = money) -> object:
                return None if value is None else (wan_exact(value) if money else value)

            percent = change.percent
            sheet.append(
                [
                    str(figure.label),
                    number(change.before),
                    number(change.after),
                    number(change.delta),
                    None if percent is None else percent / 100,
                    str(shown_unit(figure.unit)),
                    change.figure_id,
                ]
            )
            row = sheet.max_row
            for column in (2, 3, 4):
                sheet.cell(row, column).number_format = "#,##0.00" if money else "#,##0"
            sheet.cell(row, 5).number_format = "0.0%"
        for letter, width in zip("ABCDEFG", (40, 12, 12, 12, 10, 10, 40), strict=True):
            sheet.column_dimensions[letter].width = width
        sheet.freeze_panes = "A2"
    out = io.BytesIO()
    prepare_for_print(book)
    book.save(out)
    return out.getvalue()
