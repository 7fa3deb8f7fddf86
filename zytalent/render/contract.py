"""`zytalent ledgers` at a terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from zytalent.diagnostics.i18n import pick


def render_kinds(kinds: list[dict[str, Any]], out: Console) -> None:
    table = Table(title=pick("台账类型", "Ledger kinds"), title_justify="left")
    for header in (
        pick("类型", "kind"),
        pick("名称", "name"),
        pick("每行", "one row"),
        pick("必填列", "required columns"),
    ):
        table.add_column(header, overflow="fold")
    for kind in kinds:
        required = "、".join(c["header"] for c in kind["columns"] if c["required"])
        table.add_row(kind["kind"], kind["title"], kind["rows"], required)
    out.print(table)
    out.print(
        pick(
            "[dim]某一类型的各列：zytalent ledgers 类型[/]",
            "[dim]Columns of a kind: zytalent ledgers KIND[/]",
        )
    )


def render_kind(kind: dict[str, Any], out: Console) -> None:
    table = Table(title=f"{kind['kind']} {kind['title']}（{kind['rows']}）", title_justify="left")
    for header in (
        pick("表头", "header"),
        pick("也接受", "aliases"),
        pick("字段", "field"),
        pick("必填", "required"),
        pick("类型与规则", "type and rule"),
    ):
        table.add_column(header, overflow="fold")
    for column in kind["columns"]:
        table.add_row(
            column["header"],
            "、".join(column["aliases"]),
            column["field"],
            "✓" if column["required"] else "",
            column["rule"],
        )
    out.print(table)
