"""A large CSV read in chunks of rows, so that memory does not grow with the file.

pyarrow's streaming reader parses the file block by block (quoted line breaks included);
the blocks are cut into chunks of a fixed number of rows. The first chunk holds the title
rows and at least HEAD_ROWS rows, so the header block is found in it as in a whole read.
"""

from __future__ import annotations

import io
import queue
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from zytalent.reading.grids import HEAD_ROWS, ArrowCsv, Grid, arrow_cells, arrow_csv, csv_head

# bytes per pyarrow block for each row of a chunk, at most 4 MiB: the streaming reader reads
# some twenty blocks ahead, so larger blocks cost memory and gain nothing
BLOCK_BYTES_PER_ROW = 64
MIN_BLOCK_BYTES, MAX_BLOCK_BYTES = 1024, 4 << 20


AHEAD = 16  # record batches parsed ahead of the chunk being checked (at most 64 MiB)
_END = object()


class ReadWhole(Exception):
    """Something only the whole-file reader handles turned up part-way (a ragged row,
    bytes that are not UTF-8 after a UTF-8 start): the file is read again whole."""


def csv_chunks(path: Path, rows: int) -> Iterator[Grid] | None:
    """The file's rows in grids of `rows` rows each, or None when the file is one the
    whole-file reader must take (a Chinese-comma delimiter, ragged title rows, …).
    Iterating raises ReadWhole when such a thing appears further down."""
    head = csv_head(path)  # UnreadableFile for empty and binary files, as a whole read
    plan = arrow_csv(head.text, head.encoding, head.delimiter, head.whole)
    if plan is None:
        return None
    return _chunks(path, plan, max(1, rows))


def _chunks(path: Path, plan: ArrowCsv, rows: int) -> Iterator[Grid]:
    import pyarrow as pa
    import pyarrow.csv as pacsv

    def refuse(row: object) -> str:
        return "error"  # a ragged row: the whole-file reader pads it and says so

    block = min(MAX_BLOCK_BYTES, max(MIN_BLOCK_BYTES, rows * BLOCK_BYTES_PER_ROW))
    source = _Counting(path)  # how far pyarrow has read, for a progress bar
    try:
        reader = pacsv.open_csv(source, **plan.options(plan.encodings[0], refuse, block))
    except (pa.ArrowInvalid, UnicodeDecodeError, ValueError) as exc:
        source.close()
        raise ReadWhole(str(exc)) from exc
    with source:
        yield from _cut(path, plan, rows, reader, source)


def _cut(path: Path, plan: ArrowCsv, rows: int, reader: Any, source: _Counting) -> Iterator[Grid]:
    """The reader's batches cut into chunks of `rows` rows (the first holds the title rows
    and at least HEAD_ROWS rows)."""

    start = plan.with_top(reader.schema.empty_table())  # the title rows
    pending: list[Any] = [start]  # parts not yet handed out
    held, chunk, first_row = start.num_rows, 0, 0
    for batch in _ahead(reader):
        pending.append(batch)
        held += batch.num_rows
        wanted = max(rows, HEAD_ROWS) if chunk == 0 else rows
        while held >= wanted:
            table = _table(pending)
            cells = arrow_cells(table.slice(0, wanted))
            yield Grid(
                str(path), None, cells, chunk=chunk, first_row=first_row, bytes_read=source.count
            )
            rest = table.slice(wanted)
            pending, held = [rest], rest.num_rows
            chunk, first_row = chunk + 1, first_row + wanted
            wanted = rows
    if held or chunk == 0:
        cells = arrow_cells(_table(pending))
        yield Grid(
            str(path), None, cells, chunk=chunk, first_row=first_row, bytes_read=source.count
        )


def _ahead(reader: Any) -> Iterator[Any]:
    """The reader's record batches, parsed in a thread while the caller checks the chunk
    before (pyarrow's streaming reader parses on one thread, without the GIL). At most
    AHEAD batches wait; a parse error is raised here as ReadWhole."""
    import pyarrow as pa

    waiting: queue.Queue[Any] = queue.Queue(maxsize=AHEAD)
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                item: Any = reader.read_next_batch()
            except StopIteration:
                item = _END
            except (pa.ArrowInvalid, UnicodeDecodeError, ValueError) as exc:
                item = ReadWhole(str(exc))
            except Exception as exc:  # anything else: raised in the reading thread as it is
                item = exc
            while not stop.is_set():
                try:
                    waiting.put(item, timeout=0.1)
                    break
                except queue.Full:
                    continue
            if item is _END or isinstance(item, BaseException):
                return

    thread = threading.Thread(target=read, name="zytalent-csv", daemon=True)
    thread.start()
    try:
        while True:
            item = waiting.get()
            if item is _END:
                return
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()  # the caller stopped early: let the thread end
        thread.join()


class _Counting(io.RawIOBase):
    """The file as pyarrow reads it, counting the bytes read."""

    def __init__(self, path: Path) -> None:
        self.raw = path.open("rb")
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        done = self.raw.readinto(buffer) or 0
        self.count += done
        return done

    def close(self) -> None:
        self.raw.close()
        super().close()


def _table(parts: list[Any]) -> Any:
    import pyarrow as pa

    tables = [p if isinstance(p, pa.Table) else pa.Table.from_batches([p]) for p in parts]
    return pa.concat_tables(tables)
