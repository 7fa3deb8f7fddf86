"""`validate` at a terminal."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from zytalent.diagnostics.i18n import Text
from zytalent.diagnostics.words import FILE, LEDGER, RECORDS, SHEET
from zytalent.ledgers import LEDGERS
from zytalent.load import Loaded
from zytalent.render.terminal import findings_view
from zytalent.text.escape import terminal


def render_validation(loaded: Loaded, out: Console, limit: int) -> None:
    files = Table(title=str(Text("读取的文件", "Files read")), title_justify="left")
    for header in (
        str(FILE),
        str(SHEET),
        str(LEDGER),
        str(RECORDS),
    ):
        files.add_column(header, overflow="fold")
    for report in loaded.files:
        if not report.sheets:
            files.add_row(terminal(report.file), "—", "—", "0")
        for sheet in report.sheets:
            model = LEDGERS[sheet.kind]
            title = str(model.label)
            files.add_row(
                terminal(report.file), terminal(sheet.sheet or "—"), title, f"{sheet.records:,}"
            )
    out.print(files)
    findings = loaded.findings.sorted()
    if findings:
        parts, cut = findings_view(findings, limit, out.width)
        for part in parts:
            out.print(part)
        if cut:
            out.print(
                str(
                    Text(
                        "……另有 {cut:,} 条未显示（--limit 0 显示全部，或 --format json）。",
                        "… {cut:,} more not shown (--limit 0 shows all, or use --format json).",
                    ).format(cut=cut)
                )
            )
    errors, warnings = loaded.findings.errors, loaded.findings.warnings
    style = "bold red" if errors else ("yellow" if warnings else "bold green")
    out.print(
        f"[{style}]"
        + str(
            READ_AND_FOUND.format(
                files=Text(f"{len(loaded.files)} 个文件", _count(len(loaded.files), "file")),
                records=Text(f"{loaded.records:,} 条记录", _count(loaded.records, "record")),
                errors=Text(f"{errors:,} 个错误", _count(errors, "error")),
                warnings=Text(f"{warnings:,} 个警告", _count(warnings, "warning")),
            )
        )
        + "[/]"
    )


READ_AND_FOUND = Text(
    "{files}，{records}：{errors}，{warnings}。", "{files}, {records}: {errors}, {warnings}."
)


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}" + ("" if number == 1 else "s")
