"""Benchmarks: zytalent beside a bare pandas read and the tools people use instead.

    python -m pip install ".[bench]"
    python benchmarks/run.py                 # 200k and 1M rows, 1M in 100 files, a 100k-row workbook, start-up
    python benchmarks/run.py --ten-million   # also 10M rows (about 1 GB of CSV, a few minutes)
    python benchmarks/run.py --scale         # only 10M, 20M and 40M rows (7 GB of CSV, ~20 min)

Every figure is a whole process (start-up included), the median of --repeat runs, with
its peak resident memory; ratios are to the bare pandas read of the same file in the same
run, so a busy machine slows both sides. Files are generated deterministically into
--workdir and reused.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
ZYTALENT = [PYTHON, "-m", "zytalent"]
PEERS = [PYTHON, str(HERE / "peers.py")]


@dataclass
class Measure:
    label: str
    seconds: float
    peak_mib: float
    rows: int

    def line(self, bare: float | None) -> str:
        rate = f"{self.rows / self.seconds:,.0f}" if self.rows else "—"
        ratio = f"{self.seconds / bare:.2f}×" if bare else "—"
        return f"| {self.label} | {self.seconds:.2f} | {self.peak_mib:,.0f} | {rate} | {ratio} |"


def run_once(command: list[str]) -> tuple[float, float]:
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    # zytalent exits 1 on findings; a peer that does not exit 0 failed (and its time is
    # not a measure of anything)
    allowed = (0,) if command[: len(PEERS)] == PEERS else (0, 1)
    if os.waitstatus_to_exitcode(status) not in allowed:
        raise RuntimeError(f"{' '.join(command)} failed with {status}")
    return seconds, usage.ru_maxrss / 1024


def measure(label: str, command: list[str], rows: int, repeat: int) -> Measure:
    runs = [run_once(command) for _ in range(repeat)]
    return Measure(label, statistics.median(r[0] for r in runs), max(r[1] for r in runs), rows)


def ensure(
    path: Path, kind: str, rows: int, invalid: float = 0.0, bad_cells: int = 0, split: int = 0
) -> Path:
    made = any(path.parent.glob(f"{path.stem}_*.csv")) if split else path.exists()
    if not made:
        # in a child process: the runner stays small, so children's peak RSS is their own
        command = [
            PYTHON,
            str(HERE / "generate.py"),
            kind,
            str(rows),
            str(path),
            "--invalid",
            str(invalid),
            "--bad-cells",
            str(bad_cells),
            "--split",
            str(split),
        ]
        subprocess.run(command, check=True)
    return path


def table(title: str, measures: list[Measure], bare: float | None) -> None:
    print(f"\n### {title}\n")
    print("| tool | wall s (median) | peak RSS MiB | rows/s | × bare read |")
    print("|---|---|---|---|---|")
    for m in measures:
        print(m.line(bare))


def csv_size(work: Path, rows: int, repeat: int, peers: bool) -> float:
    label = f"{rows:,}"
    clean = ensure(work / f"meals_{rows}" / "meals.csv", "meals", rows)
    invalid = ensure(work / f"meals_{rows}_5pct" / "meals.csv", "meals", rows, invalid=0.05)
    measures = [
        measure(
            "pandas.read_csv(engine='pyarrow', dtype=str)",
            [*PEERS, "bare-csv", str(clean)],
            rows,
            repeat,
        )
    ]
    bare = measures[0].seconds
    summarize = measure(
        "zytalent summarize 2023 (clean)",
        [*ZYTALENT, "summarize", "2023", str(clean.parent), "--format", "json"],
        rows,
        repeat,
    )
    measures += [
        summarize,
        measure(
            "zytalent validate (clean)",
            [*ZYTALENT, "validate", str(clean), "--format", "json"],
            rows,
            repeat,
        ),
        measure(
            "zytalent validate (5% rows invalid, every cell reported)",
            [*ZYTALENT, "validate", str(invalid), "--format", "json"],
            rows,
            repeat,
        ),
    ]
    eight = ensure(work / f"meals_{rows}_8bad" / "meals.csv", "meals", rows, bad_cells=8)
    # at scale the peers take tens of seconds: frictionless (the fastest) once, the rest not
    peer_runs = repeat if peers else 1
    measures += [
        measure(
            "zytalent validate (8 bad cells)",
            [*ZYTALENT, "validate", str(eight), "--format", "json"],
            rows,
            repeat,
        ),
        measure(
            "frictionless validate, Table Schema (8 bad cells)" + ("" if peers else ", 1 run"),
            [*PEERS, "frictionless", str(eight)],
            rows,
            peer_runs,
        ),
    ]
    if peers:
        measures += [
            measure(
                "pandera lazy=True (8 bad cells, one a bad date)",
                [*PEERS, "pandera", str(eight)],
                rows,
                repeat,
            ),
            measure(
                "pydantic model_validate per row (8 bad cells)",
                [*PEERS, "pydantic-rows", str(eight)],
                rows,
                1,
            ),
        ]
    table(f"meals CSV, {label} rows ({clean.stat().st_size / 2**20:,.0f} MiB)", measures, bare)
    return summarize.seconds


def many_files(work: Path, rows: int, files: int, repeat: int) -> None:
    """A city's ledgers: the same rows spread over many files (per-file costs show here)."""
    folder = ensure(work / f"meals_{rows}_in_{files}" / "meals.csv", "meals", rows, split=files)
    folder = folder.parent
    measures = [
        measure(
            "pandas.read_csv(engine='pyarrow', dtype=str), each file",
            [*PEERS, "bare-csv", str(folder)],
            rows,
            repeat,
        )
    ]
    measures += [
        measure(
            "zytalent summarize 2023",
            [*ZYTALENT, "summarize", "2023", str(folder), "--format", "json"],
            rows,
            repeat,
        ),
        measure(
            "zytalent validate",
            [*ZYTALENT, "validate", str(folder), "--format", "json"],
            rows,
            repeat,
        ),
    ]
    table(f"meals CSV, {rows:,} rows in {files} files", measures, measures[0].seconds)


def workbook(work: Path, rows: int, repeat: int) -> None:
    path = ensure(work / f"meals_{rows}_xlsx" / "meals.xlsx", "meals", rows)
    measures = [
        measure(
            "pandas.read_excel(engine='calamine')", [*PEERS, "bare-excel", str(path)], rows, repeat
        )
    ]
    measures += [
        measure(
            "zytalent summarize 2023",
            [*ZYTALENT, "summarize", "2023", str(path.parent), "--format", "json"],
            rows,
            repeat,
        ),
        measure(
            "zytalent validate",
            [*ZYTALENT, "validate", str(path), "--format", "json"],
            rows,
            repeat,
        ),
    ]
    table(f"meals workbook, {rows:,} rows, title row and 合计 row", measures, measures[0].seconds)


def wide(work: Path, repeat: int) -> None:
    """Header detection costs the header's cells once, not once per ledger kind: a sheet
    of 16,384 columns (Excel's widest) and a CSV of 9,000, beside a bare read of each;
    and a meal ledger kept as most towns keep it, one row per elder, a column per month."""
    folder = work / "wide"
    folder.mkdir(exist_ok=True)
    sheet, text, months = folder / "wide.xlsx", folder / "wide.csv", folder / "months.xlsx"
    if not (sheet.exists() and text.exists() and months.exists()):
        code = f"import sys; sys.path.insert(0, {str(HERE)!r}); import generate; "
        code += f"generate.write_wide(generate.Path({str(folder)!r}))"
        subprocess.run([PYTHON, "-c", code], check=True)  # a child: the runner stays small
    for path, label, bare in (
        (sheet, "workbook, 16,384 columns × 20 rows", "bare-excel"),
        (text, "CSV, 9,000 columns × 20 rows", "bare-csv"),
        (months, "meal workbook, 3,000 elders × 12 month columns (36,000 cells)", "bare-excel"),
    ):
        rows = 36_000 if path == months else 20
        measures = [
            measure(f"pandas read ({bare})", [*PEERS, bare, str(path)], rows, repeat),
            measure(
                "zytalent validate",
                [*ZYTALENT, "validate", str(path), "--format", "json"],
                rows,
                repeat,
            ),
        ]
        table(label, measures, measures[0].seconds)


def scale(work: Path, sizes: list[int], repeat: int) -> None:
    """A province's year of meal records: time in proportion to the rows and memory that
    does not follow them (a large CSV is read and checked in chunks of rows)."""
    print("\n### meals CSV at scale: summarize beside a bare read of the same file\n")
    print(
        "| rows | CSV MiB | bare read s | bare peak MiB | summarize s | summarize peak MiB "
        "| × bare read | time × previous | memory × previous |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    previous: Measure | None = None
    for rows in sizes:
        path = ensure(work / f"meals_{rows}" / "meals.csv", "meals", rows)
        bare = measure("bare", [*PEERS, "bare-csv", str(path)], rows, repeat)
        ours = measure(
            "summarize",
            [*ZYTALENT, "summarize", "2023", str(path.parent), "--format", "json"],
            rows,
            repeat,
        )
        growth = (
            f"{ours.seconds / previous.seconds:.2f}× | {ours.peak_mib / previous.peak_mib:.2f}×"
            if previous
            else "— | —"
        )
        print(
            f"| {rows:,} | {path.stat().st_size / 2**20:,.0f} | {bare.seconds:.1f} "
            f"| {bare.peak_mib:,.0f} | {ours.seconds:.1f} | {ours.peak_mib:,.0f} "
            f"| {ours.seconds / bare.seconds:.2f}× | {growth} |",
            flush=True,
        )
        previous = ours


def flood(work: Path, rows: int, repeat: int) -> None:
    """A sheet whose six required columns are empty in every row: the findings are one
    run per column (rows 3–N), not a finding per cell, so time and memory stay those of
    reading the rows."""
    path = work / f"flood_{rows}" / "hires.csv"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        lines = ["2023年引进人才台账", "姓名,身份证号,学历,引进单位,引进领域,到岗日期,备注"]
        lines += [f",,,,,,第{i}条" for i in range(rows)]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    measures = [
        measure(
            "pandas.read_csv(engine='pyarrow', dtype=str)",
            [*PEERS, "bare-csv", str(path)],
            rows,
            repeat,
        ),
        measure(
            "zytalent validate --format json",
            [*ZYTALENT, "validate", str(path), "--format", "json"],
            rows,
            repeat,
        ),
    ]
    table(
        f"hires CSV, {rows:,} rows, six required columns empty in every row",
        measures,
        measures[0].seconds,
    )
    report = subprocess.run(
        [*ZYTALENT, "validate", str(path), "--format", "json"], capture_output=True, text=True
    ).stdout
    import json

    findings = json.loads(report)["findings"]
    cells = sum(f.get("count", 1) for f in findings)
    print(f"\nfindings: {len(findings):,} (covering {cells:,} cells)")


def records_dataset(folder: Path, rows: int) -> Path:
    """A province's meal records in 117 county files (generate.py meal-records), made in a
    child process so that the runner stays small."""
    if not folder.exists():
        command = [PYTHON, str(HERE / "generate.py"), "meal-records", str(rows), str(folder)]
        subprocess.run(command, check=True)
    return folder


def engine(work: Path, rows: int, repeat: int, records_rows: int) -> None:
    """The figures beside a hand-written DuckDB query of the same figures over the same
    file, in the same run: a meal CSV through `summarize` (reading and checking every
    cell included), and a province's Parquet records through `summarize --records`."""
    path = ensure(work / f"meals_{rows}" / "meals.csv", "meals", rows)
    pairs = [
        (
            f"meals CSV, {rows:,} rows",
            measure("duckdb query (peer)", [*PEERS, "duckdb-meals", str(path)], rows, repeat),
            measure(
                "zytalent summarize 2023",
                [*ZYTALENT, "summarize", "2023", str(path.parent), "--format", "json"],
                rows,
                repeat,
            ),
        )
    ]
    folder = records_dataset(work / f"records_{records_rows}", records_rows)
    pairs.append(
        (
            f"Parquet records, {records_rows:,} rows in 117 county files",
            measure(
                "duckdb query (peer)",
                [*PEERS, "duckdb-records", str(folder / "**" / "*.parquet")],
                records_rows,
                repeat,
            ),
            measure(
                "zytalent summarize 2023 --records",
                [*ZYTALENT, "summarize", "2023", "--records", str(folder), "--format", "json"],
                records_rows,
                repeat,
            ),
        )
    )
    print("\n### figures beside a hand-written DuckDB query of the same figures\n")
    print("| input | peer s | peer MiB | zytalent s | zytalent MiB | time × peer | memory × peer |")
    print("|---|---|---|---|---|---|---|")
    for label, peer, ours in pairs:
        print(
            f"| {label} | {peer.seconds:.2f} | {peer.peak_mib:,.0f} | {ours.seconds:.2f} "
            f"| {ours.peak_mib:,.0f} | {ours.seconds / peer.seconds:.2f}× "
            f"| {ours.peak_mib / peer.peak_mib:.2f}× |",
            flush=True,
        )


def startup(repeat: int) -> None:
    measures = [
        measure("python -c pass", [PYTHON, "-c", "pass"], 0, repeat),
        measure("zytalent --help", [*ZYTALENT, "--help"], 0, repeat),
        measure("zytalent ledgers", [*ZYTALENT, "ledgers"], 0, repeat),
    ]
    table("start-up", measures, None)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--workdir", type=Path, default=Path(os.environ.get("TMPDIR", "/tmp")) / "zytalent-bench"
    )
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--ten-million", action="store_true")
    parser.add_argument("--scale", action="store_true", help="only 10M, 20M and 40M rows")
    parser.add_argument(
        "--engine",
        default="",
        metavar="CSV_ROWS,RECORDS_ROWS",
        help="only the figures beside DuckDB, e.g. 1000000,100000000",
    )
    parser.add_argument(
        "--sizes", default="10000000,20000000,40000000", help="rows for --scale, comma-separated"
    )
    args = parser.parse_args()
    args.workdir.mkdir(parents=True, exist_ok=True)
    print(
        f"## zytalent benchmarks, {time.strftime('%Y-%m-%d')}, {platform.machine()}, "
        f"{os.cpu_count()} cores, Python {platform.python_version()}"
    )
    if args.engine:
        csv_rows, records_rows = (int(n) for n in args.engine.split(","))
        engine(args.workdir, csv_rows, args.repeat, records_rows)
        return
    if args.scale:
        scale(args.workdir, [int(n) for n in args.sizes.split(",")], args.repeat)
        return
    startup(args.repeat)
    csv_size(args.workdir, 200_000, args.repeat, peers=True)
    one_million = csv_size(args.workdir, 1_000_000, args.repeat, peers=False)
    many_files(args.workdir, 1_000_000, 100, args.repeat)
    workbook(args.workdir, 100_000, args.repeat)
    wide(args.workdir, args.repeat)
    flood(args.workdir, 200_000, args.repeat)
    engine(args.workdir, 1_000_000, args.repeat, 10_000_000)
    if args.ten_million:
        rows = 10_000_000
        path = ensure(args.workdir / f"meals_{rows}" / "meals.csv", "meals", rows)
        measures = [
            measure(
                "pandas.read_csv(engine='pyarrow', dtype=str)",
                [*PEERS, "bare-csv", str(path)],
                rows,
                args.repeat,
            ),
            measure(
                "zytalent summarize 2023",
                [*ZYTALENT, "summarize", "2023", str(path.parent), "--format", "json"],
                rows,
                args.repeat,
            ),
        ]
        table(
            f"meals CSV, {rows:,} rows ({path.stat().st_size / 2**20:,.0f} MiB)",
            measures,
            measures[0].seconds,
        )
        print(f"\n10M-row summarize / 1M-row summarize: {measures[1].seconds / one_million:.1f}×")


if __name__ == "__main__":
    main()
