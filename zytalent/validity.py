"""Which fields of a record are valid, and which figures an error touches.

A record's invalid fields are one bit each in its `_bad` column (the field's position in
its ledger), and `RECORD_BIT` when the record itself is in question (a required column is
missing, the person or value repeats). A figure counts every record of the year whose
fields it uses are valid: a wrong 性别 does not take a hire out of 引进人才. A figure uses
its measured field, the fields its selection looks at, the field that dates the record in
a year, and a ledger's unique identity (an ID number that must not repeat).
"""

from __future__ import annotations

from functools import cache

from zytalent.ledgers import LEDGERS

RECORD_BIT = 1 << 62


@cache
def field_bit(kind: str, name: str) -> int:
    return 1 << list(LEDGERS[kind].columns()).index(name)


def fields_mask(kind: str, names: frozenset[str]) -> int:
    """The bits of these fields, and the record's own."""
    columns = LEDGERS[kind].columns()
    mask = RECORD_BIT
    for name in names:
        if name in columns:
            mask |= field_bit(kind, name)
    return mask
