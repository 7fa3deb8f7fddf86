"""Load test of `zytalent serve`: many departments uploading real ledgers at once.

    python benchmarks/serve_load.py                    # 30 clients × 5 uploads of 2,000 rows
    python benchmarks/serve_load.py --clients 10 --uploads 2 --rows 500
    python benchmarks/serve_load.py --repeated-ids     # the worst case: half the IDs twice

Starts the server on 127.0.0.1 (a free port, a temporary data folder), opens a round of
--clients departments, and has each department upload --uploads versions of a hires
ledger of --rows rows, all at once. Prints the latency percentiles, the errors, and
whether every acknowledged upload is in the database exactly once (versions 1..N per
department, one file per version). Goal: p95 under 3 s for 2,000 rows on two cores.

The ledger is a clean one by default: every person once, as in a ledger a department
sends. With --repeated-ids, ID numbers repeat (2,000 rows, 999 IDs), so that each check
also builds a thousand duplicate-person findings: the worst case for the check's time.
The uploads start a few seconds after the server, once its check workers are up, as in
an office; --cold starts them at once, so that the first ones wait for the workers.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# the server starts its check workers in the background as it starts (about 1.5 s each,
# at once); the load waits this long unless --cold
WARM_SECONDS = 4
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def ledger(path: Path, rows: int, repeated_ids: bool = False) -> Path:
    import datetime as dt

    from helpers import HIRES_HEADER, hire, make_id, write_xlsx

    records = [hire(f"人{i}", i % 999 + 1) for i in range(rows)]
    if not repeated_ids:  # a person a row: a birth date of their own in each ID
        for i, record in enumerate(records):
            record[1] = make_id(dt.date(1970, 1, 1) + dt.timedelta(days=i), i % 999 + 1)
    return write_xlsx(path, {"引进": [HIRES_HEADER, *records]})


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=30)
    parser.add_argument("--uploads", type=int, default=5)
    parser.add_argument("--rows", type=int, default=2000)
    parser.add_argument("--repeated-ids", action="store_true")
    parser.add_argument(
        "--cold", action="store_true", help="upload at once, while the check workers start"
    )
    args = parser.parse_args()
    import httpx

    from zytalent.web import rounds
    from zytalent.web.store import Store

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        data = work / "data"
        store = Store(data)
        opened = rounds.open_round(
            store,
            2023,
            [(f"单位{i:02d}", ["hires"]) for i in range(args.clients)],
            None,
            "http://x",
        )
        file = ledger(work / "引进.xlsx", args.rows, args.repeated_ids)
        content = file.read_bytes()
        from web.live import start_server

        started = time.monotonic()
        server, base = start_server(data, "load-test-password")
        print(f"server up in {time.monotonic() - started:.1f} s")
        if not args.cold:  # as in an office: the server has been up a while when files come
            time.sleep(WARM_SECONDS)
        latencies: list[float] = []
        errors: list[str] = []
        acknowledged: list[tuple[int, int]] = []
        lock = threading.Lock()

        def department(token: str) -> None:
            with httpx.Client(timeout=120) as client:
                for _ in range(args.uploads):
                    began = time.perf_counter()
                    try:
                        response = client.post(
                            f"{base}/api/rounds/2023/submissions",
                            files={"file": ("引进.xlsx", content)},
                            headers={"Authorization": f"Bearer {token}"},
                        )
                        elapsed = time.perf_counter() - began
                        with lock:
                            latencies.append(elapsed)
                            if response.status_code != 201:
                                errors.append(f"{response.status_code} {response.text[:100]}")
                            else:
                                body = response.json()
                                acknowledged.append((body["submission"], body["version"]))
                    except httpx.HTTPError as exc:
                        with lock:
                            errors.append(repr(exc))

        threads = [
            threading.Thread(target=department, args=(d["token"],)) for d in opened.departments
        ]
        began = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        wall = time.perf_counter() - began
        server.terminate()
        server.wait(30)
        recorded = Store(data).submissions(2023)
        versions: dict[int, list[int]] = {}
        for submission in recorded:
            versions.setdefault(submission.department_id, []).append(submission.version)
        files = [p for p in (data / "files").rglob("*") if p.is_file()]
        exact = (
            len(recorded) == len(acknowledged) == len(files)
            and all(sorted(v) == list(range(1, args.uploads + 1)) for v in versions.values())
            and {s.id for s in recorded} == {a for a, _ in acknowledged}
        )
        latencies.sort()
        cut = statistics.quantiles(latencies, n=100) if len(latencies) > 1 else latencies * 99
        result = {
            "clients": args.clients,
            "uploads": args.clients * args.uploads,
            "rows": args.rows,
            "repeated_ids": args.repeated_ids,
            "cold": args.cold,
            "cores": os.cpu_count(),
            "wall_s": round(wall, 2),
            "p50_s": round(cut[49], 2),
            "p95_s": round(cut[94], 2),
            "p99_s": round(cut[98], 2),
            "max_s": round(latencies[-1], 2) if latencies else None,
            "errors": len(errors),
            "recorded": len(recorded),
            "files": len(files),
            "none_lost_or_duplicated": exact,
        }
        print(json.dumps(result, ensure_ascii=False, indent=2))
        for error in errors[:5]:
            print("error:", error)
        return 0 if exact and not errors else 1


if __name__ == "__main__":
    sys.exit(main())
