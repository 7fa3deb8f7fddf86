"""Explain failing rows with the ledger's pydantic model.

Only rows the column checks flagged come here, so valid data never pays for pydantic.
Each pydantic error carries a finding code (raised by the column's own parser) and the
context for its message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from pydantic import ValidationError

from zytalent import findings as fnd
from zytalent.ledgers import LEDGERS
from zytalent.masking import mask_value
from zytalent.reading.tables import LedgerTable
from zytalent.values import display

# Errors that are already reported once per sheet (a missing column), not per row.
SHEET_LEVEL = frozenset({"missing"})


def explain_rows(
    table: LedgerTable, rows: pd.Index, today: dt.date, show_personal: bool
) -> list[fnd.Finding]:
    model = LEDGERS[table.kind]
    columns = model.columns()
    factors = {name: source.factor for name, source in table.columns.items()}
    context = {"factors": factors, "today": today}
    found: list[fnd.Finding] = []
    subset = table.records.loc[rows]
    for row, cells in zip(subset.index, subset.to_dict("records"), strict=True):
        try:
            model.model_validate(cells, context=context)
        except ValidationError as exc:
            for error in exc.errors():
                if error["type"] in SHEET_LEVEL:
                    continue
                ctx: dict[str, Any] = dict(error.get("ctx") or {})
                name = str(error["loc"][0]) if error["loc"] else str(ctx.get("field"))
                source = table.columns[name]
                raw = cells.get(name)
                shown = cell_text(raw, columns[name].kind, show_personal)
                ctx.pop("value", None)
                found.append(
                    fnd.make(
                        "error",
                        error["type"],
                        file=table.file,
                        sheet=table.sheet,
                        row=int(row),
                        column=source.header,
                        cell=f"{source.letter}{row}",
                        value=shown,
                        **ctx,
                    )
                )
    return found


def cell_text(raw: object, kind: str, show_personal: bool) -> str:
    text = display(raw)
    return text if show_personal else mask_value(text, kind)
