"""Every finding code with its message, in Chinese and English.

Codes are stable snake_case identifiers (they are part of the JSON contract);
the messages say what is wrong and what to do about it.
"""

from __future__ import annotations

from zytalent.diagnostics.i18n import Text

# Why a file could not be read, in the user's language; the reader library's own words,
# when there are any, go to the finding's `detail` (JSON) instead of the message.
READ_REASONS: dict[str, Text] = {
    "empty": Text("文件是空的（0 字节）", "the file is empty (0 bytes)"),
    "binary_csv": Text("文件含二进制数据，不是 CSV 文本", "binary data, not a CSV text file"),
    "encoding": Text(
        "文本既不是 UTF-8 也不是 GB18030 编码", "the text is neither UTF-8 nor GB18030"
    ),
    "csv_broken": Text(
        "CSV 格式有误，无法拆分成行和列", "the CSV cannot be split into rows and cells"
    ),
    "os": Text("系统无法打开该文件：{detail}", "the system cannot open it: {detail}"),
    "not_workbook": Text(
        "文件内容不是 Excel 或 WPS 工作簿（扩展名与内容不符）",
        "not an Excel or WPS workbook (the content does not match the name)",
    ),
    "damaged": Text("工作簿已损坏或不完整", "the workbook is damaged or incomplete"),
    "not_docx": Text(
        "文件内容不是 Word 文档（.docx），或已损坏", "not a Word document (.docx), or damaged"
    ),
    "sheet_damaged": Text("工作表“{sheet}”已损坏，无法读取", "worksheet '{sheet}' is damaged"),
    "et": Text(
        "WPS 表格（.et）文件无法直接读取，请在 WPS 中另存为 .xlsx",
        "a WPS .et file that cannot be read as it is; save it as .xlsx from WPS",
    ),
    "encrypted": Text("工作簿设置了打开密码", "password-protected workbook"),
    "no_sheets": Text(
        "工作簿里没有可读的工作表：工作表“{sheets}”只有名字，内容已缺失",
        "the workbook holds no worksheet to read: '{sheets}' is named but its content is gone",
    ),
    "too_large": Text(
        "工作簿解压后超过 {limit} MB，疑似“压缩炸弹”，已拒绝读取。确属正常的大文件时，可用 --max-uncompressed-mb 或环境变量 {env} 调高上限。",
        "The workbook inflates past {limit} MB (a possible zip bomb) and was not read. If it is a genuine large file, raise the limit with --max-uncompressed-mb or the {env} environment variable.",
    ),
    "csv_line": Text(
        "第 {line} 行至少有 {fields} 个单元格、{size}，超过每行 {max_fields} 列或 {max_megabytes} MB 的上限（可能不是台账，或换行符丢失），已拒绝读取。请用 Excel 打开检查后另存为 .xlsx 再提交。",
        "Line {line} holds at least {fields} fields in {size}, past the limit of {max_fields} fields or {max_megabytes} MB per line (not a ledger, or its line breaks were lost); it was not read. Open it in Excel, check it and save it as .xlsx.",
    ),
    "read_timeout": Text(
        "读取超过了 {seconds} 秒仍未完成",
        "reading it took longer than {seconds} seconds",
    ),
    "read_memory": Text(
        "读取所需内存超过了 {memory} MB",
        "reading it needed more than {memory} MB of memory",
    ),
    "too_many_cells": Text(
        "工作表“{sheet}”的单元格一直用到 {cell}，整张表约 {cells} 个单元格，超过上限 {max_cells}，读取会耗尽内存，已拒绝读取。请删除远处多余的单元格（选中空白行列后“删除”），另存后重新提交；确属正常的大表时，可用环境变量 {env} 调高上限。",
        "Worksheet '{sheet}' has a cell as far out as {cell}, about {cells} cells in all, past the limit of {max_cells}; reading it would exhaust memory, so it was not read. Delete the stray far cells (select the empty rows and columns and delete them), save and resend; if it is a genuine large sheet, raise the limit with the {env} environment variable.",
    ),
    "unsafe_xml": Text("含有 XML 实体定义", "XML with a DTD or entities"),
}

MESSAGES: dict[str, Text] = {
    # files and sheets
    "path_missing": Text("路径不存在：{path}", "No such file or folder: {path}"),
    "annotate_lost_drawings": Text(
        "原文件中的图表和图片未保留在此副本中，请在原文件上修改。",
        "The original's charts and pictures are not kept in this copy; make corrections in the original.",
    ),
    "annotate_lost_macros": Text(
        "原文件（.xlsm）中的宏未保留在此副本中。",
        "The macros of the original .xlsm are not kept in this copy.",
    ),
    "annotate_lost_content": Text(
        "原文件无法按原样复制，此副本只含问题清单。",
        "The original could not be copied as it is; this copy holds only the list of findings.",
    ),
    "annotate_rebuilt": Text(
        "原文件不是 .xlsx，此副本按读取到的单元格重建，格式未保留。",
        "The original is not an .xlsx; this copy is rebuilt from the cells read, without their formatting.",
    ),
    "did_you_mean": Text("你是不是要找：{names}？", "Did you mean: {names}? "),
    "kind_unknown": Text(
        "未知的台账类型：{kind}。{suggest}可选：{kinds}",
        "Unknown ledger kind: {kind}. {suggest}Known: {kinds}",
    ),
}
