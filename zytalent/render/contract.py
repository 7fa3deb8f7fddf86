"""`zytalent ledgers` at a terminal."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from zytalent.diagnostics.i18n import Text


def render_kinds(kinds: list[dict[str, Any]], out: Console) -> None:
    table = Table(title=str(Text("台账类型", "Ledger kinds")), title_justify="left")
    for header in (
        str(Text("类型", "kind")),
        str(Text("名称", "name")),
        str(Text("每行", "one row")),
        str(Text("必填列", "required columns")),
    ):
        table.add_column(header, overflow="fold")
    for kind in kinds:
        required = "、".join(c["header"] for c in kind["columns"] if c["required"])
        table.add_row(kind["kind"], kind["title"], kind["rows"], required)
    out.print(table)
    out.print(
        str(
            Text(
                "[dim]某一类型的各列：zytalent ledgers 类型[/]",
                "[dim]Columns of a kind: zytalent ledgers KIND[/]",
            )
        )
    )


def render_kind(kind: dict[str, Any], out: Console) -> None:
    table = Table(title=f"{kind['kind']} {kind['title']}（{kind['rows']}）", title_justify="left")
    for header in (
        str(Text("表头", "header")),
        str(Text("也接受", "aliases")),
        str(Text("字段", "field")),
        str(Text("必填", "required")),
        str(Text("类型与规则", "type and rule")),
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
