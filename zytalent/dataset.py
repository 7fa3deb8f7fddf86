"""`summarize --records PATH`: the figures from records already validated and exported by
`zytalent records` (Parquet: a file, a folder or a glob; one county or a province's 117),
computed by the same figure queries as ledgers read in this run.

Each Parquet file's ledger is known by its columns. Its records are seen through one
view per ledger that turns the exported types back into what the figure queries read:
money in 元 back to fen, level codes back to numbers, the year from the ledger's date.
The view is built with sqlglot as the figures are, so it runs on Spark as well.

ID numbers exported masked (the default of `records`) cannot be counted distinct: two
people can share a masked form. Figures that count people by their ID number are then
refused, with a finding that says to export with --pseudonymize (a keyed hash counts
distinct exactly as the real numbers do). The masked values are counted in the same pass
over the records as the figures (`masked_counts`): a second pass only to look for `*` took
as long as a third of the figures themselves. Only the records of the year count: a
masked number in a record no figure of the year counts cannot make one wrong.
"""

from __future__ import annotations

import glob
from dataclasses import dataclass, field
from pathlib import Path

from sqlglot import exp

from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import (
    FILE_UNREADABLE,
    RECORDS_MASKED,
    RECORDS_NOT_LEDGER,
)
from zytalent.diagnostics.errors import UsageError
from zytalent.diagnostics.i18n import Text
from zytalent.figures import sql
from zytalent.figures.engine import DIALECT, RECORDS_MEMORY_MB, Engine, memory_limit_mb
from zytalent.figures.registry import DERIVED, FIGURES, Figure
from zytalent.figures.where import DateInYear, fields_of
from zytalent.ledgers import LEDGERS
from zytalent.load import FileReport, Loaded, SheetReport
from zytalent.reading.headers import field_named

PROVENANCE = ("file", "sheet", "row")


@dataclass
class Dataset:
    """Parquet files of exported records, grouped by the ledger their columns are."""

    files: dict[str, list[str]] = field(default_factory=dict)  # kind -> files
    columns: dict[str, set[str]] = field(default_factory=dict)  # kind -> columns they all have
    rows: dict[str, int] = field(default_factory=dict)  # file -> records
    findings: fnd.Findings = field(default_factory=fnd.Findings)


def parquet_files(sources: list[str]) -> list[str]:
    """The Parquet files a --records PATH names: a file, a folder (searched below), or a
    glob (`counties/*/meals.parquet`)."""
    found: list[str] = []
    for source in sources:
        path = Path(source)
        if path.is_dir():
            found += sorted(str(p) for p in path.rglob("*.parquet") if p.is_file())
        elif path.is_file():
            found.append(str(path))
        else:
            matched = sorted(p for p in glob.glob(source, recursive=True) if Path(p).is_file())
            if not matched:
                raise UsageError(
                    str(
                        Text(
                            "找不到 --records 所指的文件：{source}",
                            "No records file matches --records {source}",
                        ).format(source=source)
                    )
                )
            found += matched
    return list(dict.fromkeys(found))


def kind_of_columns(columns: set[str]) -> str | None:
    """The ledger whose fields a file of records has (the one it has most fields of,
    among those whose required fields are all there)."""
    best: tuple[int, str] | None = None
    for kind, model in LEDGERS.items():
        fields = model.columns()
        if not {n for n, c in fields.items() if c.required} <= columns:
            continue
        score = len(set(fields) & columns)
        if best is None or score > best[0]:
            best = (score, kind)
    return best[1] if best else None


def dataset(sources: list[str]) -> Dataset:
    import pyarrow.parquet as pq

    found = Dataset()
    for path in parquet_files(sources):
        try:
            metadata = pq.read_metadata(path)
            columns = set(metadata.schema.to_arrow_schema().names)
        except Exception as error:
            found.findings.add(fnd.make(FILE_UNREADABLE, file=path, reason=type(error).__name__))
            continue
        kind = kind_of_columns(columns)
        if kind is None:
            found.findings.add(fnd.make(RECORDS_NOT_LEDGER, file=path))
            continue
        found.files.setdefault(kind, []).append(path)
        found.columns[kind] = found.columns.get(kind, columns) & columns
        found.rows[path] = metadata.num_rows
    return found


def records_view(
    kind: str, source: str, columns: set[str], year: int, by: str | None = None
) -> exp.Select:
    """The exported records as the figure queries read them (see the module's note)."""
    model = LEDGERS[kind]
    outputs: list[exp.Expr] = []
    for name, column in model.columns().items():
        if name not in columns:
            continue
        value: exp.Expr = sql.column(name)
        if column.kind == "money":
            value = exp.cast(
                exp.Round(this=exp.Mul(this=value, expression=sql.literal(100))),
                exp.DataType.Type.BIGINT,
            )
        elif column.kind == "integer" or (
            column.choices and all(isinstance(c.code, int) for c in column.choices)
        ):
            value = exp.cast(value, exp.DataType.Type.BIGINT)
        elif column.kind == "date":
            value = exp.cast(value, exp.DataType.Type.DATE)
        outputs.append(exp.alias_(value, name, quoted=True))
    in_year = DateInYear(model.year_field(), year, up_to=model.cumulative)
    outputs += [
        exp.alias_(sql.condition(in_year), "_in_year", quoted=True),
        exp.alias_(exp.cast(sql.literal(0), exp.DataType.Type.BIGINT), "_bad", quoted=True),
        exp.alias_(sql.literal(True), "_valid", quoted=True),
        exp.alias_(sql.column("file") if "file" in columns else sql.literal(source), "_file"),
        exp.alias_(sql.column("sheet") if "sheet" in columns else exp.null(), "_sheet"),
        exp.alias_(sql.column("row") if "row" in columns else exp.null(), "_row"),
    ]
    if by is not None:
        outputs.append(
            exp.alias_(exp.cast(sql.column(by), exp.DataType.Type.VARCHAR), sql.GROUP, quoted=True)
        )
    return exp.select(*outputs).from_(exp.to_table(source))


def group_column(kind: str, columns: set[str], by: str) -> str | None:
    """The column `--by` names in this ledger's records, if they have it."""
    if by in columns:
        return by
    name = field_named(kind, by)
    return name if name in columns else None


def counts_persons(figure: Figure) -> set[str]:
    """The personal fields whose distinct values a figure counts (directly, or through
    the best value per person)."""
    personal = {n for n, c in LEDGERS[figure.kind].columns().items() if c.personal}
    read = fields_of(figure.where) | ({figure.field} if figure.field else set())
    people = {d.person for d in DERIVED.get(figure.kind, ()) if d.name in read}
    if figure.measure == "distinct" and figure.field is not None:
        people.add(figure.field)
    return people & personal


def open_dataset(
    year: int, sources: list[str], by: str | None = None
) -> tuple[Loaded, dict[str, str | None]]:
    """The records as a Loaded whose kinds are views of the figure engine; per kind, the
    column it is grouped by (None: it cannot be split so)."""
    found = dataset(sources)
    engine = Engine(memory_limit_mb(RECORDS_MEMORY_MB))
    engine.all_valid = True  # `records` exports only records valid in every field
    groups: dict[str, str | None] = {}
    files = []
    for kind, paths in found.files.items():
        raw = f"_raw_{kind}"
        listed = ", ".join("'" + p.replace("'", "''") + "'" for p in paths)
        engine.connection.execute(
            f'CREATE VIEW "{raw}" AS SELECT * FROM read_parquet([{listed}], union_by_name=true)'
        )
        present = found.columns[kind]
        groups[kind] = group_column(kind, present, by) if by else None
        view = records_view(kind, raw, present, year, groups[kind])
        engine.connection.execute(f'CREATE VIEW "{kind}" AS {view.sql(dialect="duckdb")}')
        for path in paths:
            files.append(FileReport(path, [SheetReport(None, kind, found.rows[path])]))
        found.columns[kind] = _filled(engine, kind, present)
    # a ledger with no record of the year in the dataset (it holds other years) gives no
    # figure: nothing says it was sent for this year
    stored = tuple(k for k in found.files if found.columns[k] & set(LEDGERS[k].columns()))
    headers: dict[tuple[str, str | None, str], tuple[str, str]] = {
        (f.file, None, name): (kind, name)
        for kind, paths in found.files.items()
        for f in files
        if f.file in paths
        for name in found.columns[kind]
    }
    columns = {k: {c for c in v if c in LEDGERS[k].columns()} for k, v in found.columns.items()}
    loaded = Loaded({}, files, found.findings, year, stored, engine, columns, headers)
    return loaded, groups


def _filled(engine: Engine, kind: str, columns: set[str]) -> set[str]:
    """The columns that hold some value in a record of the year. An export writes every
    field of the ledger; a field with no value at all was a column no table of the ledger
    had, so its figures are absent, as when the ledgers are read, not a false zero. With
    no record of the year at all, no field is filled."""
    fields = sorted(c for c in columns if c in LEDGERS[kind].columns())
    if not fields:
        return columns
    counts = engine.rows(
        "SELECT "
        + ", ".join(f'count("{c}") FILTER (WHERE _in_year) AS "{c}"' for c in fields)
        + f' FROM "{kind}"'
    )[0]
    return {c for c in columns if c not in counts or counts[c]}


MASKED = "_masked."  # what the count of masked values in a column is named: _masked.<kind>.<field>


def masked_counts(kind: str, columns: set[str]) -> dict[str, exp.Expr]:
    """Per personal column some figure counts people by, the records of the year whose
    value was exported masked (`*` in it): distinct counts over them would be wrong.
    They are counted beside the figures, in the same pass over the records."""
    wanted = set().union(*(counts_persons(f) for f in FIGURES.values() if f.kind == kind))
    return {
        f"{MASKED}{kind}.{name}": sql.count_where(
            exp.Like(
                this=exp.cast(sql.column(name), exp.DataType.Type.VARCHAR),
                expression=sql.literal("%*%"),
            )
        )
        for name in sorted(wanted & columns)
    }


def masked_alone(engine: Engine, checks: dict[str, dict[str, exp.Expr]]) -> dict[str, int]:
    """The masked counts without the figures (when none is given)."""
    counts: dict[str, int] = {}
    for kind, asked in checks.items():
        if asked:
            outputs = [exp.alias_(value, name, quoted=True) for name, value in asked.items()]
            query = exp.select(*outputs).from_(exp.to_table(kind)).where(sql.column("_in_year"))
            counts.update(engine.rows(query.sql(dialect=DIALECT))[0])
    return {name: int(n or 0) for name, n in counts.items()}


def masked_fields(counts: dict[str, int]) -> set[tuple[str, str]]:
    """The (kind, field) whose values were exported masked."""
    return {_masked_field(name) for name, n in counts.items() if n}


def _masked_field(name: str) -> tuple[str, str]:
    kind, field_name = name.removeprefix(MASKED).split(".", 1)
    return kind, field_name


def masked_findings(loaded: Loaded, counts: dict[str, int]) -> list[fnd.Finding]:
    """An error per column whose values were exported masked (see masked_counts)."""
    found = []
    for name, masked in counts.items():
        if not masked:
            continue
        kind, column = _masked_field(name)
        paths = [f.file for f in loaded.files if any(s.kind == kind for s in f.sheets)]
        header = LEDGERS[kind].columns()[column].label.zh
        found.append(
            fnd.make(
                RECORDS_MASKED,
                file=paths[0] if len(paths) == 1 else None,
                column=column,
                value=header,
                records=f"{int(masked):,}",
            )
        )
    return found


__all__ = [
    "Dataset",
    "counts_persons",
    "masked_alone",
    "masked_counts",
    "masked_fields",
    "masked_findings",
    "open_dataset",
]
