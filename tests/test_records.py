"""`zytalent records`: the validated records for other engines, read back with pyarrow and
DuckDB, with no personal data unless asked."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.records import pseudonym, records
from zytalent.summary import summarize

DATA = Path(__file__).resolve().parent.parent / "data" / "2023"
runner = CliRunner()
FULL_ID = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dX](?![0-9A-Za-z])")
MOBILE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


@pytest.fixture(scope="module")
def meals(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("records") / "meals.parquet"
    result = runner.invoke(
        app,
        ["records", "养老助餐", "2023", str(DATA), "--pseudonymize", "-o", str(out)],
        env={"ZYTALENT_KEY": "county-key"},
    )
    assert result.exit_code == 0, result.output
    return out


def test_the_figures_come_back_from_parquet_in_duckdb_and_pyarrow(meals: Path) -> None:
    figures = summarize(2023, [DATA]).values
    table = pq.read_table(meals)
    assert str(table.schema.field("period").type) == "date32[day]"
    assert str(table.schema.field("gov").type) == "decimal128(18, 2)"
    frame = table.to_pandas()
    assert frame["id_number"].nunique() == figures["meals.elders"]
    assert int(frame["meals"].sum()) == figures["meals.meals"]
    assert frame["center"].nunique() == figures["meals.centers"]
    # a connection of its own: DuckDB's default one belongs to the process that first used
    # it, and under mutation testing this test runs in a child forked from that process,
    # where the default connection's threads are gone and a query waits forever
    with duckdb.connect() as connection:
        ((elders, served, gov),) = connection.sql(
            f"select count(distinct id_number), sum(meals), sum(gov) from '{meals}'"
        ).fetchall()
    assert elders == figures["meals.elders"] and served == figures["meals.meals"]
    assert Decimal(gov) * 100 == figures["meals.funding.gov"]
    assert {"file", "sheet", "row"} <= set(frame.columns)


def test_no_personal_number_in_the_file_by_default(tmp_path: Path) -> None:
    for kind, fmt in (("hires", "parquet"), ("meals", "csv"), ("diaspora", "xlsx")):
        out = tmp_path / f"{kind}.{fmt}"
        result = runner.invoke(app, ["records", kind, "2023", str(DATA), "-o", str(out)])
        assert result.exit_code == 0, result.output
        text = out.read_bytes().decode("latin-1") if fmt != "csv" else out.read_text("utf-8-sig")
        if fmt == "csv":
            assert not FULL_ID.search(text) and not MOBILE.search(text)
        frame = records(kind, 2023, [DATA]).frame
        for name in ("id_number", "phone"):
            if name in frame:
                values = frame[name].dropna().astype(str)
                assert not values.str.fullmatch(FULL_ID.pattern).any()
                assert not values.str.fullmatch(MOBILE.pattern).any()


def test_the_same_key_gives_the_same_pseudonym_and_another_key_another(tmp_path: Path) -> None:
    first = records("hires", 2023, [DATA], personal="pseudonymize", key=b"k1").frame
    again = records("hires", 2023, [DATA], personal="pseudonymize", key=b"k1").frame
    other = records("hires", 2023, [DATA], personal="pseudonymize", key=b"k2").frame
    shown = records("hires", 2023, [DATA], personal="show").frame
    assert list(first["id_number"]) == list(again["id_number"])
    assert not set(first["id_number"]) & set(other["id_number"])
    assert list(first["id_number"]) == [pseudonym(v, b"k1") for v in shown["id_number"]]
    # the same person in another ledger (a join key across files and ledgers)
    skills = records("skills", 2023, [DATA], personal="pseudonymize", key=b"k1").frame
    shown_skills = records("skills", 2023, [DATA], personal="show").frame
    common = set(shown["id_number"]) & set(shown_skills["id_number"])
    assert len(set(first["id_number"]) & set(skills["id_number"])) == len(common)


def test_pseudonymize_without_a_key_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        [
            "records",
            "hires",
            "2023",
            str(DATA),
            "--pseudonymize",
            "-o",
            str(tmp_path / "x.parquet"),
        ],
        env={"ZYTALENT_KEY": ""},
    )
    assert result.exit_code == 2 and "ZYTALENT_KEY" in result.output


def test_choices_carry_code_and_label_and_money_is_exact(tmp_path: Path) -> None:
    frame = records("hires", 2023, [DATA]).frame
    assert {"education", "education_label"} <= set(frame.columns)
    assert set(frame["education_label"]) <= {
        "博士研究生",
        "硕士研究生",
        "大学本科",
        "大学专科",
        "中专及以下",
    }
    funds = records("funds", 2023, [DATA]).frame
    assert all(isinstance(v, Decimal) for v in funds["amount"])
