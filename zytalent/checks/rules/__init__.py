"""Checks of a parsed ledger table beyond single cells, each a small declared rule.

A rule says what it checks, the finding codes it gives and which columns it applies to,
and is registered once with `rule(function, name, *codes)`. Every module of this package
is imported below, so adding a check is one file here plus its message in
zytalent/messages.py.
"""

from __future__ import annotations

import datetime as dt
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import Code
from zytalent.ledgers import LEDGERS, Column

if TYPE_CHECKING:  # the rules declare their codes at start-up, without pandas or numpy
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    from zytalent.reading.model import LedgerTable


Kept = TypeVar("Kept")


@dataclass(frozen=True)
class Sheet:
    """What a rule sees: the table as read, its typed frame, the cells that failed."""

    table: LedgerTable
    frame: pd.DataFrame  # typed fields with _row, _valid
    bad_cells: dict[str, npt.NDArray[np.bool_]]  # field -> cells that did not parse
    today: dt.date
    show_personal: bool

    def columns(self, applies: Callable[[Column], bool]) -> list[tuple[str, Column]]:
        """The ledger's columns the rule applies to that this sheet has."""
        return [
            (name, column)
            for name, column in LEDGERS[self.table.kind].columns().items()
            if name in self.table.columns and applies(column)
        ]

    def kept(self, state: type[Kept]) -> Kept:
        """A check's own state across the chunks of a table read in chunks (a large CSV):
        one `state()` per table, made with its first chunk and handed to every later one.
        A table read whole has one chunk, so its state starts empty."""
        return _own(self.table.kept, state)

    def kept_by_sheet(self, state: type[Kept]) -> Kept:
        """A check's own state across the tables of one sheet (one per month column), in
        the order they are checked; `table.part` of `table.parts` says which this is."""
        return _own(self.table.sheet_kept, state)

    def invalidate(self, rows: npt.NDArray[np.bool_], *names: str) -> None:
        """Mark `rows` as wrong in the fields `names`: a figure that uses any of them
        leaves these records out (a bit each in `_bad`, validity.py), and `_valid` says
        the record has a wrong cell. The rules after this one see them so."""
        from zytalent.validity import field_bit

        bits = 0
        for name in names:
            bits |= field_bit(self.table.kind, name)
        flags = self.frame["_bad"].to_numpy(copy=True)
        flags[rows] |= bits
        valid = self.frame["_valid"].to_numpy(copy=True)
        valid[rows] = False
        self.frame["_bad"], self.frame["_valid"] = flags, valid

    def at_cell(self, name: str, row: int, code: Code, **ctx: Any) -> fnd.Finding:
        """A finding at the cell of field `name` in spreadsheet row `row`."""
        source = self.table.columns[name]
        return fnd.make(
            code,
            file=self.table.file,
            sheet=self.table.sheet,
            row=row,
            column=source.header,
            cell=source.cell(row),
            **ctx,
        )


def _own(kept: dict[type, object], state: type[Kept]) -> Kept:
    if state not in kept:
        kept[state] = state()
    found = kept[state]
    assert isinstance(found, state)
    return found


@dataclass(frozen=True)
class Rule:
    name: str
    codes: tuple[Code, ...]
    run: Callable[[Sheet], list[fnd.Finding]]


RULES: list[Rule] = []


def rule(run: Callable[[Sheet], list[fnd.Finding]], name: str, *codes: Code) -> None:
    """Register a rule with the codes of the findings it gives (declared beside it). It is
    a call after the function, not a decorator: mutmut leaves decorated functions
    unmutated, and the rules are what mutation testing is for."""
    # it runs as the rules' modules are imported, before mutmut picks a mutant: a mutant
    # here could never be run
    RULES.append(Rule(name, codes, run))  # pragma: no mutate


def run_rules(sheet: Sheet) -> list[fnd.Finding]:
    found: list[fnd.Finding] = []
    for registered in RULES:
        found.extend(registered.run(sheet))
    return found


# the rules, in the order their findings are given; dates in order first, as it makes
# records invalid that the later rules then leave out
ORDER = ("order", "age", "totals", "garbled", "region", "row_totals")
for _module in sorted(
    (m.name for m in pkgutil.iter_modules(__path__)),
    key=lambda n: (ORDER.index(n) if n in ORDER else len(ORDER), n),
):
    importlib.import_module(f"{__name__}.{_module}")
