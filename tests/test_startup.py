"""Start-up stays light: the commands a clerk runs to look things up import neither
pandas, numpy nor pyarrow (seconds on an office PC), only the commands that read do."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("pandas", "numpy", "pyarrow")
PROBE = """
import runpy, sys
sys.argv = ["zytalent", *{args!r}]
try:
    runpy.run_module("zytalent", run_name="__main__")
except SystemExit:
    pass
print("HEAVY:" + ",".join(m for m in {heavy!r} if m in sys.modules), file=sys.stderr)
"""


def heavy_imports(*args: str) -> list[str]:
    code = PROBE.format(args=list(args), heavy=HEAVY)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    line = next(ln for ln in result.stderr.splitlines() if ln.startswith("HEAVY:"))
    return [m for m in line.removeprefix("HEAVY:").split(",") if m]


@pytest.mark.parametrize(
    "args", [["--help"], ["ledgers"], ["ledgers", "meals"], ["figures"], ["figures", "养老"]]
)
def test_looking_things_up_imports_no_data_library(args: list[str]) -> None:
    assert heavy_imports(*args) == []


def test_the_probe_sees_a_command_that_reads() -> None:
    data = Path(__file__).resolve().parents[1] / "data" / "2024"
    assert "pandas" in heavy_imports("validate", str(data))
