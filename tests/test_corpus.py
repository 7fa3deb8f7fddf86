"""End to end over a small messy inbox (tests/fixtures/corpus, built by make_fixtures.py):
the figures and every finding of `summarize --skip-invalid`, pinned in a golden file.

Set ZYTALENT_UPDATE_GOLDEN=1 to rewrite it after a deliberate change, then read the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from helpers import TODAY
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.summary import summarize

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDEN = FIXTURES / "corpus.expected.json"


def test_the_messy_inbox_gives_the_pinned_figures_and_findings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(FIXTURES)
    result = summarize(2023, ["corpus"], skip_invalid=True, today=TODAY).to_dict()
    text = json.dumps(result, ensure_ascii=False, indent=2) + "\n"
    if os.environ.get("ZYTALENT_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(text, encoding="utf-8")
    golden = json.loads(GOLDEN.read_text(encoding="utf-8"))
    assert json.loads(text) == golden
    figures = golden["figures"]
    # noise below (59.699999999999996) and above (0.30000000000000004) a whole fen
    assert figures["funds.disbursed"] == "60.00"
    # the lowercase x is read; the wrong check character and the second department's copy
    # of the same person are left out, each with its finding
    assert figures["hires.total"] == 3  # 张三 once, 李四 (x), +赵六 (text, not a formula)
    codes = sorted(f["code"] for f in golden["report"]["findings"] if f["severity"] == "error")
    assert codes == ["duplicate_person", "id_checksum", "money_precision"]


def test_the_cli_json_equals_the_library(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)
    result = CliRunner().invoke(
        app, ["summarize", "2023", "corpus", "--skip-invalid", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    library = summarize(2023, ["corpus"], skip_invalid=True).to_dict()
    assert json.loads(result.stdout)["figures"] == library["figures"]
