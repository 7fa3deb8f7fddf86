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
    "file_unreadable": Text(
        "无法读取该文件（{reason}）。请用 Excel 打开确认文件完好后另存为 .xlsx 再提交。",
        "The file cannot be read ({reason}). Open it in Excel, check it, save it as .xlsx and resend it.",
    ),
    "file_encrypted": Text(
        "工作簿设置了打开密码，无法读取。请去掉密码（文件 › 信息 › 保护工作簿）后重新提交。",
        "The workbook is password-protected. Remove the password (File › Info › Protect Workbook) and resend it.",
    ),
    # the one code for a file too large to read; the reason says which bound it passed
    "file_too_large": Text("{reason}", "{reason}"),
    "file_read_stopped": Text(
        "该文件{reason}，已停止读取，其他文件照常读取。文件可能已损坏或内容异常：请用 Excel 打开检查后另存为 .xlsx 再提交；确属正常的大文件时，可用环境变量 ZYTALENT_READ_SECONDS 或 ZYTALENT_READ_MEMORY_MB 调高上限。",
        "Reading this file was stopped: {reason}; the other files were read. It may be damaged or odd inside: open it in Excel, check it and save it as .xlsx; if it is a genuine large file, raise the limit with ZYTALENT_READ_SECONDS or ZYTALENT_READ_MEMORY_MB.",
    ),
    "file_unsafe_xml": Text(
        "工作簿内部 {part} 含有 XML 实体定义（DTD），正常的 Excel 文件不会这样，已拒绝读取。请用 Excel 另存为新文件后提交。",
        "Part {part} of the workbook declares XML entities (a DTD), which no genuine Excel file does; it was not read. Save it again from Excel and resend it.",
    ),
    "formula_without_value": Text(
        "单元格 {cells} 有公式但没有计算结果（文件未经 Excel 保存）。zytalent 不计算公式，这些单元格按空白处理。请在 Excel 中打开、保存后再提交。",
        "Cells {cells} hold formulas without a computed value (the file was not saved by Excel). zytalent does not evaluate formulas and reads them as empty. Open and save the file in Excel, then resend it.",
    ),
    "csv_ragged_rows": Text(
        "第 {rows} 行的列数多于其他行（可能多了分隔符或未加引号的逗号），多出的单元格未读取，请检查。",
        "Rows {rows} have more cells than the others (an extra delimiter or an unquoted comma?); the extra cells were not read. Check them.",
    ),
    "file_duplicate": Text(
        "与 {other} 的内容逐字节相同（同一文件提交了两次？），未重复计入。确需两份时请核对。",
        "Byte for byte the same as {other} (the same file sent twice?); it is not counted again. Check if two copies were meant.",
    ),
    "file_no_ledger": Text(
        "文件中没有可识别的台账工作表（前 15 行内未找到与任何台账表头相符的行）。请使用 zytalent template 生成的模板。",
        "No worksheet in this file looks like a ledger (no row among the first 15 matches a ledger's headers). Use a template from `zytalent template`.",
    ),
    "file_skipped": Text(
        "不是表格文件（{suffix}），已跳过。",
        "Not a spreadsheet ({suffix}); skipped.",
    ),
    "document_no_ledger": Text(
        "Word 文档中没有与台账表头相符的表格，未读取（如是说明或公函，可不理会）。如其中有台账，请使用模板的表头。",
        "No table in this Word document matches a ledger's headers; it was not read (a letter or a note needs nothing). If it holds a ledger, use the template's headers.",
    ),
    "file_not_regular": Text(
        "不是普通文件（管道、设备或套接字），未读取。请提交文件本身。",
        "Not a regular file (a pipe, a device or a socket); it was not read. Send the file itself.",
    ),
    "folder_unreadable": Text(
        "无法读取该文件夹（{reason}），其中的文件未读取。",
        "The folder cannot be read ({reason}); the files in it were not read.",
    ),
    "folder_link_skipped": Text(
        "这是指向别处的文件夹链接，未跟随读取（以免循环）。如需读取，请直接给出它指向的文件夹。",
        "A link to a folder elsewhere; it is not followed (it could loop). Name the folder it points to to read it.",
    ),
    "records_not_ledger": Text(
        "这个 Parquet 文件的列不属于任何一种台账，不是 zytalent records 导出的记录，未计入统计数。",
        "The columns of this Parquet file are no ledger's: it is not records exported by zytalent records, and nothing of it is counted.",
    ),
    "records_masked": Text(
        "“{value}”一列导出时已遮盖（共 {records} 条），不同的人可能遮盖成同一个号码，按人数去重的指标无法给出。请用 zytalent records --pseudonymize 重新导出。",
        "The column '{value}' was exported masked ({records} records): two people can share a masked number, so figures counting people are not given. Export again with zytalent records --pseudonymize.",
    ),
    "file_save_as": Text(
        "{suffix} 文件中的表格无法直接读取，其中的记录未计入统计数。请用 Word、WPS 或 Excel 打开后另存为 .xlsx 或 .docx 再提交。",
        "Tables in a {suffix} file cannot be read, so its records are not in the figures. Open it in Word, WPS or Excel, save it as .xlsx or .docx and resend it.",
    ),
    "file_format_old": Text(
        "这是 {format} 格式的文件，格式过旧，无法读取。请用 Excel 或 WPS 打开后另存为 .xlsx 再提交。",
        "This is an {format} file, a format too old to read. Open it in Excel or WPS and save it as .xlsx, then resend it.",
    ),
    "annotate_failed": Text(
        "无法为该文件写出标注副本，其他文件的副本照常写出。请直接按问题清单修改原文件。",
        "No annotated copy could be written for this file; the other files' copies were written. Correct the original from the list of findings.",
    ),
    "sheet_macro_skipped": Text(
        "工作表“{sheet}”是 Excel 4.0 宏表，不是数据表，未读取；其他工作表照常读取。",
        "Sheet '{sheet}' is an Excel 4.0 macro sheet, not data; it was not read, the other sheets were.",
    ),
    "annotate_not_written": Text(
        "标注副本 {path} 未能写出：{reason}。问题已在本报告中列出；请腾出空间或换一个文件夹（--annotate）后重试。",
        "The annotated copy {path} was not written: {reason}. The findings are in this report; free some space or choose another folder (--annotate) and try again.",
    ),
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
    "file_skipped_temporary": Text(
        "Excel 的临时（锁定）文件或隐藏文件，已跳过。",
        "An Excel lock file or a hidden file; skipped.",
    ),
    "sheet_hidden": Text(
        "工作表“{sheet}”是隐藏的（常为草稿或旧版本），看起来是一份{title}，未计入。确需计入时请取消隐藏，或加 --include-hidden。",
        "Worksheet '{sheet}' is hidden (usually a draft or an old copy); it looks like a {title} ledger and was not counted. Unhide it, or pass --include-hidden, if it should count.",
    ),
    "rows_hidden": Text(
        "第 {rows} 行在 Excel 中是隐藏的（筛选或手动隐藏），仍按数据读取并计入。",
        "Rows {rows} are hidden in Excel (by a filter or by hand); they are read and counted like the others.",
    ),
    "columns_unused": Text(
        "以下列不属于{title}，未读取：{columns}。",
        "These columns are not part of the {title} ledger and were not read: {columns}.",
    ),
    "layout_months": Text(
        "按“每月一列”读取：{months}，共 {records} 条记录（空白或为 0 的单元格不是记录）。",
        "Read as one column per month: {months}; {records} records (blank or zero cells are not records).",
    ),
    "period_from_sheet": Text(
        "表中没有“{header}”列，按{source}“{text}”取为 {period}。",
        "The sheet has no '{header}' column; {period} is taken from the {source} '{text}'.",
    ),
    "month_year_unknown": Text(
        "月份列（{months}）没有写年份，标题、工作表名和文件名中也找不到年份，无法读取。请把表头写成“2023年1月”，或在标题中写明年份。",
        "The month columns ({months}) name no year, and neither do the title, the sheet name or the file name, so they cannot be read. Write the headers as 2023年1月 or put the year in the title.",
    ),
    "sheet_skipped": Text(
        "工作表“{sheet}”不是台账，已跳过。",
        "Worksheet '{sheet}' is not a ledger; skipped.",
    ),
    "kind_ambiguous": Text(
        "表头同时符合多种台账（{kinds}），请用 --kind 指定。",
        "The header fits several ledger kinds ({kinds}); say which with --kind.",
    ),
    "did_you_mean": Text("你是不是要找：{names}？", "Did you mean: {names}? "),
    "kind_unknown": Text(
        "未知的台账类型：{kind}。{suggest}可选：{kinds}",
        "Unknown ledger kind: {kind}. {suggest}Known: {kinds}",
    ),
    "column_missing": Text(
        "缺少必填列“{column}”（也接受：{aliases}）。请在表头行补上该列。",
        "Required column '{column}' is missing (also accepted: {aliases}). Add it to the header row.",
    ),
    "column_duplicate": Text(
        "列“{column}”与第 {other} 列表示同一字段，只读取了第一列。",
        "Column '{column}' means the same field as column {other}; only the first was read.",
    ),
    "rows_skipped": Text(
        "第 {rows} 行是表尾说明（填表人、注等），不计入数据。",
        "Rows {rows} are footer lines (filled in by, notes); not counted as records.",
    ),
    # cells
    "cell_empty": Text("必填项为空，请填写。", "This required cell is empty; fill it in."),
    "not_a_number": Text(
        "“{value}”不是数字，请只填数字。",
        "'{value}' is not a number; enter digits only.",
    ),
    "not_integer": Text("应为整数，不能有小数。", "Must be a whole number."),
    "below_minimum": Text("应不小于 {minimum}。", "Must be at least {minimum}."),
    "negative": Text("不能为负数。", "Must not be negative."),
    "too_large": Text(
        "“{value}”大得不合常理，请核对单位和数位。",
        "'{value}' is implausibly large; check the unit and the digits.",
    ),
    "money_precision": Text(
        "金额精确到分（两位小数），“{value}”超出了精度。",
        "Amounts are exact to the fen (two decimals); '{value}' has more.",
    ),
    "not_a_date": Text(
        "“{value}”不是有效日期。请写成 2023-03-15 或 2023年3月15日。",
        "'{value}' is not a valid date. Write it as 2023-03-15 or 2023年3月15日.",
    ),
    "date_ambiguous": Text(
        "“{value}”是数字格式，无法区分月份（如 2023.1 与 2023.10）。请把该列设为文本后填写 2023-03。",
        "'{value}' is stored as a number, so the month is ambiguous (2023.1 or 2023.10?). Format the column as text and enter 2023-03.",
    ),
    "value_not_allowed": Text(
        "“{value}”不是允许的值。可填：{allowed}。",
        "'{value}' is not an allowed value. Allowed: {allowed}.",
    ),
    "id_number_as_number": Text(
        "身份证号被 Excel 存成了数字（{value}），后几位已丢失，无法恢复。请把该列设置为文本格式后重新录入。",
        "Excel stored the ID number as a number ({value}); its last digits are lost and cannot be recovered. Format the column as text and re-enter it.",
    ),
    "id_format": Text(
        "身份证号应为 18 位：17 位数字加 1 位数字或 X。",
        "An ID number has 18 characters: 17 digits, then a digit or X.",
    ),
    "id_birth_date": Text(
        "身份证号中的出生日期 {birth} 不存在或在将来，请核对。",
        "The birth date {birth} inside the ID number is not a real past date; check the number.",
    ),
    "id_region": Text(
        "身份证号前两位“{prefix}”不是任何省级行政区的代码（GB/T 2260），请核对号码。",
        "The ID number starts with '{prefix}', which is no province's code (GB/T 2260); check the number.",
    ),
    "id_region_unknown": Text(
        "身份证号前六位 {region} 不在任何一版行政区划代码（GB/T 2260）中，请核对号码是否抄错。",
        "The region code {region} at the start of the ID number is in no edition of GB/T 2260; check for a typing error.",
    ),
    "id_checksum": Text(
        "身份证号校验位不符（应为 {expected}），请核对号码是否抄错。",
        "The ID number's check character is wrong (expected {expected}); check for a typing error.",
    ),
    "uscc_format": Text(
        "统一社会信用代码应为 18 位：第 1 位为登记管理部门代码（1–9、A、N、Y），第 3–8 位为行政区划数字，其余为数字和大写字母（不含 I、O、S、V、Z）。",
        "A unified social credit code has 18 characters: a registration authority (1-9, A, N, Y) first, six digits of the region in places 3-8, the rest digits and capitals except I, O, S, V, Z.",
    ),
    "uscc_checksum": Text(
        "统一社会信用代码校验位不符（应为 {expected}），请核对。",
        "The credit code's check character is wrong (expected {expected}); check it.",
    ),
    "phone_format": Text(
        "手机号应为 11 位数字，以 13–19 开头。",
        "A mobile number has 11 digits starting with 13 to 19.",
    ),
    # rows and ledgers
    "duplicate_person": Text(
        "同一人（身份证号相同）在本台账中重复出现，另见 {other}。请删除重复行。",
        "The same person (same ID number) appears again in this ledger; see also {other}. Remove the duplicate.",
    ),
    "duplicate_value": Text(
        "“{column}”应唯一，另见 {other}。",
        "'{column}' must be unique; see also {other}.",
    ),
    "text_garbled": Text(
        "“{value}”含有问号或乱码字符，可能是文件另存或转换编码时丢失了汉字。请对照原始记录改正。",
        "'{value}' holds question marks or replacement characters: characters were probably lost when the file was saved or converted. Correct it from the original record.",
    ),
    "duplicate_row": Text(
        "与 {other} 完全相同，可能重复录入；两行都已计入统计数。如属重复，请删除一行。",
        "Identical to {other}; possibly entered twice. Both rows are counted in the figures; delete one if it is a repeat.",
    ),
    "form_read": Text(
        "按“一人一表”读取：标签旁的 {fields} 个单元格是一条记录。",
        "Read as a form (one person a sheet): the {fields} cells beside their labels are one record.",
    ),
    "count_one_per_row": Text(
        "表中没有“{header}”列，按每行一次（一行即一餐）计数。如一行不止一餐，请加上“{header}”列。",
        "The sheet has no '{header}' column; each row counts once (one row, one meal). Add a '{header}' column if a row holds more.",
    ),
    "rows_column_numbers": Text(
        "第 {rows} 行是栏次（甲、乙、丙……或 1、2、3……，为各列编号），不是记录，已跳过。",
        "Row {rows} numbers the columns (甲 乙 丙 … or 1 2 3 …, a 栏次 row); it is no record and was skipped.",
    ),
    "value_normalised": Text(
        "{how}：第 {rows} 行（{count} 处）{examples}。",
        "{how}: rows {rows} ({count} cells){examples}.",
    ),
    "value_ambiguous": Text(
        "{how}：第 {rows} 行（{count} 处）。",
        "{how}: rows {rows} ({count} cells).",
    ),
    "sheet_summary": Text(
        "“{name}”汇总了{parts}中的记录（{records} 条），是汇总表，未重复计入统计数。{agreement}",
        "'{name}' summarises the records of {parts} ({records} records): it is a summary and is not counted again. {agreement}",
    ),
    "summary_row_unmatched": Text(
        "汇总表中的这条记录在各分表中找不到，未计入统计数。如确有此记录，请补入相应分表。",
        "This record of the summary is in none of the parts and is not counted. If it is real, add it to its part.",
    ),
    "summary_row_missing": Text(
        "这条记录已计入统计数，但不在汇总表“{summary}”中，请核对汇总表。",
        "This record is counted, but it is not in the summary '{summary}'. Check the summary.",
    ),
    "end_before_start": Text(
        "结束日期早于开始日期（{start}）。",
        "The end date is before the start date ({start}).",
    ),
    "after_year": Text(
        "日期在 {year} 年之后，不计入 {year} 年底的累计数。",
        "Dated after {year}; not counted in the total at the end of {year}.",
    ),
    "outside_year": Text(
        "日期不在 {year} 年内，不计入 {year} 年统计。",
        "Dated outside {year}; not counted towards {year}.",
    ),
    "total_mismatch_invalid": Text(
        "合计行写的是 {stated}，有效各行相加为 {computed}；第 {rows} 行的该列数值无效，未计入。{agrees}",
        "The total row states {stated}; the valid rows add up to {computed}. Rows {rows} hold invalid values in this column and were not added. {agrees}",
    ),
    "row_total_mismatch": Text(
        "本行“{column}”写的是 {stated}，各月相加为 {computed}。{invalid}请核对。",
        "This row's '{column}' states {stated}, but its months add up to {computed}. {invalid}Check it.",
    ),
    "date_in_future": Text(
        "日期“{value}”晚于今天，应是笔误（年份或月份写错？），请改正。",
        "The date '{value}' is after today: a typo in the year or month? Correct it.",
    ),
    "total_count_mismatch": Text(
        "合计行写的是 {stated}，实有记录 {computed} 条，请核对。",
        "The total row states {stated}, but there are {computed} records; check it.",
    ),
    "total_mismatch": Text(
        "合计行写的是 {stated}，各行相加为 {computed}，请核对。",
        "The total row states {stated}, but the rows add up to {computed}; check it.",
    ),
    "elder_under_60": Text(
        "按身份证号，该老人在就餐日期时 {age} 岁，不满 {minimum} 岁，请核对。",
        "By the ID number this person was {age} on that date, under {minimum}; check it.",
    ),
}
