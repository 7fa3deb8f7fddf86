"""A date that may not come before another date of the same record (a class that ends
before it starts): `Column(not_before=other field)`. Both cells are wrong, so the record
counts in no figure that uses either date."""

from __future__ import annotations

from zytalent.checks.rules import Sheet, rule
from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import END_BEFORE_START


def dates_in_order(sheet: Sheet) -> list[fnd.Finding]:
    import numpy as np

    from zytalent.checks.explain import explain_order

    found: list[fnd.Finding] = []
    table, frame = sheet.table, sheet.frame
    for name, column in sheet.columns(lambda c: c.not_before is not None):
        earlier = column.not_before
        assert earlier is not None
        if earlier not in table.columns:
            continue
        out_of_order = np.asarray((frame[name] < frame[earlier]).fillna(False), dtype=bool)
        found.extend(
            explain_order(table, name, earlier, np.flatnonzero(out_of_order), sheet.show_personal)
        )
        sheet.invalidate(out_of_order, name, earlier)
    return found


rule(dates_in_order, "dates in order", END_BEFORE_START)
