"""A progress bar on stderr while large inputs are read (core code only reports progress)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from zytalent.diagnostics.i18n import Text
from zytalent.load import Progress as ProgressCallback

# Below this many bytes reading takes well under a second: no bar.
SHOW_FROM_BYTES = 30 * 1024 * 1024


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
    task = bar.add_task(str(Text("读取", "reading")), total=None)
    started = False

    def update(path: Path, done: int, total: int) -> None:
        nonlocal started
        if not started and total >= SHOW_FROM_BYTES:
            bar.start()
            started = True
        bar.update(
            task,
            description=str(Text("读取 {name}", "reading {name}").format(name=path.name)),
            completed=done,
            total=total,
        )

    try:
        yield update
    finally:
        if started:
            bar.stop()
