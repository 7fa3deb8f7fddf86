"""A progress bar on stderr while large inputs are read (core code only reports progress)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from zytalent.diagnostics.i18n import Text
from zytalent.load import Progress as ProgressCallback

# A bar appears at once for this many bytes, and for anything once it has taken this long
# (a 100k-row workbook is 5 MB and takes seconds); until a file's end is reached the bar
# pulses, so that it moves while one large file is read whole.
SHOW_FROM_BYTES = 30 * 1024 * 1024
SHOW_AFTER_SECONDS = 1.0


@contextmanager
def reading_progress(quiet: bool) -> Iterator[ProgressCallback | None]:
    """A callback for `load(progress=…)`, drawing a bar only on a terminal and for big inputs."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    # rich only when a bar can be drawn: piped runs skip its import time
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    import threading

    task = bar.add_task(str(Text("读取", "reading")), total=None)
    lock = threading.Lock()
    state = {"started": False, "finished": False}

    def start() -> None:
        with lock:
            if not state["started"] and not state["finished"]:
                bar.start()
                state["started"] = True

    timer = threading.Timer(SHOW_AFTER_SECONDS, start)
    timer.daemon = True
    timer.start()

    def update(path: Path, done: int, total: int) -> None:
        if total >= SHOW_FROM_BYTES:
            start()
        bar.update(
            task,
            description=str(Text("读取 {name}", "reading {name}").format(name=path.name)),
            completed=done,
            total=total or None,
        )

    try:
        yield update
    finally:
        timer.cancel()
        with lock:
            state["finished"] = True
            if state["started"]:
                bar.stop()
