"""`summarize --by` at a terminal: the groups as columns beside the total, in pages of
columns when there are more groups than the terminal is wide."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from zytalent.cells.money import shown
from zytalent.diagnostics.i18n import Text
from zytalent.diagnostics.words import FIGURE, TOTAL, UNIT
from zytalent.figures.base import shown_unit
from zytalent.figures.registry import FIGURES, SECTION_NAMES
from zytalent.grouped import Grouped
from zytalent.text.escape import visible
from zytalent.text.titles import headline

NOT_THE_SUM = Text(
    "[dim]* 合计按全部记录计算，不等于各组之和：同一人（或同一服务点）出现在多个组中，只计一次。[/]",
    "[dim]* The total is computed over all records and is not the sum of the groups: a person (or place) in several groups counts once.[/]",
)
NOT_SPLIT = Text(
    "[dim]另有 {count} 个指标所在的台账没有“{by}”，无法分组（见 --format json 的 not_split）；它们的合计与不分组时相同。[/]",
    "[dim]{count} more figures come from ledgers without '{by}' and cannot be split (not_split in --format json); their totals are as without --by.[/]",
)


def render_grouped(result: Grouped, out: Console) -> None:
    """Groups as columns while they fit beside the figures; when there are more groups
    than fit, the groups are rows and the figures columns, in pages of figures. A group
    with nothing in a section is left out of it, and a file name is never broken."""
    out.print(f"[bold]{headline(result.summary.year)}[/]")
    unsplit = set(result.unsplit)
    for section, section_name in SECTION_NAMES.items():
        ids = [
            f for f in result.summary.values if FIGURES[f].section == section and f not in unsplit
        ]
        if not ids:
            continue
        names = [n for n in result.groups if any(result.groups[n].get(f) for f in ids)]
        if _columns_fit(names, out.width):
            out.print(_as_columns(result, str(section_name), ids, names))
        else:
            for table in _as_rows(result, str(section_name), ids, names, out.width):
                out.print(table)
    if any(result.differs(f) for f in result.summary.values):
        out.print(str(NOT_THE_SUM))
    if result.unsplit:
        out.print(str(NOT_SPLIT.format(count=len(result.unsplit), by=result.by)))


def _columns_fit(names: list[str], width: int) -> bool:
    """Whether every group fits as a column, its name unbroken: label 20 + unit 4 +
    total 9 and the borders, then each name's own width and 3 of border."""
    from zytalent.text.wrap import cell_width

    needed = 44 + sum(max(cell_width(_short(n)), 8) + 3 for n in names)
    return needed <= width


def _short(name: str) -> str:
    """A file's name, not its whole path, shown visibly."""
    return visible(name.replace("\\", "/").rsplit("/", 1)[-1])


def _total(result: Grouped, fid: str) -> str:
    total = shown(result.summary.values[fid], FIGURES[fid].unit)
    return total + " *" if result.differs(fid) else total


def _as_columns(result: Grouped, title: str, ids: list[str], names: list[str]) -> Table:
    table = Table(title=title, title_justify="left")
    table.add_column(str(FIGURE), overflow="fold", min_width=20)
    table.add_column(str(UNIT), no_wrap=True)
    for name in names:
        table.add_column(_short(name), justify="right", no_wrap=True)
    table.add_column(str(TOTAL), justify="right", no_wrap=True)
    for fid in ids:
        figure = FIGURES[fid]
        cells = [
            shown(result.groups[n][fid], figure.unit) if fid in result.groups[n] else "—"
            for n in names
        ]
        label = str(figure.label)
        table.add_row(
            f"  {label}" if figure.parent else label,
            str(shown_unit(figure.unit)),
            *cells,
            _total(result, fid),
        )
    return table


FIGURE_WIDTH = 10  # a figure column when the groups are rows


def _as_rows(
    result: Grouped, title: str, ids: list[str], names: list[str], width: int
) -> list[Table]:
    from zytalent.text.wrap import cell_width

    shorts = [_short(n) for n in names]
    name_width = min(max([cell_width(s) for s in shorts] + [6]), max(12, width // 2))
    per_page = max(1, (width - name_width - 4) // (FIGURE_WIDTH + 3))
    pages = [ids[i : i + per_page] for i in range(0, len(ids), per_page)]
    tables = []
    for number, page in enumerate(pages, 1):
        suffix = f"（{number}/{len(pages)}）" if len(pages) > 1 else ""
        table = Table(title=title + suffix, title_justify="left")
        table.add_column("", no_wrap=True, overflow="ellipsis", max_width=name_width)
        for fid in page:
            figure = FIGURES[fid]
            header = f"{figure.label}（{shown_unit(figure.unit)}）"
            table.add_column(header, justify="right", overflow="fold", max_width=FIGURE_WIDTH)
        for name, short in zip(names, shorts, strict=True):
            values = result.groups[name]
            if not any(values.get(f) for f in page):
                continue  # nothing of this group in these figures
            table.add_row(
                short,
                *(shown(values[f], FIGURES[f].unit) if f in values else "—" for f in page),
            )
        table.add_row(str(TOTAL), *(_total(result, f) for f in page), style="bold")
        tables.append(table)
    return tables
