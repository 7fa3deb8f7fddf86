"""Summary sheets and summary files: a table whose records repeat those of other tables of
the same kind in the same input (a 汇总 sheet before one sheet per township, a 全县 file
beside the townships' files) is a summary. Its records are not counted again; a warning
names it and the parts it summarises and says whether it agrees with them, and each
difference is a finding at its row. When only the summary is there, nothing repeats it,
and it is counted like any table.

Records are compared on the fields every table of the kind in the input has (a summary's
extra 乡镇 column is not held against it), as exact values, each record once per time it
occurs (a multiset), so a summary that lists a class twice disagrees with parts that
list it once.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from zytalent.checks.sheet import CheckedTable
from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import SHEET_SUMMARY, SUMMARY_ROW_MISSING, SUMMARY_ROW_UNMATCHED
from zytalent.diagnostics.i18n import Text
from zytalent.ledgers import LEDGERS

__all__ = ["Unit", "find_summaries"]

# words in a sheet name, file name or title that say "this adds up the others"
SUMMARY_WORDS = re.compile(r"汇总|合计|总表|全县|总计|合并")
# a table not named a summary must repeat this share of its records in two or more other
# tables (or all of them in one, as a copy of a sheet does) to be taken for one
SHARE_NAMED, SHARE_UNNAMED = 0.5, 0.8
Key = tuple[object, ...]


@dataclass
class Unit:
    """One sheet (all its parts, e.g. one table per month column) of one kind."""

    file: str
    sheet: str | None
    kind: str
    position: int  # in reading order: a later copy is the copy
    tables: list[CheckedTable]
    named: bool = False  # its name or title says it is a summary
    keys: list[tuple[Key, int]] = field(default_factory=list)  # (record, row)

    @property
    def size(self) -> int:
        return len(self.keys)

    def label(self) -> str:
        return " › ".join(p for p in (self.file, self.sheet) if p)

    def where(self) -> tuple[str, str | None]:
        return (self.file, self.sheet)


def unit_of(file: str, sheet: str | None, position: int, tables: list[CheckedTable]) -> Unit:
    titles = [t for table in tables for t in table.table.titles]
    names = [sheet or "", *titles] if sheet else [file.rsplit("/", 1)[-1], *titles]
    named = any(SUMMARY_WORDS.search(n) for n in names if n)
    return Unit(file, sheet, tables[0].table.kind, position, tables, named)


def find_summaries(units: list[Unit]) -> tuple[set[tuple[str, str | None]], list[fnd.Finding]]:
    """The sheets that are summaries of others (file, sheet), and the findings saying so."""
    summaries: set[tuple[str, str | None]] = set()
    found: list[fnd.Finding] = []
    by_kind: dict[str, list[Unit]] = {}
    for unit in units:
        by_kind.setdefault(unit.kind, []).append(unit)
    for kind, group in by_kind.items():
        if len(group) < 2:
            continue
        _key_records(kind, group)
        chosen: list[Unit] = []
        # the smallest first (a township's 汇总 before the county's), a named one and then
        # the later of two equal tables first (the copy, not the original)
        for unit in sorted(group, key=lambda u: (u.size, not u.named, -u.position)):
            parts = [
                u
                for u in group
                if u is not unit and u not in chosen and u.size <= unit.size and u.size
            ]
            result = _summary_of(unit, parts)
            if result is None:
                continue
            chosen.append(unit)
            summaries.add(unit.where())
            found.extend(result)
    return summaries, found


def _key_records(kind: str, group: list[Unit]) -> None:
    common = set(LEDGERS[kind].columns())
    for unit in group:
        common &= {name for table in unit.tables for name in table.table.columns}
    fields = [name for name in LEDGERS[kind].columns() if name in common]
    for unit in group:
        unit.keys = []
        for table in unit.tables:
            frame = table.frame
            if not fields or frame.empty:
                continue
            values = [_plain(frame[name]) for name in fields]
            unit.keys.extend(zip(zip(*values, strict=True), frame["_row"].tolist(), strict=True))


def _plain(column: pd.Series) -> list[object]:
    """Values comparable across tables: missing as None, everything else as it parsed."""
    return [None if pd.isna(v) else v for v in column.astype(object).tolist()]


def _summary_of(unit: Unit, parts: list[Unit]) -> list[fnd.Finding] | None:
    """The findings when `unit` summarises some of `parts`, else None."""
    if not unit.size or not parts:
        return None
    mine = Counter(key for key, _ in unit.keys)
    sharing = [p for p in parts if any(key in mine for key, _ in p.keys)]
    if not sharing:
        return None
    theirs: Counter[Key] = Counter()
    for part in sharing:
        theirs.update(key for key, _ in part.keys)
    matched = sum(min(count, theirs[key]) for key, count in mine.items())
    share = matched / unit.size
    is_copy = len(sharing) == 1 and matched == unit.size == sharing[0].size
    if not (
        (unit.named and share >= SHARE_NAMED)
        or (len(sharing) >= 2 and share >= SHARE_UNNAMED)
        or is_copy
    ):
        return None
    return _findings(unit, sharing, mine, theirs)


def _findings(
    unit: Unit, parts: list[Unit], mine: Counter[Key], theirs: Counter[Key]
) -> list[fnd.Finding]:
    extra = mine - theirs  # in the summary, in no part
    missing = theirs - mine  # in a part, not in the summary
    # a part in the summary's own workbook is named by its sheet alone
    names = "、".join(
        f"“{p.sheet if p.file == unit.file and p.sheet else p.label()}”" for p in parts
    )
    agrees = not extra and not missing
    agreement = (
        Text("与各分表逐条一致。", "It agrees with them record for record.")
        if agrees
        else Text(
            "与各分表不一致：{extra} 条记录在分表中找不到，{missing} 条分表记录不在汇总中，见各行提示。",
            "It does not agree with them: {extra} of its records are in no part, {missing} records of the parts are not in it; see the rows named.",
        ).format(extra=sum(extra.values()), missing=sum(missing.values()))
    )
    table = unit.tables[0].table
    found = [
        fnd.make(
            SHEET_SUMMARY,
            file=unit.file,
            sheet=unit.sheet,
            row=table.header_row,
            name=unit.sheet or unit.label(),
            parts=names,
            records=unit.size,
            agreement=agreement,
        )
    ]
    summary_name = unit.label()
    own = unit.sheet or unit.label()
    left = Counter(extra)
    for key, row in unit.keys:
        if left[key] > 0:
            left[key] -= 1
            found.append(fnd.make(SUMMARY_ROW_UNMATCHED, file=unit.file, sheet=unit.sheet, row=row))
    for part in parts:
        for key, row in part.keys:
            if missing[key] > 0:
                missing[key] -= 1
                found.append(
                    fnd.make(
                        SUMMARY_ROW_MISSING,
                        file=part.file,
                        sheet=part.sheet,
                        row=row,
                        summary=own if part.file == unit.file else summary_name,
                    )
                )
    return found
