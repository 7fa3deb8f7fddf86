"""`zytalent ledgers` at a terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from zytalent.diagnostics.i18n import Text

KINDS_TITLE = Text("台账类型", "Ledger kinds")
KINDS_HEADERS = (
    Text("类型", "kind"),
    Text("名称", "name"),
    Text("每行", "one row"),
    Text("必填列", "required columns"),
)
COLUMNS_HINT = Text(
    "[dim]某一类型的各列：zytalent ledgers 类型[/]",
    "[dim]Columns of a kind: zytalent ledgers KIND[/]",
)
COLUMNS_HEADERS = (
    Text("表头", "header"),
    Text("也接受", "aliases"),
    Text("字段", "field"),
    Text("必填", "required"),
    Text("类型与规则", "type and rule"),
)


def render_kinds(kinds: list[dict[str, Any]], out: Console) -> None:
    table = Table(title=str(KINDS_TITLE), title_justify="left")
    for header in KINDS_HEADERS:
        table.add_column(str(header), overflow="fold")
    for kind in kinds:
        required = "、".join(c["header"] for c in kind["columns"] if c["required"])
        table.add_row(kind["kind"], kind["title"], kind["rows"], required)
    out.print(table)
    out.print(str(COLUMNS_HINT))


def render_kind(kind: dict[str, Any], out: Console) -> None:
    table = Table(title=f"{kind['kind']} {kind['title']}（{kind['rows']}）", title_justify="left")
    for header in COLUMNS_HEADERS:
        table.add_column(str(header), overflow="fold")
    for column in kind["columns"]:
        table.add_row(
            column["header"],
            "、".join(column["aliases"]),
            column["field"],
            "✓" if column["required"] else "",
            column["rule"],
        )
    out.print(table)
