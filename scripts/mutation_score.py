"""The mutation score of a mutmut run, per file, and a seeded sample of mutants to run
when the whole set would take too long (README, "Mutation testing").

    python scripts/mutation_score.py                         # the score of what has run
    python scripts/mutation_score.py --sample 400 "zytalent.figures.*"
        # prints 400 mutant names chosen at random (seed 2023) among those matching;
        # pass them to `python -m mutmut run`

It reads mutmut's own result files (mutants/**/*.meta, JSON) and runs nothing itself.
A killed mutant is one a test failed on; a mutant that made the tests run past mutmut's
time limit is caught too (a hang is noticed); "no tests" are mutants of code no test
reaches. The score is (killed + timeout) / (killed + timeout + survived).
"""

from __future__ import annotations

import argparse
import fnmatch
import json
import random
import sys
from collections import Counter
from pathlib import Path

# mutmut 3's exit codes (mutmut/stats.py): 1 and 3 a test failed; 0 every test passed
STATUS = {1: "killed", 3: "killed", 0: "survived", 5: "no tests", 33: "no tests", None: "not run"}
TIMEOUT = {36, 24, -24, 152, 255}


def results(mutants: Path) -> dict[str, dict[str, int | None]]:
    """Per source file, each mutant's exit code (None: not run yet)."""
    found = {}
    for meta in sorted(mutants.rglob("*.py.meta")):
        codes = json.loads(meta.read_text(encoding="utf-8"))["exit_code_by_key"]
        found[str(meta.relative_to(mutants))[: -len(".meta")]] = codes
    return found


def status(code: int | None) -> str:
    if code in TIMEOUT:
        return "timeout"
    return STATUS.get(code, "other")


def score_lines(by_file: dict[str, dict[str, int | None]]) -> list[str]:
    lines = [
        "| file | killed | timeout | survived | no tests | not run | other | score |",
        "|---|---|---|---|---|---|---|---|",
    ]
    total: Counter[str] = Counter()
    for file, codes in by_file.items():
        counts = Counter(status(c) for c in codes.values())
        total.update(counts)
        if codes:
            lines.append(_line(file, counts))
    lines.append(_line("all", total))
    return lines


def _line(name: str, counts: Counter[str]) -> str:
    caught = counts["killed"] + counts["timeout"]
    tried = caught + counts["survived"]
    score = f"{100 * caught / tried:.1f} %" if tried else "—"
    return (
        f"| {name} | {counts['killed']} | {counts['timeout']} | {counts['survived']} "
        f"| {counts['no tests']} "
        f"| {counts['not run']} | {counts['other']} | {score} |"
    )


def sample(
    by_file: dict[str, dict[str, int | None]], patterns: list[str], size: int, seed: int
) -> list[str]:
    names = sorted(
        name
        for codes in by_file.values()
        for name in codes
        if any(fnmatch.fnmatch(name, p) for p in patterns or ["*"])
    )
    return sorted(random.Random(seed).sample(names, min(size, len(names))))


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("patterns", nargs="*", help="mutant names or fnmatch patterns")
    parser.add_argument("--mutants", type=Path, default=Path("mutants"))
    parser.add_argument("--sample", type=int, help="print this many mutant names at random")
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args()
    by_file = results(args.mutants)
    if not by_file:
        print(
            f"no mutmut results under {args.mutants}: run `python -m mutmut run` first",
            file=sys.stderr,
        )
        return 2
    if args.sample:
        print("\n".join(sample(by_file, args.patterns, args.sample, args.seed)))
        return 0
    if args.patterns:
        by_file = {
            f: {n: c for n, c in codes.items() if any(fnmatch.fnmatch(n, p) for p in args.patterns)}
            for f, codes in by_file.items()
        }
    print("\n".join(score_lines(by_file)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
