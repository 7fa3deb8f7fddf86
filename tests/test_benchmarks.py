"""The benchmark files are what the README's table says: deterministic, split exactly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from zytalent.load import load

GENERATE = Path(__file__).resolve().parent.parent / "benchmarks" / "generate.py"


def generate(*args: str) -> None:
    subprocess.run([sys.executable, str(GENERATE), *args], check=True)


def test_generated_ledgers_are_deterministic_and_valid(tmp_path: Path) -> None:
    first, second = tmp_path / "a" / "meals.csv", tmp_path / "b" / "meals.csv"
    generate("meals", "1200", str(first))
    generate("meals", "1200", str(second))
    assert first.read_bytes() == second.read_bytes()
    loaded = load([first])
    assert loaded.findings.errors == 0 and len(loaded.frames["meals"]) == 1200


def test_split_and_spoiled_files(tmp_path: Path) -> None:
    generate("meals", "1000", str(tmp_path / "towns" / "meals.csv"), "--split", "3")
    parts = sorted((tmp_path / "towns").glob("*.csv"))
    assert [p.name for p in parts] == ["meals_001.csv", "meals_002.csv", "meals_003.csv"]
    assert len(load(parts).frames["meals"]) == 1000
    generate("meals", "800", str(tmp_path / "eight.csv"), "--bad-cells", "8")
    assert load([tmp_path / "eight.csv"]).findings.errors == 8
