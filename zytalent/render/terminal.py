"""Rich tables for people at a terminal."""

from __future__ import annotations

import io
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal

from rich.console import Console
from rich.table import Table
from rich.text import Text

from zytalent.findings import Finding
from zytalent.i18n import pick

STYLE = {"error": "bold red", "warning": "yellow", "info": "dim"}
LABEL = {"error": ("错误", "error"), "warning": ("警告", "warning"), "info": ("说明", "note")}


def console(stderr: bool = False, record: bool = False) -> Console:
    if record:  # rendered for a file: wide enough for long rows, no colour codes
        return Console(
            record=True, width=200, highlight=False, color_system=None, file=io.StringIO()
        )
    return Console(stderr=stderr, highlight=False, soft_wrap=False)


def severity_text(severity: str) -> Text:
    zh, en = LABEL[severity]
    return Text(pick(zh, en), style=STYLE[severity])


def one_line(text: str | None) -> str:
    return " ".join((text or "").split())


def findings_table(findings: Sequence[Finding], limit: int) -> tuple[Table, int]:
    """Every finding with where it is and what to do; returns the table and how many were cut."""
    table = Table(show_lines=False, expand=False)
    for header in (
        pick("级别", "level"),
        pick("位置", "where"),
        pick("单元格", "cell"),
        pick("列", "column"),
        pick("值", "value"),
        pick("问题与处理", "problem and fix"),
    ):
        table.add_column(header, overflow="fold")
    shown = findings if limit <= 0 else findings[:limit]
    for f in shown:
        table.add_row(
            severity_text(f.severity),
            f.where,
            f.cell or "",
            one_line(f.column),
            one_line(f.value),
            f.message,
        )
    return table, len(findings) - len(shown)


def findings_digest(findings: Sequence[Finding]) -> Table:
    """One line per finding code: how many, the first place, the message of the first."""
    table = Table(title=pick("检查结果", "Findings"), title_justify="left")
    for header in (
        pick("级别", "level"),
        pick("代码", "code"),
        pick("条数", "count"),
        pick("首个位置", "first at"),
        pick("说明", "message"),
    ):
        table.add_column(header, overflow="fold")
    counts = Counter(f.code for f in findings)
    first: dict[str, Finding] = {}
    for f in findings:
        first.setdefault(f.code, f)
    for code, finding in first.items():
        where = " › ".join(p for p in (finding.where, finding.cell) if p)
        table.add_row(
            severity_text(finding.severity), code, f"{counts[code]:,}", where, finding.message
        )
    return table


def format_count(value: int) -> str:
    return f"{value:,}"


def format_wan(value: Decimal) -> str:
    return f"{value:,.2f}"
