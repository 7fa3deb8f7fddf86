"""Figures computed by DuckDB from the validated records: the figure queries of
figures/sql.py run over the records handed to DuckDB as Arrow (the ledgers read in this
run) or over tables and Parquet datasets already in it.

DuckDB runs with a memory limit and a spill directory of its own, so memory stays bounded
whatever the rows: ZYTALENT_ENGINE_MEMORY_MB (default 1024, and 1536 for exported records)
and ZYTALENT_ENGINE_THREADS (default: the machine's cores).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import weakref
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from zytalent.figures import sql
from zytalent.figures.base import Figure
from zytalent.figures.inputs import DERIVED_FROM, figure_mask, kind_masks
from zytalent.figures.prepare import EVERY_FIELD
from zytalent.figures.registry import DERIVED, FIGURES
from zytalent.figures.where import fields_of

if TYPE_CHECKING:
    import duckdb
    import numpy as np
    import numpy.typing as npt
    import pandas as pd
    import pyarrow as pa
    from sqlglot import exp

DIALECT = "duckdb"
STATE = ("_bad", "_in_year", "_valid", "_file")  # what every figure query reads besides fields


DEFAULT_MEMORY_MB = 1024
# Figures from exported records (`--records`) keep no frames in Python, so DuckDB may have
# what the frames would take: a province's distinct count of 8 million IDs spills to disk
# under 1 GB and took 21–24 s instead of 16 s, in a process that stays under 1.7 GiB.
RECORDS_MEMORY_MB = 1536


def memory_limit_mb(default: int = DEFAULT_MEMORY_MB) -> int:
    return _env_int("ZYTALENT_ENGINE_MEMORY_MB", default)


def _env_int(name: str, default: int) -> int:
    try:
        return max(1, int(os.environ.get(name, "")))
    except ValueError:
        return default


class Engine:
    """One DuckDB connection with its own spill directory, removed when it is closed (or
    garbage-collected)."""

    def __init__(self, memory_mb: int | None = None) -> None:
        import duckdb

        self.spill = tempfile.mkdtemp(prefix="zytalent-engine-")
        threads = _env_int("ZYTALENT_ENGINE_THREADS", os.cpu_count() or 1)
        self.connection: duckdb.DuckDBPyConnection = duckdb.connect(
            ":memory:",
            config={
                "memory_limit": f"{memory_mb or memory_limit_mb()}MB",
                "temp_directory": self.spill,
                "threads": threads,
                # figures are aggregates: the order rows are stored in does not matter
                "preserve_insertion_order": False,
            },
        )
        # the tables made here: a kind's records (named by the kind), its row hashes and
        # the unique values its batches held first
        self.stored: set[str] = set()
        # every record valid in every field (exported records): the figures that differ
        # only in the fields they need valid are one query, one scan
        self.all_valid = False
        self._finalizer = weakref.finalize(self, _close, self.connection, self.spill)

    def close(self) -> None:
        self._finalizer()

    def __enter__(self) -> Engine:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def register(self, name: str, table: pa.Table) -> None:
        """Records as a table DuckDB reads in place (no copy)."""
        self.connection.register(name, table)

    def unregister(self, name: str) -> None:
        self.connection.unregister(name)

    def register_frame(self, kind: str, frame: pd.DataFrame, extra: Iterable[str] = ()) -> None:
        """A kind's records held as a frame, as the table the figure queries read."""
        self.register(kind, arrow_of(frame, kind, extra))

    def store(self, kind: str, frame: pd.DataFrame, load: int) -> None:
        """Add a batch of records to the kind's table (created with the batch's types),
        marked with the number of the file they come from (`forget` takes a file back)."""
        table = arrow_of(frame, kind)
        columns = ", ".join(
            f"{_quoted(name)} {_sql_type(frame[name].dtype)}" for name in table.column_names
        )
        self._append(kind, table, columns, load)

    def _append(self, name: str, batch: pa.Table, columns: str, load: int) -> None:
        """Add a batch to one of the engine's tables (made with `columns` on first use),
        each row marked with the number of the file it comes from."""
        self.register("_batch", batch)
        if name not in self.stored:
            self.connection.execute(f"CREATE TABLE {_quoted(name)} ({columns}, _load INTEGER)")
            self.stored.add(name)
        self.connection.execute(
            f"INSERT INTO {_quoted(name)} BY NAME SELECT *, {int(load)} AS _load FROM _batch"
        )
        self.unregister("_batch")

    def forget(self, kind: str, load: int) -> None:
        """Take back what one file added (it is read again another way): its records, its
        row hashes and the unique values it was first to hold."""
        for table in (kind, _hashes_of(kind), _values_of(kind)):
            if table in self.stored:
                self.connection.execute(f"DELETE FROM {_quoted(table)} WHERE _load = {int(load)}")

    def note_rows(self, kind: str, hashes: npt.NDArray[np.uint64], load: int) -> None:
        """The row hashes of a batch, marked with its file's number: a row is a candidate
        identical row when its hash is there twice (`repeated_hashes`)."""
        import pyarrow as pa

        batch = pa.table({"hash": pa.array(hashes, type=pa.uint64())})
        self._append(_hashes_of(kind), batch, "hash UBIGINT", load)

    def seen_before(
        self, kind: str, field: str, values: Sequence[str]
    ) -> dict[str, tuple[str, str | None, int]]:
        """Of a batch's distinct values of a unique field, those an earlier batch or file
        held, with the place that held them first."""
        import pyarrow as pa

        table = _values_of(kind)
        if table not in self.stored or not values:
            return {}
        self.register("_values", pa.table({"value": pa.array(values, type=pa.string())}))
        query = (
            f"SELECT s.value, s.file, s.sheet, s.row FROM {_quoted(table)} s"
            " JOIN _values v ON s.value = v.value WHERE s.field = ?"
        )
        found = self.connection.execute(query, [field]).fetchall()
        self.unregister("_values")
        return {value: (file, sheet, int(row)) for value, file, sheet, row in found}

    def note_values(
        self,
        kind: str,
        field: str,
        values: Sequence[str],
        places: Sequence[tuple[str, str | None, int]],
        load: int,
    ) -> None:
        """Values of a unique field held for the first time, each with its place, marked
        with the number of the file they come from."""
        import pyarrow as pa

        if not values:
            return
        batch = pa.table(
            {
                "field": pa.array([field] * len(values), type=pa.string()),
                "value": pa.array(values, type=pa.string()),
                "file": pa.array([p[0] for p in places], type=pa.string()),
                "sheet": pa.array([p[1] for p in places], type=pa.string()),
                "row": pa.array([p[2] for p in places], type=pa.int64()),
            }
        )
        columns = "field VARCHAR, value VARCHAR, file VARCHAR, sheet VARCHAR, row BIGINT"
        self._append(_values_of(kind), batch, columns, load)

    def repeated_hashes(self, kind: str) -> npt.NDArray[np.uint64]:
        """The row hashes noted more than once (sorted)."""
        import numpy as np

        table = _hashes_of(kind)
        if table not in self.stored:
            return np.zeros(0, dtype=np.uint64)
        query = f"SELECT hash FROM {_quoted(table)} GROUP BY hash HAVING count(*) > 1 ORDER BY hash"
        found = self.connection.execute(query).fetchnumpy()["hash"]
        return np.asarray(found, dtype=np.uint64)

    def rows(self, query: str) -> list[dict[str, Any]]:
        cursor = self.connection.execute(query)
        names = [d[0] for d in cursor.description or ()]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def figure_values(
        self,
        kind: str,
        source: str,
        figures: Sequence[Figure],
        group: str | None = None,
        keys: Iterable[Hashable] = (),
        also: Mapping[str, exp.Expr] | None = None,
    ) -> dict[Hashable, dict[str, int]]:
        """Each figure's value (per group with `group`; under None without), in the
        order of `figures`; a figure shown only when some record matches is left out when
        none does. A group of `keys` with no record under a figure's fields gives its
        zero. `also` names aggregates over the same records, added to each group's values
        (one pass over the records reads both)."""
        by_mask: dict[int, list[Figure]] = {}
        for figure in figures:
            mask = EVERY_FIELD if self.all_valid else figure_mask(figure.id)
            by_mask.setdefault(mask, []).append(figure)
        if also and len(by_mask) > 1:
            # each mask counts other records: an aggregate beside them would be ambiguous
            raise ValueError("`also` needs figures that count the same records (all_valid)")
        found: dict[Hashable, dict[str, int]] = {}
        for mask, chosen in by_mask.items():
            query = sql.figures_query(
                chosen,
                source=source,
                mask=mask,
                derived=DERIVED.get(kind, ()),
                group=group,
                also=also,
            )
            for row in self.rows(query.sql(dialect=DIALECT)):
                found.setdefault(row.get(sql.GROUP), {}).update(row)
        for key in keys if group is not None else (None,):
            found.setdefault(key, {})
        return {
            key: _in_order(figures, row) | {name: int(row.get(name) or 0) for name in also or {}}
            for key, row in found.items()
        }

    def sources(
        self, kind: str, source: str, group: str | None = None
    ) -> dict[Hashable, dict[str, int]]:
        """Per group: records read, left out, counted, and the files counted ones come from."""
        query = sql.sources_query(kind_masks(kind), source=source, group=group)
        return {
            row.pop(sql.GROUP, None): {k: int(v) for k, v in row.items()}
            for row in self.rows(query.sql(dialect=DIALECT))
        }

    def selected_records(self, figure: Figure, source: str, columns: Sequence[str]) -> pd.DataFrame:
        """The records a figure counts, as a frame of `columns` ordered by them."""
        query = sql.selection_query(
            figure,
            source=source,
            mask=figure_mask(figure.id),
            derived=DERIVED.get(figure.kind, ()),
            columns=columns,
        )
        return self.connection.execute(query.sql(dialect=DIALECT)).df()


def _hashes_of(kind: str) -> str:
    return f"_rows_{kind}"


def _values_of(kind: str) -> str:
    return f"_unique_{kind}"


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _sql_type(dtype: object) -> str:
    """The DuckDB type of a typed frame's column (figures read codes, numbers and dates)."""
    import pandas as pd

    if isinstance(dtype, pd.CategoricalDtype):
        dtype = dtype.categories.dtype
    kind = getattr(dtype, "kind", "O")
    if kind == "b":
        return "BOOLEAN"
    if kind in "iu":
        return "BIGINT"
    if kind == "f":
        return "DOUBLE"
    if kind == "M":
        return "TIMESTAMP"
    return "VARCHAR"


def _close(connection: duckdb.DuckDBPyConnection, spill: str) -> None:
    connection.close()
    shutil.rmtree(spill, ignore_errors=True)


def _in_order(figures: Sequence[Figure], row: dict[str, Any]) -> dict[str, int]:
    values: dict[str, int] = {}
    for figure in figures:
        if figure.id not in row:  # a group with no record the figure's fields allow
            if not figure.only_if_present:
                values[figure.id] = 0
            continue
        if figure.only_if_present and not row.get(figure.id + sql.SEEN):
            continue
        values[figure.id] = int(row[figure.id])
    return values


def kind_fields(kind: str) -> frozenset[str]:
    """The ledger fields some figure of the kind reads (derived fields by their sources)."""
    used: set[str] = set()
    for figure in FIGURES.values():
        if figure.kind == kind:
            used |= fields_of(figure.where) | ({figure.field} if figure.field else set())
    for name in list(used):
        used |= DERIVED_FROM.get(name, frozenset())
    return frozenset(used - DERIVED_FROM.keys())


def arrow_of(frame: pd.DataFrame, kind: str, extra: Iterable[str] = ()) -> pa.Table:
    """The columns the kind's figure queries read, as Arrow (categories stay
    dictionary-encoded; numbers and flags are not copied where Arrow can share them)."""
    import pyarrow as pa

    wanted = [c for c in (*sorted(kind_fields(kind)), *STATE, *extra) if c in frame.columns]
    return pa.Table.from_pandas(frame[wanted], preserve_index=False)


def selected_positions(frame: pd.DataFrame, figure: Figure) -> list[int]:
    """The positions in `frame` of the records a figure counts (what `explain` shows)."""
    import numpy as np

    with Engine() as engine:
        table = arrow_of(frame.assign(_position=np.arange(len(frame))), figure.kind, ["_position"])
        engine.register("records", table)
        chosen = engine.selected_records(figure, "records", ["_position"])
        return [int(p) for p in chosen["_position"]]
