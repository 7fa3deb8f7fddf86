"""`explain` at a terminal and as CSV."""

from __future__ import annotations

from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from zytalent.diagnostics import i18n
from zytalent.diagnostics.words import ROW, ROW_NUMBER
from zytalent.explain import Explanation
from zytalent.figures.registry import UNITS
from zytalent.ledgers import LEDGERS
from zytalent.render.terminal import TABLE_FROM_WIDTH, one_line
from zytalent.text.escape import terminal


def render_explanation(explanation: Explanation, out: Console, limit: int) -> None:
    figure = explanation.figure
    columns = LEDGERS[figure.kind].columns()
    title = f"{figure.label!s}（{figure.id}，{explanation.summary.year}）"
    fields = explanation.fields()
    rows = explanation.rows(labels=True)
    shown = rows if limit <= 0 else rows[:limit]
    if out.width < TABLE_FROM_WIDTH:
        _records_list(
            title, rows=shown, fields=[(n, str(columns[n].label)) for n in fields], out=out
        )
    else:
        table = Table(title=title, title_justify="left")
        table.add_column(
            str(i18n.Text("文件 › 工作表", "file › sheet")), overflow="fold", min_width=16
        )
        # The row number gets a column of its own so a long path never splits it.
        table.add_column(str(ROW), justify="right", no_wrap=True)
        for name in fields:
            # ID numbers and dates are never broken over lines
            whole = columns[name].kind in ("id_number", "uscc", "phone", "date")
            table.add_column(
                str(columns[name].label), **({"no_wrap": True} if whole else {"overflow": "fold"})
            )
        for row in shown:
            where = " › ".join(str(p) for p in (row["file"], row["sheet"]) if p)
            cells = (one_line("" if row[n] is None else str(row[n])) for n in fields)
            table.add_row(terminal(where), str(row["row"]), *(terminal(c) for c in cells))
        out.print(table)
    if len(rows) > len(shown):
        out.print(
            str(
                i18n.Text(
                    "……另有 {more:,} 条（--limit 0 显示全部）",
                    "… {more:,} more (--limit 0 shows all)",
                ).format(more=len(rows) - len(shown))
            )
        )
    unit = str(UNITS[figure.unit])
    value = explanation.json_value()
    if figure.measure == "rows":
        how = str(
            i18n.Text("共 {rows_count:,} 条记录", "{rows_count:,} records").format(
                rows_count=len(rows)
            )
        )
    elif figure.measure == "sum":
        header = str(columns[figure.field or ""].label)
        how = str(
            i18n.Text(
                "{rows_count:,} 条记录的“{header}”相加",
                "'{header}' added over {rows_count:,} records",
            ).format(rows_count=len(rows), header=header)
        )
    else:
        header = str(columns[figure.field or ""].label)
        how = str(
            i18n.Text(
                "{rows_count:,} 条记录中不同的“{header}”",
                "distinct '{header}' among {rows_count:,} records",
            ).format(rows_count=len(rows), header=header)
        )
    out.print(f"[bold]{how} = {value} {unit}[/]")


def _records_list(
    title: str, *, rows: list[dict[str, object]], fields: list[tuple[str, str]], out: Console
) -> None:
    """Below TABLE_FROM_WIDTH: each record's place on one line, its fields under it, as
    `validate` lists findings (a table of eight columns leaves two characters a cell)."""
    out.print(Text(title, style="bold"))
    current = None
    for row in rows:
        where = " › ".join(str(p) for p in (row["file"], row["sheet"]) if p)
        if where != current:
            out.print(Text(where, style="bold"), overflow="fold")
            current = where
        out.print(
            Padding(
                Text(str(ROW_NUMBER.format(row=row["row"])), style="cyan"),
                (0, 0, 0, 2),
            )
        )
        parts = [
            f"{label}：{one_line('' if row[n] is None else str(row[n]))}" for n, label in fields
        ]
        out.print(Padding(Text("  ".join(parts)), (0, 0, 0, 4)))


def render_unavailable(explanation: Explanation, err: Console) -> None:
    from zytalent.render.summary import render_summary

    if explanation.summary.blocked:
        render_summary(explanation.summary, err, err)
        return
    kind = LEDGERS[explanation.figure.kind]
    if explanation.figure.id in explanation.summary.refused:
        from zytalent.render.summary import render_refusals
        from zytalent.render.terminal import findings_digest

        errors = [f for f in explanation.summary.loaded.findings.sorted() if f.severity == "error"]
        for part in findings_digest(errors, err.width):
            err.print(part)
        render_refusals(explanation.summary, err)
        return
    missing = explanation.missing_column
    if missing is not None and explanation.figure.kind in explanation.summary.loaded.frames:
        err.print(
            str(
                i18n.Text(
                    "[bold red]所读的{ledger}都没有“{column}”列，{id} 没有数据，不给出数值（不是 0）。[/]",
                    "[bold red]No {ledger} ledger read has a '{column}' column: {id} has no data and is not given (it is not 0).[/]",
                ).format(ledger=kind.label, column=missing.label, id=explanation.figure.id)
            )
        )
        return
    err.print(
        str(
            i18n.Text(
                "[bold red]输入中没有{ledger}，无法给出 {id}。[/]",
                "[bold red]No {ledger} ledger among the inputs; {id} cannot be given.[/]",
            ).format(ledger=kind.label, id=explanation.figure.id)
        )
    )
