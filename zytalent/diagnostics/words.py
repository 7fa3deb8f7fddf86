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
