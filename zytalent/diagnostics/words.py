"""The words of tables and exports, said one way everywhere (column headers and the
like); messages about findings are in messages.py."""

from __future__ import annotations

from zytalent.diagnostics.i18n import Text

FIGURE = Text("指标", "figure")
UNIT = Text("单位", "unit")
FILE = Text("文件", "file")
VALUE = Text("数值", "value")
SHEET = Text("工作表", "sheet")
LEDGER = Text("台账", "ledger")
WHERE = Text("位置", "where")
LIST_SEPARATOR = Text("；", "; ")
RECORDS = Text("记录数", "records")
ROW = Text("行", "row")
FIGURE_ID_SHORT = Text("编号", "id")
LEVEL = Text("级别", "level")
FIGURE_ID = Text("指标代码", "figure id")
FIGURES_TITLE = Text("指标", "Figures")
CHANGE = Text("增减", "change")
TOTAL = Text("合计", "total")  # a column or a row of totals
TOTAL_AT_START = Text("合计", "Total")  # the same, first word of a line
ROW_NUMBER = Text("第 {row} 行", "row {row}")  # where a record is: 第 12 行
CHARTS_HEADING = Text("图表", "Charts")  # the report's section of charts
ALL_FIGURES = Text("指标一览", "All figures")  # the report's section of figure tables
