"""Every finding code with what it is about: a whole file, a sheet, a column, a row, a
cell, or records across files. Whatever counts or groups findings asks the code's scope
here, never a hand-kept list of names (a list of two codes once missed encrypted,
too-large and unsafe files when counting the files --skip-invalid left out)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from zytalent.diagnostics.i18n import Text

Scope = Literal["file", "sheet", "column", "row", "cell", "across", "output"]
Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True)
class Code:
    """What a finding code is: its scope (what it is about), its severity and its short
    name for tables and the annotated copy's 问题清单 (the JSON report keeps the code).
    Its message is in messages.py, under the same code."""

    code: str
    scope: Scope
    severity: Severity
    name: Text


CODES: dict[str, Code] = {}


def declare(*codes: Code) -> None:
    """Register codes (the checks of zytalent/checks/rules/ declare theirs with their rule)."""
    for declared in codes:
        CODES[declared.code] = declared


declare(
    # a whole file: when it is an error, nothing of the file is read
    Code("file_unreadable", "file", "error", Text("文件无法读取", "file unreadable")),
    Code("file_encrypted", "file", "error", Text("文件有密码", "password-protected")),
    Code("sheet_macro_skipped", "sheet", "info", Text("宏表未读取", "macro sheet skipped")),
    Code("file_read_stopped", "file", "error", Text("读取超时或超内存", "read stopped")),
    Code("file_too_large", "file", "error", Text("文件解压过大", "inflates too far")),
    Code("file_unsafe_xml", "file", "error", Text("文件含不安全内容", "unsafe XML")),
    Code("file_no_ledger", "file", "error", Text("文件中没有台账", "no ledger in the file")),
    Code("file_format_old", "file", "error", Text("文件格式过旧", "format too old")),
    Code("file_duplicate", "file", "warning", Text("重复提交的文件", "file sent twice")),
    Code("file_not_regular", "file", "error", Text("不是普通文件", "not a regular file")),
    Code("folder_unreadable", "file", "error", Text("文件夹无法读取", "folder unreadable")),
    Code(
        "folder_link_skipped",
        "file",
        "info",
        Text("未跟随的文件夹链接", "folder link not followed"),
    ),
    Code("records_not_ledger", "file", "error", Text("不是台账记录", "not ledger records")),
    Code("records_masked", "column", "error", Text("身份证号已遮盖", "IDs masked")),
    Code("file_skipped", "file", "info", Text("非表格文件", "not a spreadsheet")),
    Code("document_no_ledger", "file", "info", Text("文档中没有台账表格", "no ledger table")),
    Code(
        "file_save_as", "file", "warning", Text("请另存为 .xlsx 或 .docx", "save as .xlsx or .docx")
    ),
    Code("file_skipped_temporary", "file", "info", Text("临时或隐藏文件", "lock or hidden file")),
    Code("csv_ragged_rows", "file", "warning", Text("行的列数不齐", "ragged rows")),
    # a worksheet
    Code(
        "formula_without_value", "sheet", "warning", Text("公式没有结果", "formula without a value")
    ),
    Code("sheet_hidden", "sheet", "warning", Text("隐藏工作表未计入", "hidden sheet not counted")),
    Code("sheet_skipped", "sheet", "info", Text("非台账工作表", "not a ledger sheet")),
    Code("kind_ambiguous", "sheet", "error", Text("台账类型不明", "ambiguous kind")),
    Code("rows_hidden", "sheet", "info", Text("隐藏行已计入", "hidden rows counted")),
    Code("layout_months", "sheet", "info", Text("按月分列", "one column per month")),
    Code("period_from_sheet", "sheet", "info", Text("月份取自表名", "period from the sheet")),
    Code("month_year_unknown", "sheet", "error", Text("月份缺年份", "month without a year")),
    Code("rows_skipped", "sheet", "info", Text("表尾说明行", "footer lines")),
    Code("form_read", "sheet", "info", Text("按一人一表读取", "read as a form")),
    Code("count_one_per_row", "sheet", "info", Text("每行计一次", "one per row")),
    Code("rows_column_numbers", "sheet", "info", Text("栏次行", "column-number row")),
    Code("columns_unused", "sheet", "info", Text("未使用的列", "columns not used")),
    Code(
        "sheet_summary", "sheet", "warning", Text("汇总表未重复计入", "summary not counted again")
    ),
    # a column of a sheet
    Code("column_missing", "column", "error", Text("缺少必填列", "required column missing")),
    Code("column_duplicate", "column", "warning", Text("重复的列", "duplicate column")),
    # a row (a record, a 合计 row)
    Code("duplicate_row", "row", "warning", Text("疑似重复录入", "identical rows")),
    Code("row_total_mismatch", "cell", "warning", Text("本行合计不符", "row total disagrees")),
    Code(
        "summary_row_unmatched", "row", "warning", Text("汇总表有而分表无", "in the summary only")
    ),
    Code("summary_row_missing", "row", "warning", Text("汇总表中缺少", "missing from the summary")),
    # cells of a column read informally (a run of rows each)
    Code("value_normalised", "column", "info", Text("按常见写法读取", "read as commonly written")),
    Code("value_ambiguous", "column", "warning", Text("写法不明确", "ambiguous value")),
    # one cell
    Code("cell_empty", "cell", "error", Text("必填项为空", "empty required cell")),
    Code("not_a_number", "cell", "error", Text("不是数字", "not a number")),
    Code("not_integer", "cell", "error", Text("不是整数", "not a whole number")),
    Code("below_minimum", "cell", "error", Text("小于下限", "below the minimum")),
    Code("negative", "cell", "error", Text("负数", "negative")),
    Code("too_large", "cell", "error", Text("数值过大", "implausibly large")),
    Code("money_precision", "cell", "error", Text("金额超过两位小数", "fractions of a fen")),
    Code("not_a_date", "cell", "error", Text("不是日期", "not a date")),
    Code("date_ambiguous", "cell", "error", Text("月份有歧义", "ambiguous month")),
    Code("date_in_future", "cell", "error", Text("日期晚于今天", "date after today")),
    Code("value_not_allowed", "cell", "error", Text("不是允许的值", "value not allowed")),
    Code(
        "id_number_as_number",
        "cell",
        "error",
        Text("身份证号被存成数字", "ID number stored as a number"),
    ),
    Code("id_format", "cell", "error", Text("身份证号格式不对", "ID number format")),
    Code("id_birth_date", "cell", "error", Text("身份证号出生日期不对", "ID number birth date")),
    Code("id_region", "cell", "error", Text("身份证号省份代码不对", "ID number province")),
    Code("id_checksum", "cell", "error", Text("身份证号校验位不符", "ID number check character")),
    Code("uscc_format", "cell", "error", Text("信用代码格式不对", "credit code format")),
    Code(
        "uscc_checksum", "cell", "error", Text("信用代码校验位不符", "credit code check character")
    ),
    Code("phone_format", "cell", "error", Text("手机号不对", "mobile number")),
    Code("end_before_start", "cell", "error", Text("结束早于开始", "end before start")),
    Code("after_year", "cell", "warning", Text("晚于本年", "after the year")),
    Code("outside_year", "cell", "warning", Text("不在本年", "outside the year")),
    # records compared across the rows and files of a ledger
    Code("duplicate_person", "across", "error", Text("同一人重复", "the same person twice")),
    Code("duplicate_value", "across", "error", Text("应唯一的值重复", "duplicate value")),
    # what zytalent wrote, not what it read
    Code(
        "annotate_failed", "output", "warning", Text("标注副本未写出", "annotated copy not written")
    ),
    Code(
        "annotate_not_written",
        "output",
        "warning",
        Text("标注副本无法写入", "annotated copy could not be saved"),
    ),
)


def name(code: str) -> str:
    """The code's short name in the current language (the code itself if it has none)."""
    return str(CODES[code].name) if code in CODES else code


def scope(code: str) -> Scope:
    return CODES[code].scope


def severity(code: str) -> Severity:
    """The severity a finding of this code has."""
    return CODES[code].severity


def leaves_file_out(code: str, severity: str) -> bool:
    """An error about a whole file: nothing of that file was read."""
    return severity == "error" and code in CODES and CODES[code].scope == "file"


# the rules declare their codes when they are registered
import zytalent.checks.rules  # noqa: E402, F401
