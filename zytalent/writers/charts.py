"""Inline SVG bar charts for the HTML report: no scripts, no network, prints on A4."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import Any, NamedTuple

from zytalent.cells.money import WAN, fen_to_wan, shown
from zytalent.diagnostics.i18n import Text
from zytalent.figures.base import shown_unit
from zytalent.figures.registry import FIGURES

PALETTE = (
    "#2f6db5",
    "#e07b39",
    "#3c9a5f",
    "#b5443b",
    "#7b5ea7",
    "#8c6d46",
    "#c9569b",
    "#6f7f8f",
    "#b3a32b",
)


def bar_chart(title: str, bars: Sequence[tuple[str, float, str]], width: int = 640) -> str:
    """Horizontal bars: (label, value, value as shown). Returns one <figure> with an <svg>."""
    bar_height, gap, label_width, value_width = 22, 8, 190, 110
    height = len(bars) * (bar_height + gap) + 36
    top = max((value for _, value, _ in bars), default=0) or 1
    span = width - label_width - value_width
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{html.escape(title)}">'
    ]
    parts.append(
        f'<text x="0" y="18" font-size="15" font-weight="bold">{html.escape(title)}</text>'
    )
    for i, (label, value, written) in enumerate(bars):
        y = 32 + i * (bar_height + gap)
        length = max(0.0, value) / top * span
        colour = PALETTE[i % len(PALETTE)]
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 16}" font-size="13" text-anchor="end">{html.escape(label)}</text>'
        )
        parts.append(
            f'<rect class="bar" x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="{colour}"/>'
        )
        parts.append(
            f'<text x="{label_width + length + 6:.1f}" y="{y + 16}" font-size="13">{html.escape(written)}</text>'
        )
    parts.append("</svg>")
    return f'<figure class="chart">{"".join(parts)}</figure>'


# Every chart, in the order shown; its bars are the figures that declare `chart=` its id.
CHARTS: dict[str, Text] = {
    "hires_by_sector": Text("引进人才按领域", "Hires by sector"),
    "trainees_by_category": Text("培训人次按类别", "Trainees by category"),
    "skills_by_level": Text("技能人才按最高等级", "Certified workers by highest level"),
    "funds_allocated_by_category": Text("资金安排（按类别）", "Funds allocated by category"),
    "funds_disbursed_by_category": Text("资金发放（按类别）", "Funds disbursed by category"),
    "funds_requested_by_category": Text("资金申请（按类别）", "Funds requested by category"),
    "funds_by_kind": Text("资金按性质", "Funds by kind"),
    "meals_funding": Text("养老助餐资金来源（五个一点）", "Meal funding by source"),
}


def charts(values: dict[str, int]) -> list[str]:
    return [bar_chart(chart.title, chart.bars) for chart in chart_data(values)]


class Chart(NamedTuple):
    title: str
    bars: list[tuple[str, float, str]]  # (label, value, the value as shown)
    unit: str  # of the values: 万元 for money, else the figures' own unit
    decimals: int  # shown: 2 for 万元, none for counts


def chart_data(values: dict[str, int]) -> list[Chart]:
    """Every chart with data, its bars in the order of its figures."""
    out: list[Chart] = []
    for chart, title in CHARTS.items():
        ids = [fid for fid in values if FIGURES[fid].chart == chart]
        if not ids:
            continue
        bars = []
        for fid in ids:
            figure, value = FIGURES[fid], values[fid]
            label = str(figure.bar_label)
            amount = fen_to_wan(value) if figure.unit == "yuan" else value
            text = shown(value, figure.unit) + (f" {WAN}" if figure.unit == "yuan" else "")
            bars.append((label, float(amount), text))
        unit = FIGURES[ids[0]].unit
        out.append(Chart(str(title), bars, str(shown_unit(unit)), 2 if unit == "yuan" else 0))
    return out


def native_bar_chart(title: str, axis_title: str) -> Any:
    """An openpyxl bar chart laid out as every report draws a breakdown: horizontal bars,
    the first category on top, no legend, the unit under the values. The summary
    workbook's charts and the Word report's are this one, with their own data."""
    from openpyxl.chart import BarChart

    chart = BarChart()
    chart.type = "bar"
    chart.title = title
    chart.legend = None
    chart.x_axis.scaling.orientation = "maxMin"  # Excel draws the first category last
    chart.y_axis.title = axis_title
    return chart
