"""Explain failing cells with the ledger's pydantic model.

Only cells the column checks flagged come here, so valid data never pays for pydantic.
Failing values repeat (a `?` typed down a column, one wrong month), so the model is asked
once per distinct failing value of a field, and every failing cell still gets its own
finding. Each pydantic error carries a finding code (raised by the column's own parser)
and the context for its message.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import numpy.typing as npt
from pydantic import ValidationError

from zytalent.cells.masking import mask_value
from zytalent.cells.values import CellError, display
from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import CODES, END_BEFORE_START, Code
from zytalent.ledgers import LEDGERS, LedgerRecord
from zytalent.reading.model import LedgerTable

Explanation = list[tuple[Code, dict[str, Any]]]  # (code, context) per error


def explain_cells(
    table: LedgerTable,
    bad: dict[str, npt.NDArray[np.bool_]],
    today: dt.date,
    show_personal: bool,
) -> list[fnd.Finding]:
    """A finding for every flagged cell of every field."""
    model = LEDGERS[table.kind]
    context = {"factors": {n: s.factor for n, s in table.columns.items()}, "today": today}
    rows = table.records.index.to_numpy()
    found: list[fnd.Finding] = []
    for name, mask in bad.items():
        positions = np.flatnonzero(mask)
        if not len(positions):
            continue
        raws = table.records[name].iloc[positions].to_numpy(dtype=object)
        letter = table.columns[name].letter
        # One explanation and one message per distinct value: messages name the value and
        # the column, never the row, so a value wrong in 50,000 rows is explained once.
        # The same value wrong in consecutive rows is one finding for the run of rows.
        cache: dict[tuple[str, str], list[fnd.Finding]] = {}
        runs: dict[tuple[str, str], tuple[list[int], int]] = {}  # findings, last row
        for position, raw in zip(positions.tolist(), raws, strict=True):
            key = (type(raw).__name__, repr(raw))
            row = int(rows[position])
            run = runs.get(key)
            if run is not None and run[1] + 1 == row:
                runs[key] = (run[0], row)
                continue
            if run is not None:
                _close(found, *run)
            if key not in cache:
                cache[key] = [
                    _finding(table, name, row, raw, code, ctx, show_personal)
                    for code, ctx in _explain_value(model, name, raw, context)
                ]
                made = cache[key]
            else:
                made = [f.at(row, letter) for f in cache[key]]
            runs[key] = (list(range(len(found), len(found) + len(made))), row)
            found.extend(made)
        for run in runs.values():
            _close(found, *run)
    return found


def _close(found: list[fnd.Finding], positions: list[int], last_row: int) -> None:
    """A run of rows ends: its findings cover every row down to `last_row`."""
    for position in positions:
        row = found[position].row
        if row is not None and last_row > row:
            found[position] = found[position].through(last_row)


def explain_order(
    table: LedgerTable,
    name: str,
    earlier: str,
    positions: npt.NDArray[np.intp],
    show_personal: bool,
) -> list[fnd.Finding]:
    """A date before the date it may not precede (the model's `_dates_in_order` rule),
    reported whatever else is wrong in the row."""
    rows = table.records.index.to_numpy()
    found: list[fnd.Finding] = []
    for position in positions.tolist():
        start = LEDGERS[table.kind].columns()[earlier].parse(table.records[earlier].iat[position])
        found.append(
            _finding(
                table,
                name,
                int(rows[position]),
                table.records[name].iat[position],
                END_BEFORE_START,
                {"start": str(start)},
                show_personal,
            )
        )
    return found


def _explain_value(
    model: type[LedgerRecord], name: str, raw: object, context: dict[str, Any]
) -> Explanation:
    try:
        model.model_validate({name: raw}, context=context)
    except ValidationError as exc:
        # pydantic names an error by its type, a string: the one place a code is looked up
        explained = [
            (CODES[error["type"]], dict(error.get("ctx") or {}))
            for error in exc.errors()
            if error["loc"] == (name,) and error["type"] in CODES
        ]
        if explained:
            return explained
    # The column check flagged it, so its own parser says why (kept as a safety net).
    column = model.columns()[name]
    try:
        column.parse(raw, context["factors"].get(name, 1), context["today"])
    except CellError as error:
        return [(error.code, error.ctx)]
    return []


def _finding(
    table: LedgerTable,
    name: str,
    row: int,
    raw: object,
    code: Code,
    ctx: dict[str, Any],
    show_personal: bool,
) -> fnd.Finding:
    source = table.columns[name]
    kind = LEDGERS[table.kind].columns()[name].kind
    shown = cell_text(raw, kind, show_personal)
    context = {k: v for k, v in ctx.items() if k != "value"}
    return fnd.make(
        code,
        file=table.file,
        sheet=table.sheet,
        row=source.at[0] if source.at is not None else row,  # a form's value: its own row
        column=source.header,
        cell=source.cell(row),
        value=shown,
        **context,
    )


def cell_text(raw: object, kind: str, show_personal: bool) -> str:
    text = display(raw)
    return text if show_personal else mask_value(text, kind)
