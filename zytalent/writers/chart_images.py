"""The report's bar charts as PNG images (for the Word report), from the same chart data
as the HTML report's SVG (`charts.chart_data`): one definition of each chart.

matplotlib draws them with a Chinese font found on the system (Noto CJK on Debian,
Microsoft YaHei or SimHei on Windows). With none, no image is drawn at all — a chart of
empty boxes would be worse than none — and the caller says so.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

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
    # the first face of Debian's Noto CJK collection, added from its file: the same glyphs
    "Noto Sans CJK JP",
    "Noto Serif CJK JP",
)


# where fonts live, for a font installed after matplotlib cached its list
FONT_FOLDERS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "~/.local/share/fonts",
    "~/.fonts",
    "C:/Windows/Fonts",
    "/System/Library/Fonts",
    "/Library/Fonts",
)
CJK_FILE_HINTS = (
    "notosanscjk",
    "notoserifcjk",
    "sourcehansans",
    "wqy",
    "msyh",
    "simhei",
    "simsun",
    "pingfang",
)


def cjk_font() -> str | None:
    """The name of a font on this system that has Chinese glyphs, or None. matplotlib's
    own list is cached on disk and never learns of a font installed later, so when it
    knows none, fontconfig (`fc-list :lang=zh`) and the usual font folders are asked each
    time, and a font found there is added to matplotlib for this run."""
    from matplotlib import font_manager

    known = _known_cjk(font_manager.fontManager)
    if known:
        return known
    for path in _cjk_font_files():
        try:
            font_manager.fontManager.addfont(path)
        except (OSError, RuntimeError, ValueError):
            continue
        known = _known_cjk(font_manager.fontManager)
        if known:
            return known
    return None


def _known_cjk(manager: object) -> str | None:
    available = {font.name for font in getattr(manager, "ttflist", [])}
    return next((name for name in CJK_FONTS if name in available), None)


def _cjk_font_files() -> list[str]:
    import os
    import shutil
    import subprocess

    found: list[str] = []
    if shutil.which("fc-list"):
        try:
            listed = subprocess.run(
                ["fc-list", ":lang=zh", "file"], capture_output=True, text=True, timeout=10
            ).stdout
            found.extend(line.split(":")[0].strip() for line in listed.splitlines() if line.strip())
        except (OSError, subprocess.SubprocessError):
            pass
    for folder in FONT_FOLDERS:
        root = os.path.expanduser(folder)
        if not os.path.isdir(root):
            continue
        for base, _, files in os.walk(root):
            for name in files:
                plain = name.lower().replace("-", "").replace("_", "")
                if plain.endswith((".ttf", ".otf", ".ttc")) and any(
                    h in plain for h in CJK_FILE_HINTS
                ):
                    found.append(os.path.join(base, name))
    return list(dict.fromkeys(found))


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
