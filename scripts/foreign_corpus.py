"""Run zytalent over other people's spreadsheets, each in its own bounded process.

    python scripts/foreign_corpus.py DIR [--seconds 60] [--memory-mb 4096] [--jobs 2]

Every spreadsheet under DIR (the formats zytalent reads) is given to
`zytalent validate FILE --format json --annotate TMP`, one process per file, with an
address-space limit and a time limit. The report lists the exit codes, every crash (a
signal: an abort, a segfault, the memory limit), every hang (the time limit), every
traceback or "internal error", the peak memory and the slowest files. Point it at a
checkout of another project's test files (SheetJS, openpyxl, calamine, …); it fetches
nothing and writes only to a temporary folder. The exit code is 1 when anything crashed,
hung or printed a traceback, else 0.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zytalent.reading.grids import SPREADSHEET_SUFFIXES  # noqa: E402


@dataclass
class Outcome:
    file: Path
    code: int | None  # None: killed at the time limit
    seconds: float
    peak_mib: float
    traceback: bool
    stderr_tail: str

    @property
    def verdict(self) -> str:
        if self.code is None:
            return "hang"
        if self.code < 0:
            return "crash"
        if self.traceback or self.code == 3:
            return "traceback"
        return f"exit {self.code}"


def run_one(file: Path, seconds: float, memory_mb: int, outdir: Path) -> Outcome:
    def limit() -> None:
        cap = memory_mb << 20
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    command = [sys.executable, "-m", "zytalent", "validate", str(file), "--format", "json"]
    command += ["--annotate", str(outdir), "--force"]
    started = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=limit,  # the limit must be set in the child before exec
        cwd=outdir,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    killed = threading.Event()

    def kill() -> None:
        killed.set()
        process.kill()

    timer = threading.Timer(seconds, kill)
    timer.start()
    assert process.stderr is not None
    err = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)  # this child's own peak memory
    timer.cancel()
    process.returncode = os.waitstatus_to_exitcode(status)
    code = None if killed.is_set() else process.returncode
    elapsed = time.perf_counter() - started
    text = err.decode("utf-8", "replace")
    return Outcome(
        file,
        code,
        elapsed,
        usage.ru_maxrss / 1024,
        "Traceback" in text or "internal error" in text,
        text.strip()[-300:],
    )


def spreadsheets(folder: Path) -> list[Path]:
    return sorted(
        p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SPREADSHEET_SUFFIXES
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--memory-mb", type=int, default=4096)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--slowest", type=int, default=10)
    args = parser.parse_args()
    files = spreadsheets(args.folder)
    with tempfile.TemporaryDirectory() as scratch:
        outdir = Path(scratch)
        with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            outcomes = list(
                pool.map(lambda f: run_one(f, args.seconds, args.memory_mb, outdir), files)
            )
    verdicts = Counter(o.verdict for o in outcomes)
    print(f"{len(outcomes)} spreadsheets under {args.folder}")
    for verdict, count in sorted(verdicts.items()):
        print(f"  {verdict:<10} {count}")
    bad = [o for o in outcomes if o.verdict in ("hang", "crash", "traceback")]
    for outcome in bad:
        print(f"\n{outcome.verdict}: {outcome.file} (exit {outcome.code}, {outcome.seconds:.1f} s)")
        if outcome.stderr_tail:
            print("  " + outcome.stderr_tail.replace("\n", "\n  "))
    peak = max((o.peak_mib for o in outcomes), default=0.0)
    print(f"\npeak memory of any one run: {peak:.0f} MiB")
    print(f"slowest {args.slowest}:")
    for outcome in sorted(outcomes, key=lambda o: -o.seconds)[: args.slowest]:
        print(f"  {outcome.seconds:6.1f} s  {outcome.verdict:<10} {outcome.file}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
