"""Named fixture files and their golden findings reports.

Set ZYTALENT_UPDATE_GOLDEN=1 to rewrite the golden files after a deliberate change,
then read the diff before committing it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import TODAY

from zytalent.load import load

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CASES = sorted(
    p for p in FIXTURES.iterdir() if p.suffix in (".xlsx", ".csv", ".ods", ".xls", ".docx")
)


@pytest.mark.parametrize("path", CASES, ids=[p.name for p in CASES])
def test_findings_report_matches_golden(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    report = load([path.name], year=2023, today=TODAY).report()
    golden = path.with_name(path.name + ".expected.json")
    text = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    if os.environ.get("ZYTALENT_UPDATE_GOLDEN") == "1":
        golden.write_text(text, encoding="utf-8")
    assert json.loads(text) == json.loads(golden.read_text(encoding="utf-8"))
