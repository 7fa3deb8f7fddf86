"""The command line in the user's language: help texts and the usage errors that click
and typer raise themselves ("No such command", "Missing argument").

The help texts are written in English in the command modules; help_screen shows each in
the run's language, by its translation below. Usage errors are caught where the command
line starts and shown by help_screen, their English words translated by the patterns
below. Nothing of typer or click is patched: the group and command classes of cli/classes.py
are the `cls` typer takes for this. A test checks that every help text has a translation, so
Chinese help never falls back to English.
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence

HELP_ZH: dict[str, str] = {
    "Read, check and add up county talent and elderly-care ledgers (台账).": "读取、检查并汇总县里的人才工作与养老服务台账。",
    "Show the version.": "显示版本号。",
    # options every command shares
    "Language of labels and messages (zh or en).": "界面和提示的语言（zh 中文，en 英文）。",
    "Show a traceback when zytalent itself fails.": "zytalent 自身出错时显示详细的出错位置（供报告问题用）。",
    "Output format.": "输出格式。",
    "Treat every worksheet as this ledger kind (see `zytalent ledgers`).": "把每个工作表都按这种台账读取（类型见 zytalent ledgers，可写中文名）。",
    "Refuse workbooks that inflate past this many MB (default 1024, or ZYTALENT_MAX_UNCOMPRESSED_MB).": "工作簿解压后超过这么多 MB 就拒绝读取（默认 1024，也可用环境变量 ZYTALENT_MAX_UNCOMPRESSED_MB）。",
    "Also read hidden worksheets (by default they are drafts and are not counted).": "也读取隐藏的工作表（默认视为草稿，不计入）。",
    "Write to this file instead of the terminal (needed for xlsx).": "写入这个文件，而不是显示在屏幕上（xlsx 必须指定）。",
    "Overwrite --output if it exists.": "--output 指定的文件已存在时覆盖它。",
    "Compute from Parquet written by `zytalent records` (a file, folder or glob; may be repeated) instead of ledgers.": "改从 zytalent records 导出的 Parquet 记录计算（文件、文件夹或通配符，可写多次），不读台账。",
    "Leave invalid records out instead of refusing.": "跳过无效记录照常汇总，而不是拒绝输出。",
    "No progress bar while reading large inputs.": "读取大文件时不显示进度条。",
    "Print ID and phone numbers unmasked (they are masked by default).": "完整显示身份证号和手机号（默认遮蔽）。",
    # arguments
    "The year to add up, e.g. 2023.": "要汇总的年份，如 2023 或 2023年。",
    "The year, e.g. 2023.": "年份，如 2023 或 2023年。",
    "The earlier year, e.g. 2022.": "较早的年份，如 2022。",
    "The later year, e.g. 2023.": "较晚的年份，如 2023。",
    "Files or folders to read (default: data/YEAR).": "要读取的文件或文件夹（默认 data/年份）。",
    "Files or folders (searched recursively).": "文件或文件夹（包括其中各层子文件夹）。",
    "A figure id, e.g. hires.sector.education.": "指标编号或名称，如 hires.sector.education 或 教育系统（编号见 zytalent figures）。",
    "One ledger kind, e.g. hires.": "一种台账，如 hires 或 引进人才。",
    "Ledger kinds, e.g. hires meals (see zytalent ledgers).": "台账类型，如 引进人才 养老助餐（见 zytalent ledgers）。",
    "A ledger kind (meals, 养老助餐) or a report section (elderly, 养老).": "一种台账（如 养老助餐）或报告的一个部分（如 养老）。",
    # options of one command
    "Also warn about records dated outside this year.": "同时提示日期不在这一年的记录。",
    "Write a marked-up copy of each file with problems into this folder.": "把每个有问题的文件标注后另存一份到这个文件夹，可直接退回填报单位。",
    "Overwrite annotated copies that exist.": "已有的标注副本直接覆盖。",
    "Findings shown in the table (0: all). JSON has all.": "表格中最多显示多少条问题（0 为全部；JSON 总是全部）。",
    "Records shown in the table (0: all).": "表格中最多显示多少条记录（0 为全部）。",
    "Show each figure's id (what `explain` takes) in the table.": "在表格中显示每个指标的编号（zytalent explain 用）。",
    "Holds one folder per year.": "存放各年份文件夹的目录。",
    "Where the schema files go.": "schema 文件写到哪里。",
    "Write nothing; exit 1 when a schema file is stale.": "只检查不写入；文件过期时退出码为 1。",
    "The .xlsx to write (default: 台账模板_KIND.xlsx here).": "要写出的 .xlsx（默认为当前文件夹下的 台账模板_类型.xlsx）。",
    "Put the year in the title row.": "在标题行写上年份。",
    "Write the Markdown to this file.": "把报告写入这个文件。",
    "md (default), html or docx.": "md（默认）、html 或 docx。",
    "Figures per group beside the total: folder, file, or a column (e.g. 服务点).": "按组列出数字并给出合计：folder（每个下级文件夹，如各县）、file（每个文件）或某一列（如 服务点、乡镇）。",
    "Only this group: a folder right below PATH (e.g. a county).": "只看这一组：路径下的一个文件夹（如某个县）。",
    # records
    "The file to write (.parquet, .csv or .xlsx).": "要写出的文件（.parquet、.csv 或 .xlsx）。",
    "parquet, csv or xlsx (default: from --output).": "parquet、csv 或 xlsx（默认按 --output 的扩展名）。",
    "Replace ID and phone numbers by a keyed hash (ZYTALENT_KEY or --key-file).": "把身份证号和手机号换成带密钥的散列值（密钥来自环境变量 ZYTALENT_KEY 或 --key-file），仍可去重和关联。",
    "A file holding the pseudonymisation key.": "存放散列密钥的文件。",
    "Write ID and phone numbers in full.": "完整写出身份证号和手机号。",
    "Write the validated records of one ledger that count towards the year, for other tools.\n\nOne row per record with its file, sheet and row; dates as dates, money as exact\ndecimals in yuan, choices as code and label. ID and phone numbers are masked, or\nreplaced by a keyed hash with --pseudonymize (distinct counts and joins still work).\n\nExample: zytalent records 养老助餐 2023 --pseudonymize --output meals_2023.parquet": "导出某种台账计入该年的有效记录，供其他工具（DuckDB、Spark、pandas）使用。\n\n每条记录一行，带文件、工作表和行号；日期为日期，金额为精确到分的元，限定值给出代码和名称。身份证号和手机号默认遮蔽，加 --pseudonymize 则换成带密钥的散列值（仍可去重和关联）。\n\n例：zytalent records 养老助餐 2023 --pseudonymize --output meals_2023.parquet",
    # commands
    "Compute the year's headline figures from the ledgers.\n\nReads every ledger under PATH (default data/YEAR), checks it, and prints the figures\nof the annual report. Inputs with errors give no figures (exit 1) unless\n--skip-invalid.\n\n--format csv|xlsx|md|html exports the figures (xlsx: a sheet per section and a sheet of\nsources with each input's SHA-256); --output writes a file instead of the terminal.\n\nExample: zytalent summarize 2023 --format xlsx --output 2023年主要数据.xlsx": "汇总一年的主要数据。\n\n读取路径下的全部台账（默认 data/年份），逐一检查后给出年度报告的各项数字。输入有错误时不给数字（退出码 1），加 --skip-invalid 则跳过无效记录照常汇总。\n\n--format csv|xlsx|md|html 导出（xlsx 每部分一张表，另有一张来源表记录每个文件的 SHA-256）；--output 写入文件。\n\n例：zytalent summarize 2023 --format xlsx --output 2023年主要数据.xlsx",
    "Check ledgers and list every problem with its file, sheet, row and cell.\n\nExit code 0: no errors (warnings allowed); 1: errors in the inputs; 2: misuse.\n\nWith --annotate OUTDIR, a copy of each file with problems is written there, every\noffending cell marked and commented, with a first sheet 问题清单 linking to them.\n\nExample: zytalent validate 收到的台账/ --annotate 退回/": "检查台账，列出每个问题所在的文件、工作表、行和单元格。\n\n退出码 0：没有错误（可有警告）；1：输入有错误；2：命令用法不对。\n\n加 --annotate 文件夹，会把每个有问题的文件另存一份，标出有问题的单元格并加批注，第一张表“问题清单”可点击跳到各单元格。\n\n例：zytalent validate 收到的台账/ --annotate 退回/",
    "List the records that make up one figure, with file › sheet › row, and their total.\n\nWhat a statistician shows an auditor: the total printed at the end equals the figure.\n--format json|csv|xlsx|md|html exports the records (xlsx needs --output).\n\nExample: zytalent explain hires.sector.education 2023 --format csv": "列出组成某个指标的每条记录（文件 › 工作表 › 行）及其合计。\n\n最后的合计等于该指标，可用于核对。指标可写编号，也可写名称或其中一段（如 教育系统）。--format json|csv|xlsx|md|html 导出（xlsx 需要 --output）。\n\n例：zytalent explain 教育系统 2023 --format csv",
    "List every figure id with its label, unit and ledger, for `explain` and `--ids`.\n\nExample: zytalent figures 养老助餐": "列出全部指标的编号、名称、单位和所属台账（zytalent explain 和 --ids 用）。\n\n例：zytalent figures 养老助餐",
    'Show two years\' figures side by side with the change and the percentage change.\n\nReads DATA_DIR/BEFORE and DATA_DIR/AFTER. A figure whose ledger is missing in one year\nshows "—" there.\n\nExample: zytalent compare 2022 2023 --format xlsx --output 2022-2023对比.xlsx': "并列两年的数字，给出增减和增减百分比。\n\n读取 目录/较早年份 和 目录/较晚年份。某年缺少的台账显示为“—”。\n\n例：zytalent compare 2022 2023 --format xlsx --output 2022-2023对比.xlsx",
    "Show the ledger contract: kinds, columns, aliases, allowed values and rules.\n\nExample: zytalent ledgers meals": "显示台账规范：类型、各列、可接受的表头写法、允许的值和规则。\n\n例：zytalent ledgers 养老助餐",
    "Write the data paragraphs of the annual report (Markdown), every number computed.\n\nA figure with no data is left out rather than printed as zero. --lang en writes English.\n--format html writes one self-contained page with the figure tables and a chart for\nevery breakdown (inline SVG, prints on A4); --format docx a Word document (needs --output).\n\nExample: zytalent report 2023 --format html --output 2023年报告.html": "写出年度报告的数据段落（Markdown），每个数字都由台账算出。\n\n没有数据的指标不写，而不是写成零。--lang en 写英文。--format html 生成一个独立网页（含数据表和图表，可在 A4 上打印）；--format docx 生成 Word 文档（需要 --output）。\n\n例：zytalent report 2023 --format html --output 2023年报告.html",
    "Write schemas/<kind>.schema.json (JSON Schema) generated from the ledger models.\n\nExample: zytalent schema --check": "由台账模型生成 schemas/<类型>.schema.json 及 docs/ 下的规范文档。\n\n例：zytalent schema --check",
    "Write an .xlsx template a department can fill in: headers, formats, drop-downs, rules.\n\nExample: zytalent template hires training --year 2024 --output 人才台账模板.xlsx": "生成填报单位可直接填写的 .xlsx 模板：表头、格式、下拉选项和填写规则。\n\n例：zytalent template 引进人才 培训 --year 2024 --output 人才台账模板.xlsx",
    # serve and round
    "Run the collection round in a browser (departments upload, the office sees a board).\n\nExample: zytalent serve --data 报送/": "在浏览器中开展台账报送：各部门上传、修改，人才办看报送看板和实时汇总。\n\n例：zytalent serve --data 报送/",
    "Folder of the round's database and files.": "报送数据（数据库和上传的文件）所在的文件夹（默认 zytalent-data）。",
    "Address to listen on.": "监听的地址（默认只限本机 127.0.0.1）。",
    "Port to listen on.": "监听的端口。",
    "Open a collection round from the command line.\n\nExample: zytalent round open 2023 --departments 部门名单.xlsx": "从命令行开启报送轮次。\n\n例：zytalent round open 2023 --departments 部门名单.xlsx",
    "Open a round: print each department with its upload link.\n\nExample: zytalent round open 2023 --departments 部门名单.xlsx --deadline 2024-01-31": "开启一轮报送：列出每个部门及其上传链接。\n\n例：zytalent round open 2023 --departments 部门名单.xlsx --deadline 2024-01-31",
    "The round's year, e.g. 2023.": "报送的年份，如 2023。",
    "xlsx or csv with the columns 部门 and 台账.": "含“部门”“台账”两列的 xlsx 或 csv 名单。",
    "Deadline, e.g. 2024-01-31.": "截止日期，如 2024-01-31。",
    "The server's address, for the links.": "服务器的网址，用于生成链接。",
    "table or json.": "输出格式：table 或 json。",
}


def language(args: Sequence[str]) -> str:
    """The language of this run: `--lang` among the arguments, else ZYTALENT_LANG, else
    an English locale (LANG=en_*), else Chinese."""
    for position, arg in enumerate(args):
        if arg == "--lang" and position + 1 < len(args):
            return "en" if args[position + 1].lower().startswith("en") else "zh"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1].lower().startswith("en") else "zh"
    chosen = os.environ.get("ZYTALENT_LANG")
    if chosen:
        return "en" if chosen.lower().startswith("en") else "zh"
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable, "")
        if value:
            return "en" if value.lower().startswith("en") else "zh"
    return "zh"


# typer 0.2x's copy of click writes its messages in English without gettext: they are
# translated as shown, by these patterns (in order; the first that matches).
MESSAGE_ZH: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"^No such option: (\S+) \(Possible options: (.+)\)$"),
        r"没有这个选项：\1（可用的选项：\2）",
    ),
    (re.compile(r"^No such option: (\S+)$"), r"没有这个选项：\1"),
    (
        re.compile(r"^No such command '(.+?)'\.+ Did you mean (.+)\?$"),
        r"没有这个命令：'\1'。你是不是要找 \2？",
    ),
    (re.compile(r"^No such command '(.+?)'\.$"), r"没有这个命令：'\1'。"),
    (re.compile(r"^Missing command\.$"), "缺少命令。"),
    (re.compile(r"^Missing argument (.+?)\.(.*)$"), r"缺少参数 \1。\2"),
    (re.compile(r"^Missing option (.+?)\.(.*)$"), r"缺少选项 \1。\2"),
    (re.compile(r"^Missing parameter(.*)$"), r"缺少参数\1"),
    (re.compile(r"^Got unexpected extra argument\(?s?\)? \((.+)\)$"), r"多出了参数（\1）"),
    (re.compile(r"^Option '(.+?)' requires an argument\.$"), r"选项 '\1' 后面需要一个值。"),
    (re.compile(r"^Option '(.+?)' requires (\d+) arguments\.$"), r"选项 '\1' 后面需要 \2 个值。"),
    (re.compile(r"^Option '(.+?)' does not take a value\.$"), r"选项 '\1' 后面不能带值。"),
    (re.compile(r"^Invalid value for (.+?): (.*)$", re.S), r"\1 的值无效：\2"),
    (re.compile(r"^Invalid value: (.*)$", re.S), r"值无效：\1"),
)
INNER_ZH: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"Value error, "), ""),
    (re.compile(r"'(.+?)' is not one of (.+)\.$"), r"'\1' 不是以下之一：\2。"),
    (
        re.compile(r"(?:Value )?'(.+?)' is not a valid (integer|float|path|boolean)\.$"),
        r"'\1' 不是有效的值（\2）。",
    ),
    (re.compile(r"(.+) is not in the range (.+)\.$"), r"\1 不在 \2 范围内。"),
    (re.compile(r"(File|Path|Directory) '(.+?)' does not exist\.$"), r"'\2' 不存在。"),
)


def translate_message(message: str) -> str:
    """A usage error as click or typer words it, in Chinese (unchanged when unknown)."""
    for pattern, replacement in MESSAGE_ZH:
        if pattern.match(message):
            message = pattern.sub(replacement, message, count=1)
            break
    for pattern, replacement in INNER_ZH:
        message = pattern.sub(replacement, message)
    # typer appends its suggestion in English to a message already translated
    message = re.sub(r"。?\.? Did you mean (.+)\?$", r"。你是不是要找 \1？", message)
    return message
