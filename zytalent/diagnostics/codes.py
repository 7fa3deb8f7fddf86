"""Every finding code with what it is about: a whole file, a sheet, a column, a row, a
cell, or records across files. Whatever counts or groups findings asks the code's scope
here, never a hand-kept list of names (a list of two codes once missed encrypted,
too-large and unsafe files when counting the files --skip-invalid left out)."""

from __future__ import annotations

from typing import Literal

Scope = Literal["file", "sheet", "column", "row", "cell", "across", "output"]

SCOPES: dict[str, Scope] = {
    # a whole file: when it is an error, nothing of the file is read
    "file_unreadable": "file",
    "file_encrypted": "file",
    "file_too_large": "file",
    "file_unsafe_xml": "file",
    "file_no_ledger": "file",
    "file_format_old": "file",
    "file_duplicate": "file",
    "file_skipped": "file",
    "file_skipped_temporary": "file",
    "csv_ragged_rows": "file",
    # a worksheet
    "formula_without_value": "sheet",
    "sheet_hidden": "sheet",
    "sheet_skipped": "sheet",
    "kind_ambiguous": "sheet",
    "rows_hidden": "sheet",
    "layout_months": "sheet",
    "period_from_sheet": "sheet",
    "month_year_unknown": "sheet",
    "rows_skipped": "sheet",
    "columns_unused": "sheet",
    # a column of a sheet
    "column_missing": "column",
    "column_duplicate": "column",
    # a row (a record, a 合计 row)
    "duplicate_row": "row",
    "total_mismatch": "cell",
    "total_mismatch_invalid": "cell",
    "row_total_mismatch": "cell",
    # one cell
    "cell_empty": "cell",
    "not_a_number": "cell",
    "not_integer": "cell",
    "below_minimum": "cell",
    "negative": "cell",
    "too_large": "cell",
    "money_precision": "cell",
    "not_a_date": "cell",
    "date_ambiguous": "cell",
    "value_not_allowed": "cell",
    "id_number_as_number": "cell",
    "id_format": "cell",
    "id_birth_date": "cell",
    "id_region": "cell",
    "id_region_unknown": "cell",
    "id_checksum": "cell",
    "uscc_format": "cell",
    "uscc_checksum": "cell",
    "phone_format": "cell",
    "text_garbled": "cell",
    "end_before_start": "cell",
    "after_year": "cell",
    "outside_year": "cell",
    "elder_under_60": "cell",
    # records compared across the rows and files of a ledger
    "duplicate_person": "across",
    "duplicate_value": "across",
    # what zytalent wrote, not what it read
    "annotate_failed": "output",
}


def scope(code: str) -> Scope:
    return SCOPES[code]


def leaves_file_out(code: str, severity: str) -> bool:
    """An error about a whole file: nothing of that file was read."""
    return severity == "error" and SCOPES.get(code) == "file"
