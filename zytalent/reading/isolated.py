"""Read a file in a child process that can be stopped: bounded in time and memory.

The safety pass bounds what it can see before a reader starts (a zip's inflated size,
a sheet's far cell, a CSV's line length). Some formats it cannot see into: a 9 KB .xlsb
once took 1 GB and 9 s inside python-calamine, and a native reader that runs out of
memory aborts the whole process instead of raising. Such a read runs here, in one child
process kept for the run (so its start-up is paid once): the child has an address-space
limit, the parent waits at most the time limit, and a child that runs over either, or
dies, is killed and replaced. The file becomes a `file_read_stopped` finding and the next
file is read.

A server runs every read this way (`Limits.isolate == "all"`); the command line only the
formats the safety pass cannot bound (`"risky"`).
"""

from __future__ import annotations

import atexit
import contextlib
import os
import pickle
import queue
import select
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from zytalent.diagnostics.codes import FILE_READ_STOPPED, FILE_UNREADABLE
from zytalent.reading.safety import Limits, UnreadableFile

# formats read by native code that no safety pass looks inside
RISKY_SUFFIXES = frozenset({".xls", ".xlsb", ".ods", ".et"})


def should_isolate(path: Path, limits: Limits) -> bool:
    if os.name != "posix":  # select() on pipes and rlimits are POSIX; Windows reads in process
        return False
    if limits.isolate == "all":
        return True
    return limits.isolate == "risky" and path.suffix.lower() in RISKY_SUFFIXES


# what a worker runs: a module-level function of (path, limits, extra), sent by name
Task = Callable[[Path, Limits, Any], Any]


class _Worker:
    """One child process (`python -m zytalent.reading.isolated`) and the pipes to it,
    started on first use and replaced after a kill. A plain subprocess, not
    multiprocessing: the child never re-imports the parent's main script, whatever that is
    (a console script, pytest, a server)."""

    def __init__(self) -> None:
        self.process: subprocess.Popen[bytes] | None = None
        self.memory_mb = 0
        self.lock = threading.Lock()  # one read at a time per worker

    def run(self, task: Task, path: Path, limits: Limits, extra: object = None) -> Any:
        """One task on one file in the child, within the limits."""
        with self.lock:
            process = self._ready(limits.read_memory_mb)
            job = (task, os.path.abspath(path), replace(limits, isolate="none"), extra)
            try:
                _send(process, job)
                answer = _receive(process, limits.read_seconds)
            except (EOFError, OSError, pickle.UnpicklingError):  # died: out of memory, aborted
                self.stop()
                raise _stopped("read_memory", limits) from None
            if answer is None:
                self.stop()
                raise _stopped("read_timeout", limits)
        status, payload = answer
        if status == "done":
            return payload
        if status == "memory":
            self.stop()
            raise _stopped("read_memory", limits)
        if status == "unreadable":
            reason, code, detail, ctx = payload
            raise UnreadableFile(reason, code, detail, **ctx)
        raise OSError(payload)  # "os": what the file system said

    def _ready(self, memory_mb: int) -> subprocess.Popen[bytes]:
        if self.process is not None and (
            self.process.poll() is not None or memory_mb != self.memory_mb
        ):
            self.stop()
        if self.process is None:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "zytalent.reading.isolated", str(memory_mb)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                start_new_session=True,  # Ctrl-C in the terminal is the parent's to handle
            )
            self.memory_mb = memory_mb
        return self.process

    def stop(self) -> None:
        if self.process is not None:
            if self.process.poll() is None:
                self.process.kill()
            self.process.wait(5)
            for stream in (self.process.stdin, self.process.stdout):
                if stream is not None:
                    stream.close()
        self.process = None


class _Pool:
    """As many workers as the machine has cores, each started when first needed, so that
    a server checking thirty uploads at once reads on every core."""

    def __init__(self) -> None:
        self.size = max(1, os.cpu_count() or 1)
        self.idle: queue.LifoQueue[_Worker] = queue.LifoQueue()
        self.all: list[_Worker] = []
        self.lock = threading.Lock()

    def run(self, task: Task, path: Path, limits: Limits, extra: object = None) -> Any:
        worker = self._take()
        try:
            return worker.run(task, path, limits, extra)
        finally:
            self.idle.put(worker)

    def _take(self) -> _Worker:
        with self.lock:
            if self.idle.empty() and len(self.all) < self.size:
                self.all.append(_Worker())
                return self.all[-1]
        return self.idle.get()

    def stop(self) -> None:
        for worker in self.all:
            worker.stop()


_POOL = _Pool()
atexit.register(_POOL.stop)


def warm_up(task: Task, path: Path, limits: Limits, extra: object = None) -> None:
    """Start every worker of the pool now and run `task` once in each, all at once, so
    that each imports what the task needs. A server does this as it starts: otherwise
    the first upload each worker takes waits for its start and first imports (1.5 s). A
    warm-up that fails only leaves that worker to start on first use, as before."""

    def once() -> None:
        with contextlib.suppress(Exception):  # nothing to say: a real task will say it
            _POOL.run(task, path, limits, extra)

    threads = [threading.Thread(target=once, daemon=True) for _ in range(_POOL.size)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def run_isolated(task: Task, path: Path, limits: Limits, extra: object = None) -> Any:
    """`task(path, limits, extra)` in a worker process, within the limits: what a server
    runs for an upload (the whole check of a file), so that checks use every core and a
    file that hangs or exhausts memory costs only its worker. `task` is a module-level
    function (the child imports it by name). Raises UnreadableFile (`file_read_stopped`)
    when the worker was stopped."""
    return _POOL.run(task, path, limits, extra)


def _stopped(reason: str, limits: Limits) -> UnreadableFile:
    return UnreadableFile(
        reason,
        FILE_READ_STOPPED,
        seconds=f"{limits.read_seconds:g}",
        memory=limits.read_memory_mb,
    )


# messages between parent and child: an 8-byte length, then a pickle; both ends are this
# module, so nothing but its own messages is ever unpickled
def _send(process: subprocess.Popen[bytes], message: object) -> None:
    assert process.stdin is not None
    data = pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL)
    process.stdin.write(struct.pack("<Q", len(data)) + data)
    process.stdin.flush()


def _receive(process: subprocess.Popen[bytes], seconds: float) -> Any:
    """The child's answer, or None when none came within `seconds`."""
    assert process.stdout is not None
    ready, _, _ = select.select([process.stdout], [], [], seconds)
    if not ready:
        return None
    return _read_message(process.stdout)


def _read_message(stream: Any) -> Any:
    head = stream.read(8)
    if len(head) < 8:
        raise EOFError
    size = struct.unpack("<Q", head)[0]
    data = stream.read(size)
    if len(data) < size:
        raise EOFError
    return pickle.loads(data)


def _serve(memory_mb: int) -> None:
    """The child: read each file it is sent and send back its grids or why not."""
    # the readers' libraries, imported before the cap, which bounds reading; a task's own
    # module is imported when its first message is unpickled (a function goes by name)
    import pandas  # noqa: F401
    import pyarrow  # noqa: F401
    import python_calamine  # noqa: F401

    _limit_memory(memory_mb)
    requests, replies = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing printed by a library may corrupt the replies
    while True:
        try:
            task, path, limits, extra = _read_message(requests)
        except EOFError:
            return  # the parent is gone
        answer: tuple[str, Any]
        try:
            answer = ("done", task(Path(path), limits, extra))
        except UnreadableFile as exc:
            answer = ("unreadable", (exc.reason, exc.code, exc.detail, exc.ctx))
        except MemoryError:
            answer = ("memory", None)
        except OSError as exc:
            answer = ("os", exc.strerror or str(exc))
        except Exception as exc:  # the reader's own failure, as the parent would see it
            detail = f"{type(exc).__name__}: {exc}"[:300]
            answer = ("unreadable", ("damaged", FILE_UNREADABLE, detail, {}))
        try:
            data = pickle.dumps(answer, protocol=pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = pickle.dumps(("memory", None))
        replies.write(struct.pack("<Q", len(data)) + data)
        replies.flush()


def _limit_memory(memory_mb: int) -> None:
    """Cap the child's address space at what it has mapped now plus `memory_mb`."""
    try:
        import resource

        with open(f"/proc/{os.getpid()}/statm") as statm:
            mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        cap = mapped + memory_mb * (1 << 20)
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))
    except (ImportError, OSError, ValueError):  # no /proc or no rlimits (Windows): time only
        pass


if __name__ == "__main__":
    _serve(int(sys.argv[1]))
