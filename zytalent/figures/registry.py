"""Every headline figure, defined once: id, Chinese and English label, unit, computation.

Figures are declared in one module per section of the report (recruit, develop, skills,
cooperation, funds, retain, elderly); a new ledger adds its
figures there and they appear in `summarize`, `explain` and the report without any
change to the commands.
"""

from __future__ import annotations

from zytalent.figures import cooperation, develop, elderly, funds, recruit, retain, skills
from zytalent.figures.base import SECTIONS, UNITS, Figure

FIGURES: dict[str, Figure] = {
    f.id: f
    for module in (recruit, develop, skills, cooperation, funds, retain, elderly)
    for f in module.figures()
}

__all__ = ["FIGURES", "SECTIONS", "UNITS", "Figure"]
