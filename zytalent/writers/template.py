"""Templates a department can fill in without reading any documentation.

Generated from the ledger models: the canonical headers (money with its unit), text format
for ID and phone columns (so Excel cannot turn an ID into 1.41E+17), date and money
formats, drop-down lists for every column with allowed values, an input message on each
header cell stating its rule, a frozen header row, and a 填表说明 sheet.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from zytalent.diagnostics.i18n import using
from zytalent.ledgers import LedgerRecord, ledger
from zytalent.ledgers.base import Column
from zytalent.text.titles import ledger_title
from zytalent.writers.contract import rule_text
from zytalent.writers.printing import prepare_for_print

TITLE_ROW, UNIT_ROW, HEADER_ROW = 1, 2, 3
FIRST_DATA_ROW = 4
FORMATTED_ROWS = 1000  # rows given text/date/money formats and drop-downs
CHOICES_SHEET = "选项"
NOTES_SHEET = "填表说明"
WIDTH = {
    "text": 16,
    "date": 13,
    "integer": 10,
    "money": 14,
    "choice": 16,
    "id_number": 22,
    "uscc": 22,
    "phone": 14,
}
FORMAT = {
    "id_number": "@",
    "uscc": "@",
    "phone": "@",
    "date": "yyyy-mm-dd",
    "money": "#,##0.00",
    "integer": "0",
}


def template_header(column: Column) -> str:
    """The header a template shows: the canonical one, money with its unit."""
    return f"{column.header}（元）" if column.kind == "money" else column.header


def build_template(kinds: Sequence[str], year: int | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter, quote_sheetname
    from openpyxl.worksheet.datavalidation import DataValidation

    with using("zh"):
        models = [ledger(kind) for kind in kinds]
        book = Workbook()
        first = book.active
        assert first is not None
        book.remove(first)
        choices = book.create_sheet(CHOICES_SHEET)
        choices.sheet_state = "hidden"
        choice_column = 0
        bold, required_font = Font(bold=True), Font(bold=True, color="C00000")
        header_fill = PatternFill("solid", fgColor="DDEBF7")
        for model in models:
            sheet = book.create_sheet(model.label.zh[:31])
            columns = list(model.columns().values())
            last = get_column_letter(len(columns))
            sheet.cell(TITLE_ROW, 1, ledger_title(year, model.label).zh).font = Font(
                bold=True, size=14
            )
            sheet.merge_cells(f"A{TITLE_ROW}:{last}{TITLE_ROW}")
            sheet.cell(UNIT_ROW, 1, "填报单位：　　　　　　　　填报日期：　　年　　月　　日")
            sheet.merge_cells(f"A{UNIT_ROW}:{last}{UNIT_ROW}")
            for position, column in enumerate(columns, 1):
                letter = get_column_letter(position)
                cell = sheet.cell(HEADER_ROW, position, template_header(column))
                cell.font = required_font if column.required else bold
                cell.fill = header_fill
                cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
                rule = ("必填。" if column.required else "选填。") + rule_text(column)
                cell.comment = Comment(rule, "zytalent")
                prompt = DataValidation(
                    showInputMessage=True, promptTitle=column.header[:32], prompt=rule[:255]
                )
                sheet.add_data_validation(prompt)
                prompt.add(f"{letter}{HEADER_ROW}")
                sheet.column_dimensions[letter].width = max(
                    WIDTH[column.kind], len(column.header) * 2 + 4
                )
                data_range = (
                    f"{letter}{FIRST_DATA_ROW}:{letter}{FIRST_DATA_ROW + FORMATTED_ROWS - 1}"
                )
                if column.kind in FORMAT:
                    for (data_cell,) in sheet[data_range]:
                        data_cell.number_format = FORMAT[column.kind]
                if column.choices:
                    choice_column += 1
                    choice_letter = get_column_letter(choice_column)
                    for row, choice in enumerate(column.choices, 1):
                        choices.cell(row, choice_column, choice.label.zh)
                    source = f"{quote_sheetname(CHOICES_SHEET)}!${choice_letter}$1:${choice_letter}${len(column.choices)}"
                    listing = DataValidation(
                        type="list",
                        formula1=source,
                        allow_blank=not column.required,
                        showErrorMessage=True,
                        errorTitle=column.header[:32],
                        error=f"请从下拉列表中选择：{column.allowed_text()}"[:255],
                    )
                    sheet.add_data_validation(listing)
                    listing.add(data_range)
            sheet.freeze_panes = f"A{FIRST_DATA_ROW}"
            sheet.row_dimensions[HEADER_ROW].height = 30
        notes = book.create_sheet(NOTES_SHEET, 0)
        notes.column_dimensions["A"].width = 110
        for line in instructions(models):
            notes.append([line])
            notes.cell(notes.max_row, 1).alignment = Alignment(wrap_text=True, vertical="top")
        notes["A1"].font = Font(bold=True, size=14)
        out = io.BytesIO()
        prepare_for_print(book)
        book.save(out)
        return out.getvalue()


def instructions(models: Sequence[type[LedgerRecord]]) -> list[str]:
    lines = [
        "填表说明",
        "",
        "1. 不要改动表头（第 3 行）；红色表头为必填列，其余为选填列。可以在最后增加其他列，不影响汇总。",
        "2. 从第 4 行开始每行填一条记录；中间不要留空行，不要合并单元格，表尾可写“填表人”“审核人”。",
        "3. 身份证号、手机号已设为文本格式，请直接输入，不要改成数字格式（否则后几位会丢失）。",
        "4. 日期写成 2023-03-15 或 2023年3月15日；月份可写成 2023-03。金额以元为单位，最多两位小数。",
        "5. 有下拉箭头的列请从列表中选择；把鼠标停在表头上可看到该列的填写要求。",
        "6. 填好后请先用 zytalent validate 文件名 自查，或直接报送，由汇总单位退回问题清单。",
        "",
    ]
    for model in models:
        lines.append(f"【{model.label.zh}】{model.rows.zh}")
        for column in model.columns().values():
            need = "必填" if column.required else "选填"
            lines.append(f"  · {template_header(column)}（{need}）：{rule_text(column)}")
        lines.append("")
    return lines
