"""Repeats across all records of one kind, checked batch by batch (a sheet, or a chunk of
a large CSV), with results identical to checking all records at once.

- A value that must be unique (a certificate number, a person in a ledger of people): the
  first occurrence is kept, every later one is an error and leaves the count. Each
  distinct value is kept exactly, with the place it was first seen.
- Identical rows: a warning at every later one. Only a 64-bit hash of each row goes to a
  table of the figure engine (DuckDB, which spills to disk); hashes there twice are
  candidates, and `confirm` groups the candidate rows on their real values, so a
  collision costs nothing and the result is exact.

State is staged per file: a file that must be read again another way is rolled back (the
engine takes back the file's hashes with its records, `Engine.forget`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
import pandas as pd

from zytalent.cells.masking import mask_value
from zytalent.checks.combine import concat_frames
from zytalent.checks.ledger import Provenance, place, repeated_rows, row_hashes
from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import DUPLICATE_PERSON, DUPLICATE_ROW, DUPLICATE_VALUE
from zytalent.figures.engine import Engine
from zytalent.ledgers import LEDGERS

Place = tuple[str, str | None, int]  # file, sheet, row


@dataclass
class _Undo:
    """What the file being read added here, so that it can be taken back: the rows that
    lost validity (the unique values it held first are in the engine, under its number)."""

    invalid: list[tuple[str, str | None, int, int]] = field(default_factory=list)


@dataclass
class Repeats:
    kind: str
    show_personal: bool
    # where the row hashes and unique values go (created when first needed)
    engine: Callable[[], Engine]
    invalid: set[tuple[str, str | None, int, int]] = field(default_factory=set)
    _undo: _Undo | None = None

    def begin_file(self) -> None:
        self._undo = _Undo()

    def rollback(self) -> None:
        """Forget what the file being read added (the engine forgets its values and
        hashes by its number)."""
        assert self._undo is not None
        undo, self._undo = self._undo, None
        self.invalid.difference_update(undo.invalid)
        self._undo = _Undo()

    def check(
        self, frame: pd.DataFrame, where: Provenance, load: int
    ) -> tuple[list[fnd.Finding], npt.NDArray[np.bool_]]:
        """Errors for later occurrences of unique values in this batch (and the mask of
        the rows that lose validity); identical rows are only noted here, under the number
        of the file being read (`load`)."""
        found: list[fnd.Finding] = []
        invalid = np.zeros(len(frame), dtype=bool)
        columns = LEDGERS[self.kind].columns()
        valid = frame["_valid"].to_numpy(dtype=bool)
        for name, column in columns.items():
            if not column.unique:
                continue
            present = np.flatnonzero(valid & frame[name].notna().to_numpy())
            code = DUPLICATE_PERSON if column.kind == "id_number" else DUPLICATE_VALUE
            values = frame[name]
            at = values.array  # one lookup of the column, not one per repeated value
            for position, original in self._later(name, values, present, where, load):
                value = str(at[position])
                shown = value if self.show_personal else mask_value(value, column.kind)
                found.append(where.finding(position, name, code, shown, other=place(*original)))
                invalid[position] = True
                file, sheet, row = where.at(position)
                key = (file, sheet, int(where.parts[position]), row)
                if key not in self.invalid:
                    self.invalid.add(key)
                    if self._undo is not None:
                        self._undo.invalid.append(key)
        eligible = np.flatnonzero(valid & ~invalid)
        if len(eligible):
            hashes = row_hashes(frame[list(columns)])[eligible]
            self.engine().note_rows(self.kind, hashes, load)
        return found, invalid

    def _later(
        self,
        name: str,
        values: pd.Series,
        present: npt.NDArray[np.intp],
        where: Provenance,
        load: int,
    ) -> list[tuple[int, Place]]:
        """Rows among `present` whose value was seen before (earlier in the batch, or in
        the engine's table of values earlier batches and files held first), with where
        it was first. The values this batch holds first go to that table."""
        if not len(present):
            return []
        codes, uniques = pd.factorize(values.iloc[present], use_na_sentinel=True)
        distinct, first = np.unique(codes, return_index=True)
        texts = [str(uniques[code]) for code in distinct.tolist()]
        seen = self.engine().seen_before(self.kind, name, texts)
        originals: dict[int, Place] = {}
        new_values: list[str] = []
        new_places: list[Place] = []
        for code, index, text in zip(distinct.tolist(), first.tolist(), texts, strict=True):
            if text in seen:
                originals[code] = seen[text]
            else:
                new_values.append(text)
                new_places.append(where.at(int(present[index])))
        self.engine().note_values(self.kind, name, new_values, new_places, load)
        prior = np.zeros(len(uniques), dtype=bool)
        prior[list(originals)] = True
        first_of = np.zeros(len(uniques), dtype=np.intp)
        first_of[distinct] = first
        later = prior[codes] | (np.arange(len(codes)) != first_of[codes])
        result = []
        for index in np.flatnonzero(later).tolist():
            code = int(codes[index])
            original = originals.get(code) or where.at(int(present[first_of[code]]))
            result.append((int(present[index]), original))
        return result

    def confirm(self, batches: Iterable[pd.DataFrame]) -> list[fnd.Finding]:
        """Warnings for identical rows: the candidate rows of every batch (in the order
        first read) grouped on their real values. Nothing to do (and nothing read again)
        without candidates."""
        wanted = self.engine().repeated_hashes(self.kind)
        if not len(wanted):
            return []
        columns = list(LEDGERS[self.kind].columns())
        picked = []
        for frame in batches:
            eligible = frame["_valid"].to_numpy(dtype=bool) & ~self._was_invalid(frame)
            positions = np.flatnonzero(eligible)
            chosen = positions[np.isin(row_hashes(frame[columns])[positions], wanted)]
            if len(chosen):
                picked.append(frame.iloc[chosen][[*columns, "_file", "_sheet", "_row", "_part"]])
        if not picked:
            return []
        rows = concat_frames(picked) if len(picked) > 1 else picked[0].reset_index(drop=True)
        where = Provenance.of(rows, {})
        later, first = repeated_rows(rows[columns], np.arange(len(rows)))
        return [
            where.finding(position, None, DUPLICATE_ROW, other=where.place(original))
            for position, original in zip(later.tolist(), first.tolist(), strict=True)
        ]

    def _was_invalid(self, frame: pd.DataFrame) -> npt.NDArray[np.bool_]:
        """Rows that lost validity as a repeated unique value (a batch read again has
        only the validity of its own cells)."""
        lost = np.zeros(len(frame), dtype=bool)
        if not self.invalid:
            return lost
        by_table: dict[tuple[str, str | None, int], list[int]] = {}
        for file, sheet, part, row in self.invalid:
            by_table.setdefault((file, sheet, part), []).append(row)
        files = frame["_file"].astype(object).to_numpy()
        sheets = frame["_sheet"].astype(object).to_numpy()
        parts, rows = frame["_part"].to_numpy(), frame["_row"].to_numpy()
        for (file, sheet, part), numbers in by_table.items():
            same = (files == file) & (parts == part)
            same &= pd.isna(sheets) if sheet is None else sheets == sheet
            lost |= same & np.isin(rows, numbers)
        return lost
