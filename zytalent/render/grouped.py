"""`summarize --by` at a terminal: the groups as columns beside the total, in pages of
columns when there are more groups than the terminal is wide."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from zytalent.cells.money import shown, shown_unit
from zytalent.diagnostics.i18n import Text
from zytalent.diagnostics.words import FIGURE, TOTAL, UNIT
from zytalent.figures.registry import FIGURES, SECTIONS
from zytalent.grouped import Grouped
from zytalent.render.escape import visible
from zytalent.writers.titles import headline

GROUP_WIDTH = 12
NOT_THE_SUM = Text(
    "[dim]* 合计按全部记录计算，不等于各组之和：同一人（或同一服务点）出现在多个组中，只计一次。[/]",
    "[dim]* The total is computed over all records and is not the sum of the groups: a person (or place) in several groups counts once.[/]",
)
NOT_SPLIT = Text(
    "[dim]另有 {count} 个指标所在的台账没有“{by}”，无法分组（见 --format json 的 not_split）；它们的合计与不分组时相同。[/]",
    "[dim]{count} more figures come from ledgers without '{by}' and cannot be split (not_split in --format json); their totals are as without --by.[/]",
)


def render_grouped(result: Grouped, out: Console) -> None:
    out.print(f"[bold]{headline(result.summary.year)}[/]")
    names = list(result.groups)
    # label 20 + unit 4 + total 9 and the borders; each group column 12 + 3 of border
    per_page = max(1, (out.width - 44) // (GROUP_WIDTH + 3))
    pages = [names[i : i + per_page] for i in range(0, len(names), per_page)] or [[]]
    unsplit = set(result.unsplit)
    for section, section_name in SECTIONS.items():
        ids = [
            f for f in result.summary.values if FIGURES[f].section == section and f not in unsplit
        ]
        if not ids:
            continue
        for number, page in enumerate(pages, 1):
            title = str(section_name) + (f"（{number}/{len(pages)}）" if len(pages) > 1 else "")
            table = Table(title=title, title_justify="left")
            table.add_column(str(FIGURE), overflow="fold", min_width=20)
            table.add_column(str(UNIT), no_wrap=True)
            for name in page:  # a file's name, not its whole path
                header = visible(name.replace("\\", "/").rsplit("/", 1)[-1])
                table.add_column(header, justify="right", overflow="fold", max_width=GROUP_WIDTH)
            table.add_column(str(TOTAL), justify="right", no_wrap=True)
            for fid in ids:
                figure = FIGURES[fid]
                cells = [
                    shown(result.groups[n][fid], figure.unit) if fid in result.groups[n] else "—"
                    for n in page
                ]
                total = shown(result.summary.values[fid], figure.unit)
                if result.differs(fid):
                    total += " *"
                label = str(figure.label)
                table.add_row(
                    f"  {label}" if figure.parent else label,
                    str(shown_unit(figure.unit)),
                    *cells,
                    total,
                )
            out.print(table)
    if any(result.differs(f) for f in result.summary.values):
        out.print(str(NOT_THE_SUM))
    if result.unsplit:
        out.print(str(NOT_SPLIT.format(count=len(result.unsplit), by=result.by)))
