"""Where a round lives: SQLite in WAL mode (rounds, departments, submissions, sessions,
the audit log) and the uploaded files under the data folder, as they came.

One small interface (`Store`) is all the web layer uses; every change is one transaction.
A file is written under a temporary name and renamed into place *before* the row that
names it is committed, and `recover()` at start-up removes files no row names, so a server
killed at any moment leaves the database and the folder in agreement. Moving a city's
server to PostgreSQL means another implementation of these methods (the SQL is plain),
chosen by configuration; nothing above this module knows which database it talks to.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rounds (
    year INTEGER PRIMARY KEY, deadline TEXT, opened_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS departments (
    id INTEGER PRIMARY KEY, year INTEGER NOT NULL REFERENCES rounds(year),
    name TEXT NOT NULL, kinds TEXT NOT NULL, token_hash TEXT NOT NULL UNIQUE,
    revoked INTEGER NOT NULL DEFAULT 0, UNIQUE (year, name));
CREATE TABLE IF NOT EXISTS submissions (
    id INTEGER PRIMARY KEY, department_id INTEGER NOT NULL REFERENCES departments(id),
    version INTEGER NOT NULL, original_name TEXT NOT NULL, stored TEXT NOT NULL,
    received_at TEXT NOT NULL, report TEXT NOT NULL, kinds TEXT NOT NULL,
    errors INTEGER NOT NULL, warnings INTEGER NOT NULL, unreadable TEXT,
    confirmation TEXT, returned TEXT, UNIQUE (department_id, version));
CREATE TABLE IF NOT EXISTS sessions (token_hash TEXT PRIMARY KEY, csrf TEXT NOT NULL,
    created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS audit (id INTEGER PRIMARY KEY, at TEXT NOT NULL,
    who TEXT NOT NULL, what TEXT NOT NULL, detail TEXT NOT NULL DEFAULT '');
"""


def now() -> str:
    """The machine's local time with its offset: what the office's clock says."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


@dataclass
class Department:
    id: int
    year: int
    name: str
    kinds: list[str]
    revoked: bool


@dataclass
class Submission:
    id: int
    department_id: int
    version: int
    original_name: str
    stored: str  # relative to the data folder
    received_at: str
    report: dict[str, Any]
    kinds: list[str]
    errors: int
    warnings: int
    unreadable: str | None
    confirmation: str | None
    returned: str | None


def safe_name(name: str) -> str:
    """A file name fit to store: no folders, no control or reserved characters, the
    extension kept; the original is kept in the database, never used as a path."""
    base = unicodedata.normalize("NFC", name.replace("\\", "/").split("/")[-1])
    base = re.sub(r'[\x00-\x1f\x7f<>:"|?*\u202a-\u202e\u2066-\u2069]', "_", base).strip(" .")
    stem, dot, suffix = base.rpartition(".")
    if not dot:
        stem, suffix = base, ""
    stem = stem[:80] or "file"
    return f"{stem}.{suffix[:10].lower()}" if suffix else stem


class Store:
    """The round's storage: `data/zytalent.db` and `data/files/…`."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.files = folder / "files"
        self.files.mkdir(exist_ok=True)
        self._local = threading.local()
        self._connection().executescript(SCHEMA)  # idempotent; executescript commits itself

    def _connection(self) -> sqlite3.Connection:
        db = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.folder / "zytalent.db", timeout=30, isolation_level=None)
            db.row_factory = sqlite3.Row
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=FULL")  # an acknowledged upload survives power loss
            db.execute("PRAGMA foreign_keys=ON")
            self._local.db = db
        return db

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        db = self._connection()
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def query(self, sql: str, *args: object) -> list[sqlite3.Row]:
        return list(self._connection().execute(sql, args))

    # settings and audit
    def setting(self, key: str) -> str | None:
        rows = self.query("SELECT value FROM settings WHERE key = ?", key)
        return rows[0]["value"] if rows else None

    def set_setting(self, key: str, value: str, who: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO settings VALUES (?, ?)", (key, value))
            _audit(db, who, f"setting {key}")

    def audit_log(self, limit: int = 200) -> list[sqlite3.Row]:
        return self.query("SELECT * FROM audit ORDER BY id DESC LIMIT ?", limit)

    # rounds and departments
    def open_round(
        self, year: int, deadline: date | None, departments: list[tuple[str, list[str], str]]
    ) -> None:
        """A round with its departments (name, kinds, token hash), in one transaction;
        a department named again gets its new kinds and a new link (the old one stops)."""
        with self.transaction() as db:
            db.execute(
                "INSERT INTO rounds VALUES (?, ?, ?) ON CONFLICT(year) DO UPDATE SET deadline = ?",
                (year, deadline and deadline.isoformat(), now(), deadline and deadline.isoformat()),
            )
            for name, kinds, token_hash in departments:
                db.execute(
                    "INSERT INTO departments (year, name, kinds, token_hash) VALUES (?, ?, ?, ?)"
                    " ON CONFLICT(year, name) DO UPDATE SET kinds = excluded.kinds,"
                    " token_hash = excluded.token_hash, revoked = 0",
                    (year, name, json.dumps(kinds), token_hash),
                )
            _audit(db, "office", "open round", f"{year}: {len(departments)} departments")

    def rounds(self) -> list[sqlite3.Row]:
        return self.query("SELECT * FROM rounds ORDER BY year DESC")

    def round(self, year: int) -> sqlite3.Row | None:
        rows = self.query("SELECT * FROM rounds WHERE year = ?", year)
        return rows[0] if rows else None

    def departments(self, year: int) -> list[Department]:
        rows = self.query("SELECT * FROM departments WHERE year = ? ORDER BY id", year)
        return [_department(r) for r in rows]

    def department_by_token(self, token_hash: str) -> Department | None:
        rows = self.query(
            "SELECT * FROM departments WHERE token_hash = ? AND revoked = 0", token_hash
        )
        return _department(rows[0]) if rows else None

    def department(self, department_id: int) -> Department | None:
        rows = self.query("SELECT * FROM departments WHERE id = ?", department_id)
        return _department(rows[0]) if rows else None

    def revoke(self, department_id: int, new_token_hash: str | None) -> None:
        with self.transaction() as db:
            if new_token_hash:
                db.execute(
                    "UPDATE departments SET token_hash = ?, revoked = 0 WHERE id = ?",
                    (new_token_hash, department_id),
                )
            else:
                db.execute("UPDATE departments SET revoked = 1 WHERE id = ?", (department_id,))
            _audit(db, "office", "new link" if new_token_hash else "revoke", str(department_id))

    # submissions
    def staging(self) -> Path:
        """A new private folder for an upload on its way in (removed by `recover` if the
        server dies before it is recorded)."""
        import secrets

        folder = self.folder / f".upload-{secrets.token_hex(8)}"
        folder.mkdir()
        return folder

    def add_submission(
        self, department: Department, original_name: str, staged: Path, check: Any
    ) -> Submission:
        """Record an upload (already on disk at `staged/<safe name>`) as the department's
        next version. The check runs first, outside any transaction, so departments
        uploading at once are checked at once; then one transaction takes the version
        number, renames the folder into place and records it."""
        report, unreadable = check(staged)
        kinds = sorted(
            {s["kind"] for f in report["files"] for s in f.get("sheets", []) if s.get("kind")}
        )
        summary = report["summary"]
        with self.transaction() as db:  # the version number is taken under the write lock
            row = db.execute(
                "SELECT COALESCE(MAX(version), 0) + 1 FROM submissions WHERE department_id = ?",
                (department.id,),
            ).fetchone()
            version = int(row[0])
            relative = Path(str(department.year), str(department.id), str(version))
            folder = self.files / relative
            folder.parent.mkdir(parents=True, exist_ok=True)
            if folder.exists():  # left by a server killed before its row was committed
                shutil.rmtree(folder)
            os.replace(staged.parent, folder)
            _fsync_folder(folder.parent)
            cursor = db.execute(
                "INSERT INTO submissions (department_id, version, original_name, stored,"
                " received_at, report, kinds, errors, warnings, unreadable)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    department.id,
                    version,
                    original_name,
                    str(relative / staged.name),
                    now(),
                    json.dumps(report, ensure_ascii=False),
                    json.dumps(kinds),
                    summary["errors"],
                    summary["warnings"],
                    unreadable,
                ),
            )
            _audit(db, department.name, "upload", f"v{version} {original_name}")
            submission_id = int(cursor.lastrowid or 0)
        found = self.submission(submission_id)
        assert found is not None
        return found

    def submission(self, submission_id: int) -> Submission | None:
        rows = self.query("SELECT * FROM submissions WHERE id = ?", submission_id)
        return _submission(rows[0]) if rows else None

    def submissions(self, year: int, department_id: int | None = None) -> list[Submission]:
        sql = (
            "SELECT s.* FROM submissions s JOIN departments d ON d.id = s.department_id"
            " WHERE d.year = ?"
        )
        args: list[object] = [year]
        if department_id is not None:
            sql += " AND s.department_id = ?"
            args.append(department_id)
        return [_submission(r) for r in self.query(sql + " ORDER BY s.id", *args)]

    def confirm(self, submission_id: int, explanation: str, who: str) -> None:
        with self.transaction() as db:
            db.execute(
                "UPDATE submissions SET confirmation = ? WHERE id = ?", (explanation, submission_id)
            )
            _audit(db, who, "confirm warnings", f"{submission_id}: {explanation[:200]}")

    def return_submission(self, submission_id: int, comment: str) -> None:
        with self.transaction() as db:
            db.execute("UPDATE submissions SET returned = ? WHERE id = ?", (comment, submission_id))
            _audit(db, "office", "return", f"{submission_id}: {comment[:200]}")

    def path_of(self, submission: Submission) -> Path:
        return self.files / submission.stored

    # sessions
    def add_session(self, token_hash: str, csrf: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT INTO sessions VALUES (?, ?, ?)", (token_hash, csrf, now()))
            _audit(db, "office", "login")

    def session_csrf(self, token_hash: str) -> str | None:
        rows = self.query("SELECT csrf FROM sessions WHERE token_hash = ?", token_hash)
        return rows[0]["csrf"] if rows else None

    def drop_session(self, token_hash: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM sessions WHERE token_hash = ?", (token_hash,))

    def recover(self) -> list[Path]:
        """Remove what a killed server left half done: temporary uploads, and version
        folders that no committed row names. Returns what was removed."""
        named = {
            str(Path(s["stored"]).parent) for s in self.query("SELECT stored FROM submissions")
        }
        removed: list[Path] = []
        for temporary in self.folder.glob(".upload-*"):
            shutil.rmtree(temporary, ignore_errors=True)
            removed.append(temporary)
        for version in self.files.glob("*/*/*"):
            if version.is_dir() and str(version.relative_to(self.files)) not in named:
                shutil.rmtree(version, ignore_errors=True)
                removed.append(version)
        return removed


def _fsync_folder(folder: Path) -> None:
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(handle)
    finally:
        os.close(handle)


def _audit(db: sqlite3.Connection, who: str, what: str, detail: str = "") -> None:
    db.execute(
        "INSERT INTO audit (at, who, what, detail) VALUES (?, ?, ?, ?)", (now(), who, what, detail)
    )


def _department(row: sqlite3.Row) -> Department:
    return Department(
        row["id"], row["year"], row["name"], json.loads(row["kinds"]), bool(row["revoked"])
    )


def _submission(row: sqlite3.Row) -> Submission:
    return Submission(
        row["id"],
        row["department_id"],
        row["version"],
        row["original_name"],
        row["stored"],
        row["received_at"],
        json.loads(row["report"]),
        json.loads(row["kinds"]),
        row["errors"],
        row["warnings"],
        row["unreadable"],
        row["confirmation"],
        row["returned"],
    )
