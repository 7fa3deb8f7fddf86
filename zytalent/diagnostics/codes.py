"""Every finding code, declared once: what it is about (a whole file, a sheet, a column, a
row, a cell, records across files, or what zytalent wrote), its severity, its short name
and its message. Emitters pass the declared constant (`fnd.make(COLUMN_MISSING, ...)`),
and a finding carries it, so nothing looks a code up by its string except where a string
is all there is (pydantic's error types). Whatever counts or groups findings asks the
code, never a hand-kept list of names (a list of two codes once missed encrypted,
too-large and unsafe files when counting the files --skip-invalid left out).

The checks of zytalent/checks/rules/ declare their codes beside their rule."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from zytalent.diagnostics.i18n import Text

Scope = Literal["file", "sheet", "column", "row", "cell", "across", "output"]
Severity = Literal["error", "warning", "info"]

CODES: dict[str, Code] = {}


@dataclass(frozen=True)
class Code:
    """What a finding code is: its scope (what it is about), its severity, its short
    name for tables and the annotated copy's 问题清单 (the JSON report keeps the code),
    and its message, filled from the finding's context. `not_used` is the noun it is
    counted with in the summary's 未计入 line, for what was read but not used.

    Declaring a code registers it (a pickled finding brings its code back without
    registering it again)."""

    code: str
    scope: Scope
    severity: Severity
    name: Text
    message: Text
    not_used: Text | None = None

    def __post_init__(self) -> None:
        if self.code in CODES:
            raise ValueError(f"finding code {self.code} declared twice")
        CODES[self.code] = self

    @property
    def leaves_file_out(self) -> bool:
        """An error about a whole file: nothing of that file was read."""
        return self.severity == "error" and self.scope == "file"


# a whole file: when it is an error, nothing of the file is read
FILE_UNREADABLE = Code(
    "file_unreadable",
    "file",
    "error",
    name=Text("文件无法读取", "file unreadable"),
    message=Text(
        "无法读取该文件（{reason}）。请用 Excel 打开确认文件完好后另存为 .xlsx 再提交。",
        "The file cannot be read ({reason}). Open it in Excel, check it, save it as .xlsx and resend it.",
    ),
)
FILE_ENCRYPTED = Code(
    "file_encrypted",
    "file",
    "error",
    name=Text("文件有密码", "password-protected"),
    message=Text(
        "工作簿设置了打开密码，无法读取。请去掉密码（文件 › 信息 › 保护工作簿）后重新提交。",
        "The workbook is password-protected. Remove the password (File › Info › Protect Workbook) and resend it.",
    ),
)
SHEET_MACRO_SKIPPED = Code(
    "sheet_macro_skipped",
    "sheet",
    "info",
    name=Text("宏表未读取", "macro sheet skipped"),
    message=Text(
        "工作表“{sheet}”是 Excel 4.0 宏表，不是数据表，未读取；其他工作表照常读取。",
        "Sheet '{sheet}' is an Excel 4.0 macro sheet, not data; it was not read, the other sheets were.",
    ),
)
FILE_READ_STOPPED = Code(
    "file_read_stopped",
    "file",
    "error",
    name=Text("读取超时或超内存", "read stopped"),
    message=Text(
        "该文件{reason}，已停止读取，其他文件照常读取。文件可能已损坏或内容异常：请用 Excel 打开检查后另存为 .xlsx 再提交；确属正常的大文件时，可用环境变量 ZYTALENT_READ_SECONDS 或 ZYTALENT_READ_MEMORY_MB 调高上限。",
        "Reading this file was stopped: {reason}; the other files were read. It may be damaged or odd inside: open it in Excel, check it and save it as .xlsx; if it is a genuine large file, raise the limit with ZYTALENT_READ_SECONDS or ZYTALENT_READ_MEMORY_MB.",
    ),
)
# the one code for a file too large to read; the reason says which bound it passed
FILE_TOO_LARGE = Code(
    "file_too_large",
    "file",
    "error",
    name=Text("文件解压过大", "inflates too far"),
    message=Text("{reason}", "{reason}"),
)
FILE_UNSAFE_XML = Code(
    "file_unsafe_xml",
    "file",
    "error",
    name=Text("文件含不安全内容", "unsafe XML"),
    message=Text(
        "工作簿内部 {part} 含有 XML 实体定义（DTD），正常的 Excel 文件不会这样，已拒绝读取。请用 Excel 另存为新文件后提交。",
        "Part {part} of the workbook declares XML entities (a DTD), which no genuine Excel file does; it was not read. Save it again from Excel and resend it.",
    ),
)
FILE_NO_LEDGER = Code(
    "file_no_ledger",
    "file",
    "error",
    name=Text("文件中没有台账", "no ledger in the file"),
    message=Text(
        "文件中没有可识别的台账工作表（前 15 行内未找到与任何台账表头相符的行）。请使用 zytalent template 生成的模板。",
        "No worksheet in this file looks like a ledger (no row among the first 15 matches a ledger's headers). Use a template from `zytalent template`.",
    ),
)
FILE_FORMAT_OLD = Code(
    "file_format_old",
    "file",
    "error",
    name=Text("文件格式过旧", "format too old"),
    message=Text(
        "这是 {format} 格式的文件，格式过旧，无法读取。请用 Excel 或 WPS 打开后另存为 .xlsx 再提交。",
        "This is an {format} file, a format too old to read. Open it in Excel or WPS and save it as .xlsx, then resend it.",
    ),
)
FILE_NOT_REGULAR = Code(
    "file_not_regular",
    "file",
    "error",
    name=Text("不是普通文件", "not a regular file"),
    message=Text(
        "不是普通文件（管道、设备或套接字），未读取。请提交文件本身。",
        "Not a regular file (a pipe, a device or a socket); it was not read. Send the file itself.",
    ),
)
FOLDER_UNREADABLE = Code(
    "folder_unreadable",
    "file",
    "error",
    name=Text("文件夹无法读取", "folder unreadable"),
    message=Text(
        "无法读取该文件夹（{reason}），其中的文件未读取。",
        "The folder cannot be read ({reason}); the files in it were not read.",
    ),
)
FOLDER_LINK_SKIPPED = Code(
    "folder_link_skipped",
    "file",
    "info",
    name=Text("未跟随的文件夹链接", "folder link not followed"),
    message=Text(
        "这是指向别处的文件夹链接，未跟随读取（以免循环）。如需读取，请直接给出它指向的文件夹。",
        "A link to a folder elsewhere; it is not followed (it could loop). Name the folder it points to to read it.",
    ),
)
RECORDS_NOT_LEDGER = Code(
    "records_not_ledger",
    "file",
    "error",
    name=Text("不是台账记录", "not ledger records"),
    message=Text(
        "这个 Parquet 文件的列不属于任何一种台账，不是 zytalent records 导出的记录，未计入统计数。",
        "The columns of this Parquet file are no ledger's: it is not records exported by zytalent records, and nothing of it is counted.",
    ),
)
RECORDS_MASKED = Code(
    "records_masked",
    "column",
    "error",
    name=Text("身份证号已遮盖", "IDs masked"),
    message=Text(
        "“{value}”一列导出时已遮盖（共 {records} 条），不同的人可能遮盖成同一个号码，按人数去重的指标无法给出。请用 zytalent records --pseudonymize 重新导出。",
        "The column '{value}' was exported masked ({records} records): two people can share a masked number, so figures counting people are not given. Export again with zytalent records --pseudonymize.",
    ),
)
FILE_SKIPPED = Code(
    "file_skipped",
    "file",
    "info",
    name=Text("非表格文件", "not a spreadsheet"),
    message=Text(
        "不是表格文件（{suffix}），已跳过。",
        "Not a spreadsheet ({suffix}); skipped.",
    ),
    not_used=Text("个非表格文件", "files that are not spreadsheets"),
)
DOCUMENT_NO_LEDGER = Code(
    "document_no_ledger",
    "file",
    "info",
    name=Text("文档中没有台账表格", "no ledger table"),
    message=Text(
        "Word 文档中没有与台账表头相符的表格，未读取（如是说明或公函，可不理会）。如其中有台账，请使用模板的表头。",
        "No table in this Word document matches a ledger's headers; it was not read (a letter or a note needs nothing). If it holds a ledger, use the template's headers.",
    ),
)
FILE_SAVE_AS = Code(
    "file_save_as",
    "file",
    "warning",
    name=Text("请另存为 .xlsx 或 .docx", "save as .xlsx or .docx"),
    message=Text(
        "{suffix} 文件中的表格无法直接读取，其中的记录未计入统计数。请用 Word、WPS 或 Excel 打开后另存为 .xlsx 或 .docx 再提交。",
        "Tables in a {suffix} file cannot be read, so its records are not in the figures. Open it in Word, WPS or Excel, save it as .xlsx or .docx and resend it.",
    ),
)
FILE_SKIPPED_TEMPORARY = Code(
    "file_skipped_temporary",
    "file",
    "info",
    name=Text("临时或隐藏文件", "lock or hidden file"),
    message=Text(
        "Excel 的临时（锁定）文件或隐藏文件，已跳过。",
        "An Excel lock file or a hidden file; skipped.",
    ),
    not_used=Text("个临时或隐藏文件", "lock or hidden files"),
)
FILE_DUPLICATE = Code(
    "file_duplicate",
    "file",
    "warning",
    name=Text("重复提交的文件", "file sent twice"),
    message=Text(
        "与 {other} 的内容逐字节相同（同一文件提交了两次？），未重复计入。确需两份时请核对。",
        "Byte for byte the same as {other} (the same file sent twice?); it is not counted again. Check if two copies were meant.",
    ),
    not_used=Text("个重复提交的文件", "files sent twice"),
)
CSV_RAGGED_ROWS = Code(
    "csv_ragged_rows",
    "file",
    "warning",
    name=Text("行的列数不齐", "ragged rows"),
    message=Text(
        "第 {rows} 行的列数多于其他行（可能多了分隔符或未加引号的逗号），多出的单元格未读取，请检查。",
        "Rows {rows} have more cells than the others (an extra delimiter or an unquoted comma?); the extra cells were not read. Check them.",
    ),
)

# a worksheet
FORMULA_WITHOUT_VALUE = Code(
    "formula_without_value",
    "sheet",
    "warning",
    name=Text("公式没有结果", "formula without a value"),
    message=Text(
        "单元格 {cells} 有公式但没有计算结果（文件未经 Excel 保存）。zytalent 不计算公式，这些单元格按空白处理。请在 Excel 中打开、保存后再提交。",
        "Cells {cells} hold formulas without a computed value (the file was not saved by Excel). zytalent does not evaluate formulas and reads them as empty. Open and save the file in Excel, then resend it.",
    ),
)
SHEET_SKIPPED = Code(
    "sheet_skipped",
    "sheet",
    "info",
    name=Text("非台账工作表", "not a ledger sheet"),
    message=Text(
        "工作表“{sheet}”不是台账，已跳过。",
        "Worksheet '{sheet}' is not a ledger; skipped.",
    ),
    not_used=Text("个非台账工作表", "worksheets that are not ledgers"),
)
SHEET_HIDDEN = Code(
    "sheet_hidden",
    "sheet",
    "warning",
    name=Text("隐藏工作表未计入", "hidden sheet not counted"),
    message=Text(
        "工作表“{sheet}”是隐藏的（常为草稿或旧版本），看起来是一份{title}，未计入。确需计入时请取消隐藏，或加 --include-hidden。",
        "Worksheet '{sheet}' is hidden (usually a draft or an old copy); it looks like a {title} ledger and was not counted. Unhide it, or pass --include-hidden, if it should count.",
    ),
    not_used=Text("个隐藏工作表", "hidden worksheets"),
)
SHEET_REPLACED = Code(
    "sheet_replaced",
    "sheet",
    "info",
    name=Text("已由新版本取代", "replaced by a later version"),
    message=Text(
        "工作表“{sheet}”的{title}已由后来报送的版本取代，不计入。",
        "The {title} ledger of worksheet '{sheet}' was replaced by a version sent later; not counted.",
    ),
    not_used=Text("个已由新版本取代的工作表", "worksheets replaced by a later version"),
)
KIND_AMBIGUOUS = Code(
    "kind_ambiguous",
    "sheet",
    "error",
    name=Text("台账类型不明", "ambiguous kind"),
    message=Text(
        "表头同时符合多种台账（{kinds}），请用 --kind 指定。",
        "The header fits several ledger kinds ({kinds}); say which with --kind.",
    ),
)
ROWS_HIDDEN = Code(
    "rows_hidden",
    "sheet",
    "info",
    name=Text("隐藏行已计入", "hidden rows counted"),
    message=Text(
        "第 {rows} 行在 Excel 中是隐藏的（筛选或手动隐藏），仍按数据读取并计入。",
        "Rows {rows} are hidden in Excel (by a filter or by hand); they are read and counted like the others.",
    ),
)
LAYOUT_MONTHS = Code(
    "layout_months",
    "sheet",
    "info",
    name=Text("按月分列", "one column per month"),
    message=Text(
        "按“每月一列”读取：{months}，共 {records} 条记录（空白或为 0 的单元格不是记录）。",
        "Read as one column per month: {months}; {records} records (blank or zero cells are not records).",
    ),
)
PERIOD_FROM_SHEET = Code(
    "period_from_sheet",
    "sheet",
    "info",
    name=Text("月份取自表名", "period from the sheet"),
    message=Text(
        "表中没有“{header}”列，按{source}“{text}”取为 {period}。",
        "The sheet has no '{header}' column; {period} is taken from the {source} '{text}'.",
    ),
)
MONTH_YEAR_UNKNOWN = Code(
    "month_year_unknown",
    "sheet",
    "error",
    name=Text("月份缺年份", "month without a year"),
    message=Text(
        "月份列（{months}）没有写年份，标题、工作表名和文件名中也找不到年份，无法读取。请把表头写成“2023年1月”，或在标题中写明年份。",
        "The month columns ({months}) name no year, and neither do the title, the sheet name or the file name, so they cannot be read. Write the headers as 2023年1月 or put the year in the title.",
    ),
)
FORM_READ = Code(
    "form_read",
    "sheet",
    "info",
    name=Text("按一人一表读取", "read as a form"),
    message=Text(
        "按“一人一表”读取：标签旁的 {fields} 个单元格是一条记录。",
        "Read as a form (one person a sheet): the {fields} cells beside their labels are one record.",
    ),
)
COUNT_ONE_PER_ROW = Code(
    "count_one_per_row",
    "sheet",
    "info",
    name=Text("每行计一次", "one per row"),
    message=Text(
        "表中没有“{header}”列，按每行一次（一行即一餐）计数。如一行不止一餐，请加上“{header}”列。",
        "The sheet has no '{header}' column; each row counts once (one row, one meal). Add a '{header}' column if a row holds more.",
    ),
)
ROWS_COLUMN_NUMBERS = Code(
    "rows_column_numbers",
    "sheet",
    "info",
    name=Text("栏次行", "column-number row"),
    message=Text(
        "第 {rows} 行是栏次（甲、乙、丙……或 1、2、3……，为各列编号），不是记录，已跳过。",
        "Row {rows} numbers the columns (甲 乙 丙 … or 1 2 3 …, a 栏次 row); it is no record and was skipped.",
    ),
)
COLUMNS_UNUSED = Code(
    "columns_unused",
    "sheet",
    "info",
    name=Text("未使用的列", "columns not used"),
    message=Text(
        "以下列不属于{title}，未读取：{columns}。",
        "These columns are not part of the {title} ledger and were not read: {columns}.",
    ),
    not_used=Text("个工作表中有未使用的列", "worksheets with columns not used"),
)
ROWS_SKIPPED = Code(
    "rows_skipped",
    "sheet",
    "info",
    name=Text("表尾说明行", "footer lines"),
    message=Text(
        "第 {rows} 行是表尾说明（填表人、注等），不计入数据。",
        "Rows {rows} are footer lines (filled in by, notes); not counted as records.",
    ),
    not_used=Text("个工作表中有表尾说明行", "worksheets with footer lines"),
)
SHEET_SUMMARY = Code(
    "sheet_summary",
    "sheet",
    "warning",
    name=Text("汇总表未重复计入", "summary not counted again"),
    message=Text(
        "“{name}”汇总了{parts}中的记录（{records} 条），是汇总表，未重复计入统计数。{agreement}",
        "'{name}' summarises the records of {parts} ({records} records): it is a summary and is not counted again. {agreement}",
    ),
)

# a column of a sheet
COLUMN_MISSING = Code(
    "column_missing",
    "column",
    "error",
    name=Text("缺少必填列", "required column missing"),
    message=Text(
        "缺少必填列“{column}”（也接受：{aliases}）。请在表头行补上该列。",
        "Required column '{column}' is missing (also accepted: {aliases}). Add it to the header row.",
    ),
)
COLUMN_DUPLICATE = Code(
    "column_duplicate",
    "column",
    "warning",
    name=Text("重复的列", "duplicate column"),
    message=Text(
        "列“{column}”与第 {other} 列表示同一字段，只读取了第一列。",
        "Column '{column}' means the same field as column {other}; only the first was read.",
    ),
)

# a row (a record, a 合计 row)
DUPLICATE_ROW = Code(
    "duplicate_row",
    "row",
    "warning",
    name=Text("疑似重复录入", "identical rows"),
    message=Text(
        "与 {other} 完全相同，可能重复录入；两行都已计入统计数。如属重复，请删除一行。",
        "Identical to {other}; possibly entered twice. Both rows are counted in the figures; delete one if it is a repeat.",
    ),
)
ROW_TOTAL_MISMATCH = Code(
    "row_total_mismatch",
    "cell",
    "warning",
    name=Text("本行合计不符", "row total disagrees"),
    message=Text(
        "本行“{column}”写的是 {stated}，各月相加为 {computed}。{invalid}请核对。",
        "This row's '{column}' states {stated}, but its months add up to {computed}. {invalid}Check it.",
    ),
)
SUMMARY_ROW_UNMATCHED = Code(
    "summary_row_unmatched",
    "row",
    "warning",
    name=Text("汇总表有而分表无", "in the summary only"),
    message=Text(
        "汇总表中的这条记录在各分表中找不到，未计入统计数。如确有此记录，请补入相应分表。",
        "This record of the summary is in none of the parts and is not counted. If it is real, add it to its part.",
    ),
)
SUMMARY_ROW_MISSING = Code(
    "summary_row_missing",
    "row",
    "warning",
    name=Text("汇总表中缺少", "missing from the summary"),
    message=Text(
        "这条记录已计入统计数，但不在汇总表“{summary}”中，请核对汇总表。",
        "This record is counted, but it is not in the summary '{summary}'. Check the summary.",
    ),
)

# cells of a column read informally (a run of rows each)
VALUE_NORMALISED = Code(
    "value_normalised",
    "column",
    "info",
    name=Text("按常见写法读取", "read as commonly written"),
    message=Text(
        "{how}：第 {rows} 行（{count} 处）{examples}。",
        "{how}: rows {rows} ({count} cells){examples}.",
    ),
)
VALUE_AMBIGUOUS = Code(
    "value_ambiguous",
    "column",
    "warning",
    name=Text("写法不明确", "ambiguous value"),
    message=Text(
        "{how}：第 {rows} 行（{count} 处）。",
        "{how}: rows {rows} ({count} cells).",
    ),
)

# one cell
CELL_EMPTY = Code(
    "cell_empty",
    "cell",
    "error",
    name=Text("必填项为空", "empty required cell"),
    message=Text("必填项为空，请填写。", "This required cell is empty; fill it in."),
)
NOT_A_NUMBER = Code(
    "not_a_number",
    "cell",
    "error",
    name=Text("不是数字", "not a number"),
    message=Text(
        "“{value}”不是数字，请只填数字。",
        "'{value}' is not a number; enter digits only.",
    ),
)
NOT_INTEGER = Code(
    "not_integer",
    "cell",
    "error",
    name=Text("不是整数", "not a whole number"),
    message=Text("应为整数，不能有小数。", "Must be a whole number."),
)
BELOW_MINIMUM = Code(
    "below_minimum",
    "cell",
    "error",
    name=Text("小于下限", "below the minimum"),
    message=Text("应不小于 {minimum}。", "Must be at least {minimum}."),
)
NEGATIVE = Code(
    "negative",
    "cell",
    "error",
    name=Text("负数", "negative"),
    message=Text("不能为负数。", "Must not be negative."),
)
TOO_LARGE = Code(
    "too_large",
    "cell",
    "error",
    name=Text("数值过大", "implausibly large"),
    message=Text(
        "“{value}”大得不合常理，请核对单位和数位。",
        "'{value}' is implausibly large; check the unit and the digits.",
    ),
)
MONEY_PRECISION = Code(
    "money_precision",
    "cell",
    "error",
    name=Text("金额超过两位小数", "fractions of a fen"),
    message=Text(
        "金额精确到分（两位小数），“{value}”超出了精度。",
        "Amounts are exact to the fen (two decimals); '{value}' has more.",
    ),
)
NOT_A_DATE = Code(
    "not_a_date",
    "cell",
    "error",
    name=Text("不是日期", "not a date"),
    message=Text(
        "“{value}”不是有效日期。请写成 2023-03-15 或 2023年3月15日。",
        "'{value}' is not a valid date. Write it as 2023-03-15 or 2023年3月15日.",
    ),
)
DATE_AMBIGUOUS = Code(
    "date_ambiguous",
    "cell",
    "error",
    name=Text("月份有歧义", "ambiguous month"),
    message=Text(
        "“{value}”是数字格式，无法区分月份（如 2023.1 与 2023.10）。请把该列设为文本后填写 2023-03。",
        "'{value}' is stored as a number, so the month is ambiguous (2023.1 or 2023.10?). Format the column as text and enter 2023-03.",
    ),
)
DATE_IN_FUTURE = Code(
    "date_in_future",
    "cell",
    "error",
    name=Text("日期晚于今天", "date after today"),
    message=Text(
        "日期“{value}”晚于今天，应是笔误（年份或月份写错？），请改正。",
        "The date '{value}' is after today: a typo in the year or month? Correct it.",
    ),
)
VALUE_NOT_ALLOWED = Code(
    "value_not_allowed",
    "cell",
    "error",
    name=Text("不是允许的值", "value not allowed"),
    message=Text(
        "“{value}”不是允许的值。可填：{allowed}。",
        "'{value}' is not an allowed value. Allowed: {allowed}.",
    ),
)
ID_NUMBER_AS_NUMBER = Code(
    "id_number_as_number",
    "cell",
    "error",
    name=Text("身份证号被存成数字", "ID number stored as a number"),
    message=Text(
        "身份证号被 Excel 存成了数字（{value}），后几位已丢失，无法恢复。请把该列设置为文本格式后重新录入。",
        "Excel stored the ID number as a number ({value}); its last digits are lost and cannot be recovered. Format the column as text and re-enter it.",
    ),
)
ID_FORMAT = Code(
    "id_format",
    "cell",
    "error",
    name=Text("身份证号格式不对", "ID number format"),
    message=Text(
        "身份证号应为 18 位：17 位数字加 1 位数字或 X。",
        "An ID number has 18 characters: 17 digits, then a digit or X.",
    ),
)
ID_BIRTH_DATE = Code(
    "id_birth_date",
    "cell",
    "error",
    name=Text("身份证号出生日期不对", "ID number birth date"),
    message=Text(
        "身份证号中的出生日期 {birth} 不存在或在将来，请核对。",
        "The birth date {birth} inside the ID number is not a real past date; check the number.",
    ),
)
ID_REGION = Code(
    "id_region",
    "cell",
    "error",
    name=Text("身份证号省份代码不对", "ID number province"),
    message=Text(
        "身份证号前两位“{prefix}”不是任何省级行政区的代码（GB/T 2260），请核对号码。",
        "The ID number starts with '{prefix}', which is no province's code (GB/T 2260); check the number.",
    ),
)
ID_CHECKSUM = Code(
    "id_checksum",
    "cell",
    "error",
    name=Text("身份证号校验位不符", "ID number check character"),
    message=Text(
        "身份证号校验位不符（应为 {expected}），请核对号码是否抄错。",
        "The ID number's check character is wrong (expected {expected}); check for a typing error.",
    ),
)
USCC_FORMAT = Code(
    "uscc_format",
    "cell",
    "error",
    name=Text("信用代码格式不对", "credit code format"),
    message=Text(
        "统一社会信用代码应为 18 位：第 1 位为登记管理部门代码（1–9、A、N、Y），第 3–8 位为行政区划数字，其余为数字和大写字母（不含 I、O、S、V、Z）。",
        "A unified social credit code has 18 characters: a registration authority (1-9, A, N, Y) first, six digits of the region in places 3-8, the rest digits and capitals except I, O, S, V, Z.",
    ),
)
USCC_CHECKSUM = Code(
    "uscc_checksum",
    "cell",
    "error",
    name=Text("信用代码校验位不符", "credit code check character"),
    message=Text(
        "统一社会信用代码校验位不符（应为 {expected}），请核对。",
        "The credit code's check character is wrong (expected {expected}); check it.",
    ),
)
PHONE_FORMAT = Code(
    "phone_format",
    "cell",
    "error",
    name=Text("手机号不对", "mobile number"),
    message=Text(
        "手机号应为 11 位数字，以 13–19 开头。",
        "A mobile number has 11 digits starting with 13 to 19.",
    ),
)
END_BEFORE_START = Code(
    "end_before_start",
    "cell",
    "error",
    name=Text("结束早于开始", "end before start"),
    message=Text(
        "结束日期早于开始日期（{start}）。",
        "The end date is before the start date ({start}).",
    ),
)
AFTER_YEAR = Code(
    "after_year",
    "cell",
    "warning",
    name=Text("晚于本年", "after the year"),
    message=Text(
        "日期在 {year} 年之后，不计入 {year} 年底的累计数。",
        "Dated after {year}; not counted in the total at the end of {year}.",
    ),
)
OUTSIDE_YEAR = Code(
    "outside_year",
    "cell",
    "warning",
    name=Text("不在本年", "outside the year"),
    message=Text(
        "日期不在 {year} 年内，不计入 {year} 年统计。",
        "Dated outside {year}; not counted towards {year}.",
    ),
)

# records compared across the rows and files of a ledger
DUPLICATE_PERSON = Code(
    "duplicate_person",
    "across",
    "error",
    name=Text("同一人重复", "the same person twice"),
    message=Text(
        "同一人（身份证号相同）在本台账中重复出现，另见 {other}。请删除重复行。",
        "The same person (same ID number) appears again in this ledger; see also {other}. Remove the duplicate.",
    ),
)
DUPLICATE_VALUE = Code(
    "duplicate_value",
    "across",
    "error",
    name=Text("应唯一的值重复", "duplicate value"),
    message=Text(
        "“{column}”应唯一，另见 {other}。",
        "'{column}' must be unique; see also {other}.",
    ),
)

# what zytalent wrote, not what it read
ANNOTATE_FAILED = Code(
    "annotate_failed",
    "output",
    "warning",
    name=Text("标注副本未写出", "annotated copy not written"),
    message=Text(
        "无法为该文件写出标注副本，其他文件的副本照常写出。请直接按问题清单修改原文件。",
        "No annotated copy could be written for this file; the other files' copies were written. Correct the original from the list of findings.",
    ),
)
ANNOTATE_NOT_WRITTEN = Code(
    "annotate_not_written",
    "output",
    "warning",
    name=Text("标注副本无法写入", "annotated copy could not be saved"),
    message=Text(
        "标注副本 {path} 未能写出：{reason}。问题已在本报告中列出；请腾出空间或换一个文件夹（--annotate）后重试。",
        "The annotated copy {path} was not written: {reason}. The findings are in this report; free some space or choose another folder (--annotate) and try again.",
    ),
)
