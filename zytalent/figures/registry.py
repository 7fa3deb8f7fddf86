"""Every headline figure, defined once: id, Chinese and English label, unit, computation.

Figures are declared in one module per section of the report (recruit, develop, skills,
cooperation, funds, retain, elderly); a new ledger adds its
figures there and they appear in `summarize`, `explain` and the report without any
change to the commands.
"""

from __future__ import annotations

from zytalent.figures import cooperation, develop, elderly, funds, recruit, retain, skills
from zytalent.figures.base import SECTION_NAMES, SECTIONS, UNITS, Figure, shown_unit
from zytalent.figures.where import BestPerPerson

FIGURES: dict[str, Figure] = {
    f.id: f
    for module in (recruit, develop, skills, cooperation, funds, retain, elderly)
    for f in module.figures()
}
# fields derived from a ledger's counted records, per kind
DERIVED: dict[str, tuple[BestPerPerson, ...]] = {"skills": skills.DERIVED}

__all__ = ["DERIVED", "FIGURES", "SECTIONS", "SECTION_NAMES", "UNITS", "Figure"]


def listing(selector: str | None = None) -> list[dict[str, str | None]]:
    """Every figure (or those of one ledger kind or one report section) as a person looks
    it up: id, label, unit, ledger, section, and the figure it breaks down."""
    from zytalent.ledgers import LEDGERS, ledger

    chosen = list(FIGURES.values())
    if selector:
        section = next(
            (c for c, s in SECTIONS.items() if selector in (c, s.name.zh, s.name.en)), None
        )
        if section is not None:
            chosen = [f for f in chosen if f.section == section]
        else:
            kind = ledger(selector).kind  # a kind by any of its names, else a usage error
            chosen = [f for f in chosen if f.kind == kind]
    return [
        {
            "id": f.id,
            "label": str(f.label),
            "unit": str(shown_unit(f.unit)),
            "ledger": f.kind,
            "ledger_title": LEDGERS[f.kind].label.zh,
            "section": SECTIONS[f.section].name.zh,
            "parent": f.parent,
        }
        for f in chosen
    ]
