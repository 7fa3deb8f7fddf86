"""Every figure's value on every input we have: the bundled data (2022–2024), each named
fixture, the messy corpus and a generated city (five counties, spoilt cells, the same
people in two counties). `tests/figures.expected.json` holds the values the pandas figures
gave before figures became data computed by DuckDB; test_figure_values.py checks that
every one is still exactly that, records kept or stored, and read back from Parquet.

    python tests/figure_cases.py tests/figures.expected.json   # rewrite (read the diff)
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "benchmarks")]

from helpers import TODAY  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures"
DATA = ROOT / "data"
GOLDEN = ROOT / "tests" / "figures.expected.json"
CITY = {"中阳县": 900, "离石区": 1300, "柳林县": 700, "孝义市": 1100, "汾阳市": 500}
CITY_KINDS = ("meals", "hires", "training", "skills", "funds")


def write_city(root: Path) -> Path:
    """Five counties of generated ledgers; the generator's seed is fixed per kind, so a
    county's first rows are another's again (the same elder, the same certificate)."""
    from generate import write  # benchmarks/generate.py

    for number, (county, rows) in enumerate(CITY.items()):
        for kind in CITY_KINDS:
            suffix = ".xlsx" if kind in ("hires", "funds") else ".csv"
            write(kind, rows, root / county / f"{kind}{suffix}", invalid=0.02 * (number % 3))
    return root


def case_names() -> list[str]:
    names = [f"data/{year}" for year in (2022, 2023, 2024)]
    names += [
        f"fixtures/{p.name}"
        for p in sorted(FIXTURES.iterdir())
        if p.suffix in (".xlsx", ".csv", ".ods", ".xls", ".docx")
    ]
    return [*names, "fixtures/corpus", "city"]


def inputs(name: str, scratch: Path) -> tuple[int, list[Path]]:
    """The year and paths of one input (the city is written into `scratch` once)."""
    if name.startswith("data/"):
        return int(name[5:]), [DATA / name[5:]]
    if name == "city":
        root = scratch / "吕梁市"
        return 2023, [root if root.exists() else write_city(root)]
    return 2023, [FIXTURES / name.removeprefix("fixtures/")]


def values(year: int, paths: list[Path], keep_records: bool) -> dict[str, object]:
    """The figures as `summarize` gives them, strict and with --skip-invalid."""
    from zytalent.summary import summarize

    out: dict[str, object] = {}
    for skip in (False, True):
        summary = summarize(year, paths, today=TODAY, skip_invalid=skip, keep_records=keep_records)
        result = summary.to_dict()
        out["skip_invalid" if skip else "strict"] = {
            "figures": result["figures"],
            "sources": result["sources"],
            "refused": result.get("refused", []),
            "left_out": result["left_out"],
        }
    return out


def all_values(scratch: Path, keep_records: bool = False) -> dict[str, object]:
    return {name: values(*inputs(name, scratch), keep_records) for name in case_names()}


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        text = json.dumps(all_values(Path(folder)), ensure_ascii=False, indent=1) + "\n"
    Path(sys.argv[1] if len(sys.argv) > 1 else GOLDEN).write_text(text, encoding="utf-8")
