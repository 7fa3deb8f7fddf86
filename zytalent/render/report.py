"""The annual report's text at a terminal: the headline, each section's title and its
paragraph, broken into lines the Chinese way (text/wrap.py) at the terminal's width.
Markdown (`#`, `**`, backticks) is for files (`report --output`), not for the screen."""

from __future__ import annotations

from typing import TYPE_CHECKING

from zytalent.diagnostics.i18n import Text as Said
from zytalent.text.wrap import wrap

if TYPE_CHECKING:
    from rich.console import Console

    from zytalent.report import Report

NOTE = Said(
    "数据由 zytalent 根据各部门台账计算；每个数字可用 zytalent explain 指标 年份 查看来源。",
    "Figures computed by zytalent from the departments' ledgers; zytalent explain ID YEAR shows the records behind each.",
)


def render_report(result: Report, out: Console) -> None:
    from rich.text import Text

    from zytalent.text.titles import headline

    width = max(20, min(out.width, 100))
    out.print(Text(str(headline(result.summary.year)), style="bold"))
    for title, paragraph in result.paragraphs:
        out.print()
        out.print(Text(title, style="bold"))
        for line in wrap(paragraph, width):
            out.print(Text(line), overflow="ignore", crop=False)
    out.print()
    for line in wrap(str(NOTE), width):
        out.print(Text(line, style="dim"), overflow="ignore", crop=False)
