"""Which figures the errors in the inputs touch. An error in a column no figure uses (性别)
blocks no figure: `summarize` gives every figure whose inputs are valid, refuses those an
error touches, and names the errors that touch none (they are still errors, and
`validate` still says so).

- An error about a whole file, or a sheet whose kind is unknown, may touch anything: no
  figure is given (`Summary.blocked`).
- An error in a cell touches the figures that use its column (figures/inputs.py); an end
  date before its start touches both dates.
- Any other error in a sheet read as a ledger (a missing column, a repeated person, a
  month without a year) touches every figure of that ledger.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from zytalent.diagnostics.codes import END_BEFORE_START, KIND_AMBIGUOUS
from zytalent.diagnostics.findings import Finding
from zytalent.figures.inputs import figure_fields
from zytalent.figures.registry import FIGURES
from zytalent.ledgers import LEDGERS
from zytalent.load import Loaded

EVERY = None  # every field of a kind


@dataclass
class Touched:
    anything: bool = False  # an error that may touch any figure
    fields: dict[str, set[str] | None] = field(default_factory=dict)  # kind -> fields or EVERY
    harmless: list[Finding] = field(default_factory=list)  # errors that touch no figure

    def refuses(self, figure_id: str) -> bool:
        figure = FIGURES[figure_id]
        if self.anything:
            return True
        if figure.kind not in self.fields:
            return False
        touched = self.fields[figure.kind]
        return touched is EVERY or bool(touched & figure_fields(figure_id))


def touched(loaded: Loaded) -> Touched:
    result = Touched()
    for finding in loaded.findings.items:
        if finding.severity != "error":
            continue
        where = _fields_of(loaded, finding)
        if where is None:
            result.anything = True
            continue
        kind, names = where
        if names is EVERY:
            result.fields[kind] = EVERY
            continue
        if not any(figure_fields(f.id) & names for f in FIGURES.values() if f.kind == kind):
            result.harmless.append(finding)
            continue
        known = result.fields.setdefault(kind, set())
        if known is not EVERY:
            known |= names
    return result


def _fields_of(loaded: Loaded, finding: Finding) -> tuple[str, set[str] | None] | None:
    """The kind and fields an error is about; None when it may be about anything."""
    if finding.scope == "file" or finding.declared == KIND_AMBIGUOUS:
        return None
    kind = loaded.kind_of(finding.file, finding.sheet)
    if kind is None:
        return None
    if finding.scope != "cell" or finding.column is None:
        return kind, EVERY
    name = loaded.headers.get((finding.file or "", finding.sheet, finding.column), (kind, ""))[1]
    column = LEDGERS[kind].columns().get(name)
    if column is None:
        return kind, EVERY
    names = {name}
    if finding.declared == END_BEFORE_START and column.not_before:
        names.add(column.not_before)
    return kind, names
