"""Check one ledger table: every column at once, then explain the rows that fail."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import numpy as np
import pandas as pd

from zytalent.cells.informal import Severity
from zytalent.checks.columns import ParsedColumn, empty_column, parse_column
from zytalent.checks.explain import explain_cells
from zytalent.checks.rules import Sheet, run_rules
from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import (
    COLUMN_DUPLICATE,
    COLUMN_MISSING,
    ROWS_SKIPPED,
    VALUE_AMBIGUOUS,
    VALUE_NORMALISED,
)
from zytalent.diagnostics.i18n import Text
from zytalent.ledgers import LEDGERS
from zytalent.reading.model import LedgerTable
from zytalent.validity import RECORD_BIT, field_bit

PROVENANCE = ("_file", "_sheet", "_row")


@dataclass
class CheckedTable:
    table: LedgerTable
    frame: pd.DataFrame  # typed fields, provenance columns and `_valid`
    findings: list[fnd.Finding]


def check_table(table: LedgerTable, today: dt.date, show_personal: bool = False) -> CheckedTable:
    model = LEDGERS[table.kind]
    columns = model.columns()
    where = {"file": table.file, "sheet": table.sheet}
    found: list[fnd.Finding] = []
    # a table read in chunks: what is wrong with its header is said with the first chunk,
    # its footer lines once, after the last (`footer_finding`)
    for name in table.missing if table.chunk in (None, 0) else []:
        column = columns[name]
        found.append(
            fnd.make(
                COLUMN_MISSING,
                **where,
                row=table.header_row,
                column=column.header,
                aliases="、".join(column.aliases) or "—",
            )
        )
    for ignored, kept in table.duplicates:
        found.append(
            fnd.make(
                COLUMN_DUPLICATE,
                **where,
                row=table.header_row,
                column=ignored.header,
                cell=f"{ignored.letter}{table.header_row}",
                other=kept.letter,
            )
        )
    for note in table.notes:
        found.append(
            fnd.make(
                note.code,
                **where,
                row=note.row,
                cell=note.cell,
                column=note.column,
                **note.ctx,
            )
        )
    if table.footer_rows and table.chunk is None:
        found.append(footer_finding(table, table.footer_rows))

    records = table.records
    frame = pd.DataFrame(index=records.index)
    bad_cells: dict[str, np.ndarray] = {}
    for name, column in columns.items():
        if name in table.columns:
            parsed = parse_column(column, records[name], table.columns[name].factor, today)
            frame[name] = parsed.values
            bad_cells[name] = parsed.bad
            found.extend(informal_findings(table, name, parsed))
        else:
            frame[name] = empty_column(column, records.index)
    bad = np.zeros(len(records), dtype=bool)
    # which of a record's fields are invalid, a bit each (validity.py): a figure that does
    # not use a field still counts the record whose cell in it is wrong
    flags = np.zeros(len(records), dtype=np.int64)
    for name, mask in bad_cells.items():
        bad |= mask
        flags[mask] |= field_bit(table.kind, name)
    found.extend(explain_cells(table, bad_cells, today, show_personal))
    valid = ~bad if not table.missing else np.zeros(len(records), dtype=bool)
    if table.missing:
        flags |= RECORD_BIT  # a required column is missing: no record of it can be used

    constant = np.zeros(len(records), dtype=np.int8)  # one category: a code per row, no strings
    frame["_file"] = pd.Categorical.from_codes(
        constant, categories=pd.Index([table.file], dtype=object)
    )
    frame["_sheet"] = (
        pd.Categorical.from_codes(constant, categories=pd.Index([table.sheet], dtype=object))
        if table.sheet is not None
        else pd.Categorical.from_codes(constant - 1, categories=pd.Index([], dtype=object))
    )
    frame["_row"] = records.index.to_numpy()
    frame["_part"] = np.full(len(records), table.part, dtype=np.int16)
    frame["_valid"] = valid
    frame["_bad"] = flags
    frame = frame.reset_index(drop=True)
    found.extend(run_rules(Sheet(table, frame, bad_cells, today, show_personal)))
    return CheckedTable(table, frame, found)


def informal_findings(table: LedgerTable, name: str, parsed: ParsedColumn) -> list[fnd.Finding]:
    """What a column read informally: one finding per kind of normalisation, naming the
    rows it touched (as ranges) and a few examples (none for personal values)."""
    if not parsed.notes:
        return []
    groups: dict[tuple[Severity, Text], tuple[list[int], list[str]]] = {}
    for slot, (severity, how, example) in parsed.notes:
        slots, examples = groups.setdefault((severity, how), ([], []))
        slots.append(slot)
        if example is not None and example not in examples and len(examples) < 3:
            examples.append(example)
    source = table.columns[name]
    row_numbers = table.records.index.to_numpy()
    found = []
    for (severity, how), (slots, examples) in groups.items():
        rows = row_numbers[np.isin(parsed.slots, slots)].tolist()
        if not rows:
            continue
        found.append(
            fnd.make(
                VALUE_AMBIGUOUS if severity == "warning" else VALUE_NORMALISED,
                file=table.file,
                sheet=table.sheet,
                row=rows[0],
                column=source.header,
                cell=source.cell(rows[0]) if len(rows) == 1 else None,
                how=how,
                rows=fnd.row_ranges(rows),
                count=len(rows),
                examples=EXAMPLES.format(examples="；".join(examples)) if examples else "",
            )
        )
    return found


EXAMPLES = Text("，如 {examples}", ", e.g. {examples}")


def footer_finding(table: LedgerTable, rows: list[int]) -> fnd.Finding:
    """Lines below the records that are not records (填表人, 说明, …), said once."""
    return fnd.make(
        ROWS_SKIPPED,
        file=table.file,
        sheet=table.sheet,
        row=rows[0],
        rows=", ".join(map(str, rows)),
    )
