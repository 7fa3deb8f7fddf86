"""What a user would run instead of zytalent, each as its own process (for benchmarks/run.py).

    python benchmarks/peers.py bare-csv FILE|DIR    pandas.read_csv(engine="pyarrow", dtype=str)
    python benchmarks/peers.py bare-excel FILE      pandas.read_excel(engine="calamine")
    python benchmarks/peers.py pydantic-rows FILE   the ledger model validated once per row
    python benchmarks/peers.py pandera FILE         pandera, lazy=True, the closest schema
    python benchmarks/peers.py frictionless FILE    frictionless.validate with a Table Schema
    python benchmarks/peers.py duckdb-meals FILE    the meal figures as one hand-written DuckDB query
    python benchmarks/peers.py duckdb-records GLOB  the same over Parquet records (`zytalent records`)

Each prints the number of rows and of failing cells it found.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

ID_PATTERN = r"^\d{17}[\dX]$"
MONEY = ["政府补贴", "集体补贴", "个人支付", "子女支付", "社会捐赠"]


MEAL_MONEY = ("gov", "collective", "individual", "children", "society")
MEAL_FIGURES = 'count(DISTINCT "{id}"), sum("{meals}"), count(DISTINCT "{center}"), ' + ", ".join(
    'sum(CAST("{' + m + '}" AS DECIMAL(18,2)))' for m in MEAL_MONEY
)


def duckdb_meals(path: str) -> None:
    """What a statistician fluent in SQL would write for the meal figures of a clean CSV:
    the elders, meals and service points, and the five funding sums, exact."""
    columns = ("身份证号", "就餐次数", "服务点", *MONEY)
    _meal_figures(columns, f"read_csv('{path}', header=true)")


def duckdb_records(path: str) -> None:
    """The same figures over Parquet records as `zytalent records` writes them."""
    columns = (
        "id_number",
        "meals",
        "center",
        "gov",
        "collective",
        "individual",
        "children",
        "society",
    )
    _meal_figures(columns, f"read_parquet('{path}')")


def _meal_figures(columns: tuple[str, ...], source: str) -> None:
    import duckdb

    names = dict(zip(("id", "meals", "center", *MEAL_MONEY), columns, strict=True))
    print(*duckdb.sql(f"SELECT {MEAL_FIGURES.format(**names)} FROM {source}").fetchall()[0])


def bare_csv(path: str) -> None:
    """One file, or every CSV in a folder (one read each, frames kept, as a loader would)."""
    files = sorted(Path(path).glob("*.csv")) if Path(path).is_dir() else [Path(path)]
    frames = [pd.read_csv(file, engine="pyarrow", dtype=str) for file in files]
    print(sum(len(f) for f in frames), 0)


def bare_excel(path: str) -> None:
    frame = pd.read_excel(path, engine="calamine")
    print(len(frame), 0)


def pydantic_rows(path: str) -> None:
    """The straightforward way: read as text, then one pydantic validation per row."""
    from pydantic import ValidationError

    from zytalent.ledgers.meals import MealService

    frame = pd.read_csv(path, engine="pyarrow", dtype=str, keep_default_na=False)
    names = {c.header: name for name, c in MealService.columns().items()}
    frame.columns = [names.get(c, c) for c in frame.columns]
    failures = 0
    for record in frame.to_dict("records"):
        try:
            MealService.model_validate(record)
        except ValidationError as exc:
            failures += exc.error_count()
    print(len(frame), failures)


def _id_checksum_ok(values: pd.Series) -> pd.Series:
    from zytalent.cells.identifiers import ID_CHECK_CHARS, ID_WEIGHTS

    weights = ID_WEIGHTS
    text = values.astype(str)
    ok = text.str.match(ID_PATTERN)
    total = sum(
        pd.to_numeric(text.str[i], errors="coerce").fillna(0) * w for i, w in enumerate(weights)
    )
    expected = (total.astype(int) % 11).map(dict(enumerate(ID_CHECK_CHARS)))
    return ok & (text.str[17] == expected)


def pandera(path: str) -> None:
    import pandera.pandas as pa

    schema = pa.DataFrameSchema(
        {
            "日期": pa.Column("datetime64[ns]", coerce=True),
            "服务点": pa.Column(str, nullable=False),
            "姓名": pa.Column(str, nullable=False),
            "身份证号": pa.Column(str, pa.Check(_id_checksum_ok)),
            "就餐次数": pa.Column(int, pa.Check.ge(1), coerce=True),
            **{m: pa.Column(float, pa.Check.ge(0), coerce=True, nullable=True) for m in MONEY},
        }
    )
    frame = pd.read_csv(path, dtype=str)
    failures = 0
    try:
        schema.validate(frame, lazy=True)
    except pa.errors.SchemaErrors as exc:
        failures = len(exc.failure_cases)
    print(len(frame), failures)


def frictionless(path: str) -> None:
    from frictionless import Resource, Schema, validate

    schema = Schema.from_descriptor(
        {
            "fields": [
                {
                    "name": "日期",
                    "type": "date",
                    "format": "%Y-%m",
                    "constraints": {"required": True},
                },
                {"name": "服务点", "type": "string", "constraints": {"required": True}},
                {"name": "姓名", "type": "string", "constraints": {"required": True}},
                {
                    "name": "身份证号",
                    "type": "string",
                    "constraints": {"required": True, "pattern": ID_PATTERN},
                },
                {
                    "name": "就餐次数",
                    "type": "integer",
                    "constraints": {"required": True, "minimum": 1},
                },
                *({"name": m, "type": "number", "constraints": {"minimum": 0}} for m in MONEY),
            ]
        }
    )
    file = Path(path).resolve()  # frictionless refuses absolute paths unless given a basepath
    report = validate(Resource(path=file.name, basepath=str(file.parent), schema=schema))
    task = report.tasks[0]
    print(task.stats.get("rows"), task.stats.get("errors"))


TOOLS = {
    "bare-csv": bare_csv,
    "duckdb-meals": duckdb_meals,
    "duckdb-records": duckdb_records,
    "bare-excel": bare_excel,
    "pydantic-rows": pydantic_rows,
    "pandera": pandera,
    "frictionless": frictionless,
}

if __name__ == "__main__":
    TOOLS[sys.argv[1]](sys.argv[2])
