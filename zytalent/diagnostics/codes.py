"""Every finding code with what it is about: a whole file, a sheet, a column, a row, a
cell, or records across files. Whatever counts or groups findings asks the code's scope
here, never a hand-kept list of names (a list of two codes once missed encrypted,
too-large and unsafe files when counting the files --skip-invalid left out)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from zytalent.diagnostics.i18n import Text

Scope = Literal["file", "sheet", "column", "row", "cell", "across", "output"]

SCOPES: dict[str, Scope] = {
    # a whole file: when it is an error, nothing of the file is read
    "file_unreadable": "file",
    "file_encrypted": "file",
    "file_too_large": "file",
    "file_unsafe_xml": "file",
    "file_no_ledger": "file",
    "file_format_old": "file",
    "file_duplicate": "file",
    "file_skipped": "file",
    "file_skipped_temporary": "file",
    "csv_ragged_rows": "file",
    # a worksheet
    "formula_without_value": "sheet",
    "sheet_hidden": "sheet",
    "sheet_skipped": "sheet",
    "kind_ambiguous": "sheet",
    "rows_hidden": "sheet",
    "layout_months": "sheet",
    "period_from_sheet": "sheet",
    "month_year_unknown": "sheet",
    "rows_skipped": "sheet",
    "columns_unused": "sheet",
    # a column of a sheet
    "column_missing": "column",
    "column_duplicate": "column",
    # a row (a record, a 合计 row)
    "duplicate_row": "row",
    "row_total_mismatch": "cell",
    # one cell
    "cell_empty": "cell",
    "not_a_number": "cell",
    "not_integer": "cell",
    "below_minimum": "cell",
    "negative": "cell",
    "too_large": "cell",
    "money_precision": "cell",
    "not_a_date": "cell",
    "date_ambiguous": "cell",
    "value_not_allowed": "cell",
    "id_number_as_number": "cell",
    "id_format": "cell",
    "id_birth_date": "cell",
    "id_region": "cell",
    "id_checksum": "cell",
    "uscc_format": "cell",
    "uscc_checksum": "cell",
    "phone_format": "cell",
    "end_before_start": "cell",
    "after_year": "cell",
    "outside_year": "cell",
    # records compared across the rows and files of a ledger
    "duplicate_person": "across",
    "duplicate_value": "across",
    # what zytalent wrote, not what it read
    "annotate_failed": "output",
}


# A short name for each code, for tables and the annotated copy's 问题清单 (the JSON
# report keeps the code itself).
NAMES: dict[str, Text] = {
    "file_unreadable": Text("文件无法读取", "file unreadable"),
    "file_encrypted": Text("文件有密码", "password-protected"),
    "file_too_large": Text("文件解压过大", "inflates too far"),
    "file_unsafe_xml": Text("文件含不安全内容", "unsafe XML"),
    "file_no_ledger": Text("文件中没有台账", "no ledger in the file"),
    "file_format_old": Text("文件格式过旧", "format too old"),
    "file_duplicate": Text("重复提交的文件", "file sent twice"),
    "file_skipped": Text("非表格文件", "not a spreadsheet"),
    "file_skipped_temporary": Text("临时或隐藏文件", "lock or hidden file"),
    "csv_ragged_rows": Text("行的列数不齐", "ragged rows"),
    "formula_without_value": Text("公式没有结果", "formula without a value"),
    "sheet_hidden": Text("隐藏工作表未计入", "hidden sheet not counted"),
    "sheet_skipped": Text("非台账工作表", "not a ledger sheet"),
    "kind_ambiguous": Text("台账类型不明", "ambiguous kind"),
    "rows_hidden": Text("隐藏行已计入", "hidden rows counted"),
    "layout_months": Text("按月分列", "one column per month"),
    "period_from_sheet": Text("月份取自表名", "period from the sheet"),
    "month_year_unknown": Text("月份缺年份", "month without a year"),
    "rows_skipped": Text("表尾说明行", "footer lines"),
    "columns_unused": Text("未使用的列", "columns not used"),
    "column_missing": Text("缺少必填列", "required column missing"),
    "column_duplicate": Text("重复的列", "duplicate column"),
    "duplicate_row": Text("疑似重复录入", "identical rows"),
    "row_total_mismatch": Text("本行合计不符", "row total disagrees"),
    "cell_empty": Text("必填项为空", "empty required cell"),
    "not_a_number": Text("不是数字", "not a number"),
    "not_integer": Text("不是整数", "not a whole number"),
    "below_minimum": Text("小于下限", "below the minimum"),
    "negative": Text("负数", "negative"),
    "too_large": Text("数值过大", "implausibly large"),
    "money_precision": Text("金额超过两位小数", "fractions of a fen"),
    "not_a_date": Text("不是日期", "not a date"),
    "date_ambiguous": Text("月份有歧义", "ambiguous month"),
    "value_not_allowed": Text("不是允许的值", "value not allowed"),
    "id_number_as_number": Text("身份证号被存成数字", "ID number stored as a number"),
    "id_format": Text("身份证号格式不对", "ID number format"),
    "id_birth_date": Text("身份证号出生日期不对", "ID number birth date"),
    "id_region": Text("身份证号省份代码不对", "ID number province"),
    "id_checksum": Text("身份证号校验位不符", "ID number check character"),
    "uscc_format": Text("信用代码格式不对", "credit code format"),
    "uscc_checksum": Text("信用代码校验位不符", "credit code check character"),
    "phone_format": Text("手机号不对", "mobile number"),
    "end_before_start": Text("结束早于开始", "end before start"),
    "after_year": Text("晚于本年", "after the year"),
    "outside_year": Text("不在本年", "outside the year"),
    "duplicate_person": Text("同一人重复", "the same person twice"),
    "duplicate_value": Text("应唯一的值重复", "duplicate value"),
    "annotate_failed": Text("标注副本未写出", "annotated copy not written"),
}


# The severity each code is given: an error keeps a record (or a file) from counting, a
# warning counts but asks for a look, a note (info) says how something was read.
SEVERITIES: dict[str, str] = {
    "file_unreadable": "error",
    "file_encrypted": "error",
    "file_too_large": "error",
    "file_unsafe_xml": "error",
    "file_no_ledger": "error",
    "file_format_old": "error",
    "kind_ambiguous": "error",
    "month_year_unknown": "error",
    "column_missing": "error",
    "cell_empty": "error",
    "not_a_number": "error",
    "not_integer": "error",
    "below_minimum": "error",
    "negative": "error",
    "too_large": "error",
    "money_precision": "error",
    "not_a_date": "error",
    "date_ambiguous": "error",
    "value_not_allowed": "error",
    "id_number_as_number": "error",
    "id_format": "error",
    "id_birth_date": "error",
    "id_region": "error",
    "id_checksum": "error",
    "uscc_format": "error",
    "uscc_checksum": "error",
    "phone_format": "error",
    "end_before_start": "error",
    "duplicate_person": "error",
    "duplicate_value": "error",
    "file_duplicate": "warning",
    "csv_ragged_rows": "warning",
    "formula_without_value": "warning",
    "sheet_hidden": "warning",
    "column_duplicate": "warning",
    "duplicate_row": "warning",
    "row_total_mismatch": "warning",
    "after_year": "warning",
    "outside_year": "warning",
    "annotate_failed": "warning",
    "file_skipped": "info",
    "file_skipped_temporary": "info",
    "sheet_skipped": "info",
    "rows_hidden": "info",
    "layout_months": "info",
    "period_from_sheet": "info",
    "rows_skipped": "info",
    "columns_unused": "info",
}


@dataclass(frozen=True)
class Code:
    """What a finding code is: its scope, its severity and its short name. The checks of
    zytalent/checks/rules/ declare their own codes with their rule."""

    code: str
    scope: Scope
    severity: str
    name: Text


def declare(*codes: Code) -> None:
    for declared in codes:
        SCOPES[declared.code] = declared.scope
        SEVERITIES[declared.code] = declared.severity
        NAMES[declared.code] = declared.name


def name(code: str) -> str:
    """The code's short name in the current language (the code itself if it has none)."""
    return str(NAMES[code]) if code in NAMES else code


def scope(code: str) -> Scope:
    return SCOPES[code]


def leaves_file_out(code: str, severity: str) -> bool:
    """An error about a whole file: nothing of that file was read."""
    return severity == "error" and SCOPES.get(code) == "file"


# the rules declare their codes when they are registered
import zytalent.checks.rules  # noqa: E402, F401
