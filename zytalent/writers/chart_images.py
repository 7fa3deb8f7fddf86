"""The report's bar charts as PNG images (for the Word report), from the same chart data
as the HTML report's SVG (`charts.chart_data`): one definition of each chart.

matplotlib draws them with a Chinese font found on the system (Noto CJK on Debian,
Microsoft YaHei or SimHei on Windows). With none, no image is drawn at all — a chart of
empty boxes would be worse than none — and the caller says so.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from functools import cache

from zytalent.writers.charts import PALETTE

# Fonts with Chinese glyphs, most wanted first: Debian/Ubuntu, Windows, macOS
CJK_FONTS = (
    "Noto Sans CJK SC",
    "Noto Serif CJK SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "Microsoft YaHei",
    "SimHei",
    "SimSun",
    "PingFang SC",
    "Heiti SC",
)


@cache
def cjk_font() -> str | None:
    """The name of a font on this system that has Chinese glyphs, or None."""
    from matplotlib import font_manager

    available = {font.name for font in font_manager.fontManager.ttflist}
    return next((name for name in CJK_FONTS if name in available), None)


def png_chart(title: str, bars: Sequence[tuple[str, float, str]]) -> bytes | None:
    """A horizontal bar chart as PNG (150 dpi, 15 cm wide), or None without a CJK font."""
    font = cjk_font()
    if font is None:
        return None
    import matplotlib

    matplotlib.use("Agg")  # no display needed
    from matplotlib import pyplot

    labels = [label for label, _, _ in bars]
    values = [value for _, value, _ in bars]
    height = 0.45 * len(bars) + 1.0
    with matplotlib.rc_context({"font.family": font, "font.size": 11}):
        figure, axes = pyplot.subplots(figsize=(5.9, height), dpi=150)
        positions = list(range(len(bars)))[::-1]
        colours = [PALETTE[i % len(PALETTE)] for i in range(len(bars))]
        axes.barh(positions, values, color=colours, height=0.6)
        axes.set_yticks(positions, labels)
        top = max(values, default=0) or 1
        for position, value, (_, _, shown) in zip(positions, values, bars, strict=True):
            axes.text(value + top * 0.01, position, shown, va="center", fontsize=10)
        axes.set_xlim(0, top * 1.25)
        axes.set_title(title, fontsize=12, fontweight="bold")
        for side in ("top", "right"):
            axes.spines[side].set_visible(False)
        axes.tick_params(axis="x", labelsize=9)
        figure.tight_layout()
        out = io.BytesIO()
        figure.savefig(out, format="png")
        pyplot.close(figure)
    return out.getvalue()
