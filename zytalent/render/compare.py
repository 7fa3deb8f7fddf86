"""`compare` at a terminal: up and down marked."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from zytalent.cells.money import shown
from zytalent.compare import Change, Comparison
from zytalent.diagnostics import i18n
from zytalent.diagnostics.words import CHANGE, FIGURE, UNIT
from zytalent.figures.base import shown_unit
from zytalent.figures.registry import FIGURES, SECTION_NAMES

NEW = i18n.Text("新增", "new")  # a figure the earlier year did not have


def _shown(change: Change, value: int | None) -> str:
    if value is None:
        return "—"
    return shown(value, FIGURES[change.figure_id].unit)


def _arrow(change: Change) -> Text:
    delta = change.delta
    if delta is None:
        return Text(str(NEW) if change.before is None else "—", style="dim")
    percent = change.percent
    share = f" ({percent:+}%)" if percent is not None else ""
    rise, fall = rise_and_fall_colours()
    if delta > 0:
        return Text(f"▲ {_shown(change, delta)}{share}", style=rise)
    if delta < 0:
        return Text(f"▼ {_shown(change, -delta)}{share}", style=fall)
    return Text("＝", style="dim")


def rise_and_fall_colours() -> tuple[str, str]:
    """Chinese statistics colour a rise red and a fall green (as stock tables do); English
    readers expect the opposite. The arrows say it either way, for those who see no colour."""
    from zytalent.diagnostics.i18n import current_lang

    return ("green", "red") if current_lang() == "en" else ("red", "green")


def render_comparison(comparison: Comparison, out: Console) -> None:
    a, b = comparison.before.year, comparison.after.year
    for section, name in SECTION_NAMES.items():
        chosen = [c for c in comparison.changes if FIGURES[c.figure_id].section == section]
        if not chosen:
            continue
        table = Table(title=str(name), title_justify="left")
        table.add_column(str(FIGURE), overflow="fold")  # a long label wraps, never cut
        table.add_column(str(a), justify="right")
        table.add_column(str(b), justify="right")
        table.add_column(str(CHANGE), justify="right")
        table.add_column(str(UNIT))
        for change in chosen:
            figure = FIGURES[change.figure_id]
            unit = str(shown_unit(figure.unit))
            table.add_row(
                f"  {figure.label}" if figure.parent else str(figure.label),  # as in summarize
                _shown(change, change.before),
                _shown(change, change.after),
                _arrow(change),
                unit,
            )
        out.print(table)
