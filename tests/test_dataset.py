"""`summarize --records PATH`: a province's figures from the Parquet its counties exported
with `zytalent records`, by the same figure queries; and the same queries for Spark."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import sqlglot
import test_grouped
from helpers import TODAY
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.dataset import open_dataset, records_view
from zytalent.figures import sql
from zytalent.figures.inputs import figure_mask
from zytalent.figures.registry import DERIVED, FIGURES
from zytalent.grouped import summarize_by
from zytalent.ledgers import LEDGERS
from zytalent.records import typed_frame
from zytalent.summary import counted, summarize

DATA = Path(__file__).resolve().parent.parent / "data"
KEY = b"county key"
runner = CliRunner()
city = test_grouped.city  # the fixture: three counties of meal ledgers


def export(
    year: int,
    paths: list[Path],
    folder: Path,
    personal: str = "pseudonymize",
    cumulative: bool = True,
) -> Path:
    """Every ledger's records of the year, one Parquet file each, as `zytalent records`
    (without the cumulative ledgers, a pool exported once from its latest year)."""
    folder.mkdir(parents=True, exist_ok=True)
    summary = summarize(year, paths, today=TODAY, keep_records=True)
    assert not summary.has_errors
    for kind in summary.loaded.frames:
        if LEDGERS[kind].cumulative and not cumulative:
            continue
        frame = typed_frame(kind, counted(summary.loaded, kind), personal, KEY)  # type: ignore[arg-type]
        if len(frame):
            pq.write_table(pa.Table.from_pandas(frame), folder / f"{kind}.parquet")
    return folder


def test_records_of_a_year_give_its_figures(tmp_path: Path) -> None:
    exported = export(2023, [DATA / "2023"], tmp_path / "records")
    result = runner.invoke(app, ["summarize", "2023", "--records", str(exported), "-f", "json"])
    assert result.exit_code == 0, result.output
    direct = summarize(2023, [DATA / "2023"], today=TODAY)
    assert json.loads(result.stdout)["figures"] == direct.to_dict()["figures"]


def test_pseudonyms_count_distinct_as_the_real_numbers(tmp_path: Path) -> None:
    shown = export(2023, [DATA / "2023"], tmp_path / "shown", personal="show")
    hashed = export(2023, [DATA / "2023"], tmp_path / "hashed")
    values = [summarize(2023, [], records=[str(f)]).values for f in (shown, hashed)]
    assert values[0] == values[1]
    assert values[0]["meals.elders"] == summarize(2023, [DATA / "2023"]).values["meals.elders"]


def test_a_province_of_counties_by_a_county_column(tmp_path: Path, city: Path) -> None:
    """Each county's export gets a county column; --by county gives each county's own
    figures, and the total counts an elder who moved between counties once."""
    for county in sorted(p.name for p in city.iterdir()):
        exported = export(2023, [city / county], tmp_path / "export" / county)
        for file in exported.glob("*.parquet"):
            table = pq.read_table(file)
            table = table.append_column("county", pa.array([county] * table.num_rows))
            pq.write_table(table, file)
    glob = str(tmp_path / "export" / "*" / "*.parquet")
    by_county = summarize_by(2023, [], "county", records=[glob])
    for county, values in by_county.groups.items():
        assert values == summarize(2023, [city / county], today=TODAY).values, county
    whole = summarize(2023, [city], today=TODAY, skip_invalid=True)
    assert by_county.summary.values["meals.elders"] == whole.values["meals.elders"]
    assert by_county.differs("meals.elders")  # the moved elder is in two counties
    result = runner.invoke(
        app, ["summarize", "2023", "--records", glob, "--by", "county", "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    assert sorted(json.loads(result.stdout)["groups"]) == sorted(by_county.groups)


def test_masked_ids_refuse_the_figures_counting_people(tmp_path: Path) -> None:
    masked = export(2023, [DATA / "2023"], tmp_path / "masked", personal="mask")
    summary = summarize(2023, [], records=[str(masked / "meals.parquet")])
    assert "meals.elders" in summary.refused and "meals.elders" not in summary.values
    assert summary.values["meals.meals"] == summarize(2023, [DATA / "2023"]).values["meals.meals"]
    codes = [f.code for f in summary.loaded.findings.items]
    assert codes == ["records_masked"]
    result = runner.invoke(app, ["summarize", "2023", "--records", str(masked)])
    assert result.exit_code == 1


def test_masked_ids_are_said_even_when_no_figure_is_given(tmp_path: Path) -> None:
    """The masked count runs beside the figures; with none given (a file of no ledger
    blocks them) it still runs, and says how many of the year's records are masked."""
    masked = export(2023, [DATA / "2023"], tmp_path / "masked", personal="mask")
    pq.write_table(pa.table({"x": [1, 2]}), masked / "other.parquet")
    summary = summarize(
        2023, [], records=[str(masked / "meals.parquet"), str(masked / "other.parquet")]
    )
    assert summary.blocked and not summary.values
    found = {f.code: f for f in summary.loaded.findings.items}
    assert sorted(found) == ["records_masked", "records_not_ledger"]
    year = summarize(2023, [DATA / "2023"], keep_records=True)
    in_year = int(counted(year.loaded, "meals")["id_number"].notna().sum())
    assert dict(found["records_masked"].context)["records"] == f"{in_year:,}"


def test_masked_ids_of_another_year_refuse_nothing_of_this_one(tmp_path: Path) -> None:
    """One dataset, 2022 exported masked and 2023 pseudonymised: 2023's elders are exact
    and given; 2022's are refused."""
    both = tmp_path / "both"
    export(2023, [DATA / "2023"], both / "2023", cumulative=False)
    export(2022, [DATA / "2022"], both / "2022", personal="mask", cumulative=False)
    this_year = summarize(2023, [], records=[str(both)])
    assert (
        this_year.values["meals.elders"] == summarize(2023, [DATA / "2023"]).values["meals.elders"]
    )
    assert "records_masked" not in [f.code for f in this_year.loaded.findings.items]
    last_year = summarize(2022, [], records=[str(both)])
    assert "meals.elders" in last_year.refused
    masked = {(f.code, f.column) for f in last_year.loaded.findings.items}
    assert ("records_masked", "id_number") in masked and {c for c, _ in masked} == {
        "records_masked"
    }


def test_a_parquet_file_of_no_ledger_blocks(tmp_path: Path) -> None:
    pq.write_table(pa.table({"x": [1, 2]}), tmp_path / "other.parquet")
    summary = summarize(2023, [], records=[str(tmp_path)])
    assert summary.blocked
    assert [f.code for f in summary.loaded.findings.items] == ["records_not_ledger"]
    result = runner.invoke(app, ["summarize", "2023", "--records", str(tmp_path)])
    assert result.exit_code == 1


def test_records_and_ledger_paths_together_are_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["summarize", "2023", str(DATA / "2023"), "--records", "x"])
    assert result.exit_code == 2
    missing = runner.invoke(app, ["summarize", "2023", "--records", str(tmp_path / "no*.parquet")])
    assert missing.exit_code == 2


def test_explain_report_and_compare_take_records(tmp_path: Path) -> None:
    export(2023, [DATA / "2023"], tmp_path / "both")
    # two years in one dataset: a cumulative ledger (the diaspora pool, the day-care
    # centres) holds the years before in its latest export, so it is exported once
    export(2022, [DATA / "2022"], tmp_path / "both" / "2022", cumulative=False)
    both = str(tmp_path / "both")
    explained = runner.invoke(
        app, ["explain", "skills.high_skilled", "2023", "--records", both, "-f", "json"]
    )
    assert explained.exit_code == 0, explained.output
    direct = runner.invoke(app, ["explain", "skills.high_skilled", "2023", "-f", "json"])
    assert json.loads(explained.stdout)["value"] == json.loads(direct.stdout)["value"]
    report = runner.invoke(app, ["report", "2023", "--records", both])
    assert report.exit_code == 0 and report.stdout == runner.invoke(app, ["report", "2023"]).stdout
    compared = runner.invoke(app, ["compare", "2022", "2023", "--records", both, "-f", "json"])
    plain = runner.invoke(app, ["compare", "2022", "2023", "-f", "json"])
    assert compared.exit_code == plain.exit_code
    changes = [json.loads(r.stdout)["figures"] for r in (compared, plain)]
    pooled = {f.id for f in FIGURES.values() if LEDGERS[f.kind].cumulative}
    assert {k: v for k, v in changes[0].items() if k not in pooled} == {
        k: v for k, v in changes[1].items() if k not in pooled
    }


def spark_queries(year: int = 2023) -> list[str]:
    """Every figure query, and every ledger's records view, written for Spark."""
    queries = []
    for kind in LEDGERS:
        columns = {*LEDGERS[kind].columns(), "file", "sheet", "row"}
        queries.append(records_view(kind, f"raw_{kind}", columns, year).sql(dialect="spark"))
        figures = [f for f in FIGURES.values() if f.kind == kind]
        for mask in dict.fromkeys(figure_mask(f.id) for f in figures):
            chosen = [f for f in figures if figure_mask(f.id) == mask]
            query = sql.figures_query(chosen, source=kind, mask=mask, derived=DERIVED.get(kind, ()))
            queries.append(query.sql(dialect="spark"))
    return queries


def test_every_figure_query_has_a_spark_form_that_parses() -> None:
    queries = spark_queries()
    assert sum(q.count("`") for q in queries) > 0  # Spark's quoting, not DuckDB's
    named = {alias for q in queries for alias in _aliases(q)}
    assert set(FIGURES) <= named  # every figure is in some Spark query
    for query in queries:
        parsed = sqlglot.parse_one(query, read="spark")
        assert parsed.sql(dialect="spark") == query


def _aliases(query: str) -> set[str]:
    parsed = sqlglot.parse_one(query, read="spark")
    return {e.alias for e in parsed.expressions if e.alias}


@pytest.mark.slow
def test_the_figure_queries_give_the_same_figures_on_spark(tmp_path: Path) -> None:
    pyspark = pytest.importorskip("pyspark.sql")
    if shutil.which("java") is None:
        pytest.skip("no Java for Spark here")
    exported = export(2023, [DATA / "2023"], tmp_path / "records")
    spark = pyspark.SparkSession.builder.master("local[2]").appName("zytalent").getOrCreate()
    try:
        loaded, _ = open_dataset(2023, [str(exported)])
        on_spark: dict[str, int] = {}
        for kind in loaded.stored:
            raw = spark.read.parquet(str(exported / f"{kind}.parquet"))
            raw.createOrReplaceTempView(f"raw_{kind}")
            columns = set(raw.columns)
            view = records_view(kind, f"raw_{kind}", columns, 2023)
            spark.sql(view.sql(dialect="spark")).createOrReplaceTempView(kind)
            figures = [f for f in FIGURES.values() if f.kind == kind]
            for mask in dict.fromkeys(figure_mask(f.id) for f in figures):
                chosen = [f for f in figures if figure_mask(f.id) == mask]
                query = sql.figures_query(
                    chosen, source=kind, mask=mask, derived=DERIVED.get(kind, ())
                )
                row = spark.sql(query.sql(dialect="spark")).collect()[0].asDict()
                for figure in chosen:
                    seen = row.get(figure.id + sql.SEEN)
                    if not figure.only_if_present or seen:
                        on_spark[figure.id] = int(row[figure.id])
    finally:
        spark.stop()
    here = summarize(2023, [], records=[str(exported)]).values
    assert on_spark == {k: here[k] for k in on_spark} and set(here) <= set(on_spark)


def test_records_give_the_engine_the_memory_frames_would_take(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No frame is kept beside exported records, so DuckDB may take 1536 MB there (not
    1024); ZYTALENT_ENGINE_MEMORY_MB still decides when set."""
    exported = export(2023, [DATA / "2023"], tmp_path / "records")

    def shown(connection: duckdb.DuckDBPyConnection) -> str:
        query = "SELECT value FROM duckdb_settings() WHERE name = 'memory_limit'"
        row = connection.execute(query).fetchone()
        assert row is not None
        return str(row[0])

    def engine_limit() -> str:
        loaded, _ = open_dataset(2023, [str(exported)])
        assert loaded.engine is not None
        return shown(loaded.engine.connection)

    def given(limit: str) -> str:
        return shown(duckdb.connect(config={"memory_limit": limit}))

    assert engine_limit() == given("1536MB") != given("1024MB")
    monkeypatch.setenv("ZYTALENT_ENGINE_MEMORY_MB", "300")
    assert engine_limit() == given("300MB")
