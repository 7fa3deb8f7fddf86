"""scripts/mutation_score.py: the score from mutmut's result files, and a seeded sample."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "mutation_score.py"


def meta(folder: Path, file: str, codes: dict[str, int | None]) -> None:
    path = folder / "mutants" / f"{file}.meta"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"exit_code_by_key": codes}), encoding="utf-8")


def run(folder: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], cwd=folder, capture_output=True, text=True
    )


def test_the_score_counts_timeouts_as_caught_and_untested_code_apart(tmp_path: Path) -> None:
    meta(tmp_path, "zytalent/a.py", {"zytalent.a.x_f__mutmut_1": 1, "zytalent.a.x_f__mutmut_2": 0})
    meta(
        tmp_path, "zytalent/b.py", {"zytalent.b.x_g__mutmut_1": 36, "zytalent.b.x_g__mutmut_2": 33}
    )
    meta(tmp_path, "zytalent/c.py", {"zytalent.c.x_h__mutmut_1": None})
    result = run(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[2:] == [
        "| zytalent/a.py | 1 | 0 | 1 | 0 | 0 | 0 | 50.0 % |",
        "| zytalent/b.py | 0 | 1 | 0 | 1 | 0 | 0 | 100.0 % |",
        "| zytalent/c.py | 0 | 0 | 0 | 0 | 1 | 0 | — |",
        "| all | 1 | 1 | 1 | 1 | 1 | 0 | 66.7 % |",
    ]
    only_a = run(tmp_path, "zytalent.a.*")
    assert only_a.stdout.splitlines()[-1] == "| all | 1 | 0 | 1 | 0 | 0 | 0 | 50.0 % |"


def test_a_sample_is_the_same_for_the_same_seed_and_keeps_to_its_patterns(tmp_path: Path) -> None:
    meta(tmp_path, "zytalent/a.py", {f"zytalent.a.x_f__mutmut_{i}": None for i in range(50)})
    meta(tmp_path, "zytalent/b.py", {f"zytalent.b.x_g__mutmut_{i}": None for i in range(50)})
    first = run(tmp_path, "--sample", "10", "zytalent.a.*").stdout.split()
    assert len(first) == 10 and all(n.startswith("zytalent.a.") for n in first)
    assert run(tmp_path, "--sample", "10", "zytalent.a.*").stdout.split() == first
    assert run(tmp_path, "--sample", "10", "--seed", "7", "zytalent.a.*").stdout.split() != first


def test_without_results_it_says_what_to_run(tmp_path: Path) -> None:
    result = run(tmp_path)
    assert result.returncode == 2
    assert "python -m mutmut run" in result.stderr
