"""Every headline figure, defined once: id, Chinese and English label, unit, computation.

Figures are grouped by area in the modules beside this one; a new ledger adds its
figures there and they appear in `summarize`, `explain` and the report without any
change to the commands.
"""

from __future__ import annotations

from zytalent.figures import cooperation, development, elderly, support, talent
from zytalent.figures.base import SECTIONS, UNITS, Figure

FIGURES: dict[str, Figure] = {
    f.id: f
    for module in (talent, development, cooperation, support, elderly)
    for f in module.figures()
}

__all__ = ["FIGURES", "SECTIONS", "UNITS", "Figure"]
