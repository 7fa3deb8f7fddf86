"""The collection round as library functions: open a round, take an upload, say where each
department stands, and add up the accepted versions. The web pages, the JSON API and
`zytalent round open` all call these; none of them holds a rule of its own."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import secrets
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from zytalent.diagnostics.errors import UsageError
from zytalent.diagnostics.i18n import Text
from zytalent.web.store import Department, Store, Submission

# what the board and the API call each state (the API's codes are the contract)
STATES = {
    "missing": Text("未报", "not sent"),
    "errors": Text("有错误", "errors"),
    "warnings": Text("有警告待确认", "warnings to confirm"),
    "accepted": Text("已通过", "accepted"),
    "late": Text("逾期", "late"),
}
KIND_SEPARATORS = ("、", ",", "，", ";", "；", "/", " ")


def token_hash(token: str) -> str:
    """Department tokens are 192 random bits, so one round of SHA-256 is enough to keep
    the database from holding anything that opens a link."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def new_token() -> str:
    return secrets.token_urlsafe(24)


def parse_kinds(text: str) -> list[str]:
    """`引进人才、培训` -> ["hires", "training"]: the names `zytalent ledgers` accepts."""
    from zytalent.ledgers import ledger

    parts = [text]
    for separator in KIND_SEPARATORS:
        parts = [piece for part in parts for piece in part.split(separator)]
    kinds = [ledger(p.strip()).kind for p in parts if p.strip()]
    return list(dict.fromkeys(kinds))


def read_departments(path: Path) -> list[tuple[str, list[str]]]:
    """The departments of a round from an xlsx or csv with the columns 部门 and 台账."""
    from zytalent.reading.grids import read_grids
    from zytalent.reading.safety import UnreadableFile

    try:
        grids = read_grids(path)
    except (UnreadableFile, OSError) as exc:
        raise UsageError(f"{path}: {exc}") from exc
    for grid in grids:
        rows = [[_text(v) for v in row] for row in grid.cells.itertuples(index=False)]
        for number, row in enumerate(rows):
            if "部门" in row and "台账" in row:
                name_at, kinds_at = row.index("部门"), row.index("台账")
                found = [
                    (r[name_at], parse_kinds(r[kinds_at]))
                    for r in rows[number + 1 :]
                    if len(r) > max(name_at, kinds_at) and r[name_at]
                ]
                if not found:
                    break
                return found
    raise UsageError(
        str(
            Text(
                "{path} 中没有“部门”和“台账”两列（每行一个部门，台账可填多个，用、分隔）",
                "{path} has no columns 部门 and 台账 (one department per row)",
            ).format(path=path)
        )
    )


def _text(value: object) -> str:
    return "" if value is None or value != value else str(value).strip()


@dataclass
class Opened:
    year: int
    deadline: dt.date | None
    departments: list[dict[str, Any]]

    def to_dict(self) -> dict[str, Any]:
        return {"year": self.year, "departments": self.departments}


def open_round(
    store: Store,
    year: int,
    departments: list[tuple[str, list[str]]],
    deadline: dt.date | None,
    base_url: str,
) -> Opened:
    """Open (or extend) a round: each department gets a new random link. The tokens are
    returned once, here, and only their hashes are kept."""
    if not departments:
        raise UsageError(str(Text("没有部门", "no departments")))
    issued = [(name, kinds, new_token()) for name, kinds in departments]
    store.open_round(year, deadline, [(n, k, token_hash(t)) for n, k, t in issued])
    return Opened(
        year,
        deadline,
        [
            {"name": n, "kinds": k, "link": f"{base_url.rstrip('/')}/d/{t}", "token": t}
            for n, k, t in issued
        ],
    )


def check_upload(staged: Path, year: int, original_name: str) -> tuple[dict[str, Any], str | None]:
    """The findings report of one uploaded file, checked whole in a worker process that
    is killed past its time and memory (a hostile file is recorded as unreadable, with the
    reason); file names in the report are the name the department gave, not a server path."""
    from dataclasses import replace

    from zytalent.checks.files import unreadable_finding
    from zytalent.load import file_report
    from zytalent.reading.isolated import run_isolated
    from zytalent.reading.safety import Limits, UnreadableFile

    limits = replace(Limits.from_env(), isolate="all")
    try:
        report = run_isolated(file_report, staged, limits, year)
    except UnreadableFile as exc:  # the worker was stopped: the file is the finding
        finding = unreadable_finding(str(staged), exc).to_dict()
        report = {
            "files": [{"file": str(staged), "sheets": []}],
            "findings": [finding],
            "summary": {"files": 1, "records": 0, "errors": 1, "warnings": 0, "notes": 0},
        }
    _rename_files(report, os.path.abspath(staged), original_name)
    _rename_files(report, str(staged), original_name)
    unreadable = next(
        (
            f["message"]
            for f in report["findings"]
            if f["severity"] == "error" and f["code"].startswith("file_")
        ),
        None,
    )
    return report, unreadable


def warm_up_workers() -> None:
    """Every check worker started, each having checked a small ledger once, so that the
    first uploads after the server starts wait for no worker's start-up and imports."""
    import tempfile
    from dataclasses import replace

    from zytalent.load import file_report
    from zytalent.reading.isolated import warm_up
    from zytalent.reading.safety import Limits

    limits = replace(Limits.from_env(), isolate="all")
    with tempfile.TemporaryDirectory(prefix="zytalent-warm-") as folder:
        sample = Path(folder) / "引进人才.csv"
        sample.write_text("姓名,身份证号,学历,引进单位,引进领域,到岗日期\n", encoding="utf-8")
        warm_up(file_report, sample, limits, None)


def _rename_files(value: Any, old: str, new: str) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            if key == "file" and item == old:
                value[key] = new
            elif isinstance(item, str) and old in item:
                value[key] = item.replace(old, new)
            else:
                _rename_files(item, old, new)
    elif isinstance(value, list):
        for item in value:
            _rename_files(item, old, new)


def submission_state(submission: Submission) -> str:
    if submission.returned or submission.errors or submission.unreadable:
        return "errors"
    if submission.warnings and not submission.confirmation:
        return "warnings"
    return "accepted"


@dataclass
class Cell:
    """One department × ledger kind on the board."""

    kind: str
    state: str
    submission: Submission | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "status": self.state,
            "version": self.submission.version if self.submission else None,
            "received_at": self.submission.received_at if self.submission else None,
        }


@dataclass
class Row:
    department: Department
    cells: list[Cell] = field(default_factory=list)


def board(store: Store, year: int, today: dt.date | None = None) -> list[Row]:
    """Where each department stands for each kind it must send: the latest version that
    holds that kind decides (a returned version counts as errors until a new one comes)."""
    found = store.round(year)
    if found is None:
        raise LookupError(year)
    deadline = dt.date.fromisoformat(found["deadline"]) if found["deadline"] else None
    today = today or dt.date.today()
    by_department: dict[int, list[Submission]] = {}
    for submission in store.submissions(year):
        by_department.setdefault(submission.department_id, []).append(submission)
    rows = []
    for department in store.departments(year):
        row = Row(department)
        mine = by_department.get(department.id, [])
        for kind in department.kinds:
            latest = next((s for s in reversed(mine) if kind in s.kinds), None)
            if latest is None:
                state = "late" if deadline and today > deadline else "missing"
                row.cells.append(Cell(kind, state))
            else:
                row.cells.append(Cell(kind, submission_state(latest), latest))
        rows.append(row)
    return rows


def status(store: Store, year: int) -> dict[str, Any]:
    """`GET /api/rounds/{year}/status`."""
    return {
        "departments": [
            {"name": r.department.name, "ledgers": [c.to_dict() for c in r.cells]}
            for r in board(store, year)
        ]
    }


def not_filed(store: Store, year: int) -> list[tuple[str, list[str]]]:
    """Departments with kinds not sent (or late), for the reminder message."""
    missing = []
    for row in board(store, year):
        kinds = [c.kind for c in row.cells if c.state in ("missing", "late")]
        if kinds:
            missing.append((row.department.name, kinds))
    return missing


def reminder_text(store: Store, year: int) -> str:
    from zytalent.ledgers import LEDGERS

    lines = [f"{year}年台账报送提醒：以下单位尚未报送，请尽快通过各自的链接上传。"]
    for name, kinds in not_filed(store, year):
        lines.append(f"{name}：{'、'.join(LEDGERS[k].label.zh for k in kinds)}")
    return "\n".join(lines)


@dataclass(frozen=True)
class Counted:
    """The files whose records the figures add up, and per file the kinds it holds that do
    not count there (a later version of the department holds them)."""

    files: list[Path]
    left_out: dict[Path, frozenset[str]]


def counted(store: Store, year: int) -> Counted:
    """For each department and kind, the accepted latest version that holds that kind, as
    the board shows it. A file that holds several kinds is read once; a kind it holds that
    a later version of the same department also holds is left out of it, else a ledger
    sent again alone would count twice (the old copy in the first file, the new one)."""
    counts_for: dict[int, Submission] = {}
    for row in board(store, year):
        for cell in row.cells:
            if cell.state == "accepted" and cell.submission is not None:
                counts_for[cell.submission.id] = cell.submission
    files, left_out = [], {}
    sent = store.submissions(year)
    for submission in counts_for.values():
        path = store.path_of(submission)
        files.append(path)
        later = {
            kind
            for other in sent
            if other.department_id == submission.department_id
            and other.version > submission.version
            for kind in other.kinds
        }
        replaced = frozenset(submission.kinds) & later
        if replaced:
            left_out[path] = replaced
    return Counted(files, left_out)


def summary(store: Store, year: int) -> Any:
    """The `summarize` of the accepted versions (the same library function)."""
    from zytalent.summary import summarize

    files = counted(store, year)
    return summarize(year, files.files, left_out=files.left_out)


@dataclass
class Changes:
    added: int
    removed: int
    changed: int
    kinds: dict[str, tuple[int, int, int]]


def changes(store: Store, older: Submission, newer: Submission) -> Changes:
    """What changed between two versions: records added, removed, changed. A record is
    the same person or class when its key (ID number, else name, else every value)
    matches; changed when the key matches and another value differs."""
    from zytalent.load import load

    frames = []
    for submission in (older, newer):
        loaded = load([store.path_of(submission)], year=None, keep_records=True)
        frames.append(loaded.frames)
    total = Changes(0, 0, 0, {})
    for kind in sorted(set(frames[0]) | set(frames[1])):
        before, after = (_records(f.get(kind)) for f in frames)
        added = removed = changed = 0
        for key in set(before) | set(after):
            old, new = before.get(key, Counter()), after.get(key, Counter())
            if not old:
                added += sum(new.values())
            elif not new:
                removed += sum(old.values())
            elif old != new:
                common = sum((old & new).values())
                pairs = min(sum(old.values()), sum(new.values())) - common
                changed += pairs
                added += max(0, sum(new.values()) - common - pairs)
                removed += max(0, sum(old.values()) - common - pairs)
        total.kinds[kind] = (added, removed, changed)
        total.added += added
        total.removed += removed
        total.changed += changed
    return total


def _records(frame: Any) -> dict[str, Counter[tuple[str, ...]]]:
    if frame is None or frame.empty:
        return {}
    fields = [c for c in frame.columns if not str(c).startswith("_")]
    key_field = next((f for f in ("id_number", "name", "program") if f in fields), None)
    grouped: dict[str, Counter[tuple[str, ...]]] = {}
    for values in frame[fields].astype(str).itertuples(index=False, name=None):
        key = values[fields.index(key_field)] if key_field else "|".join(values)
        grouped.setdefault(key, Counter())[tuple(values)] += 1
    return grouped
