"""Whatever bytes or cells arrive, the result is findings, never an exception."""

from __future__ import annotations

import contextlib
import datetime as dt
import tempfile
from pathlib import Path

from helpers import HIRES_HEADER, TODAY, write_xlsx
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from zytalent.cells.values import CellError
from zytalent.ledgers import LEDGERS
from zytalent.load import load

# 60 examples each in CI; the "explore" profile (tests/conftest.py) asks for many more
EXAMPLES = max(60, settings.default.max_examples) if settings.default.max_examples > 100 else 60
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])

header_bytes = st.sampled_from(
    [
        "姓名,身份证号,学历,引进单位,引进领域,到岗日期\n".encode(),
        "日期,服务点,姓名,身份证号,就餐次数\n".encode("gb18030"),
        b"",
    ]
)


@FUZZ
@given(header_bytes, st.binary(max_size=400))
@example(b"", b"\r")  # found by this test: only a line break made pyarrow invent a column
@example(b"", b"\n\r\n")
def test_arbitrary_bytes_as_csv(header: bytes, body: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.csv"
        path.write_bytes(header + body)
        loaded = load([path], today=TODAY)
        assert all(f.code and f.message for f in loaded.findings.items)


@FUZZ
@given(st.binary(min_size=0, max_size=600))
def test_arbitrary_bytes_as_a_workbook(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzz.xlsx"
        path.write_bytes(b"PK\x03\x04" + data if data[:1] == b"P" else data)
        loaded = load([path], today=TODAY)
        assert [f.code for f in loaded.findings.items if f.severity == "error"]


cell_values = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=30),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
)


@FUZZ
@given(st.lists(st.lists(cell_values, min_size=6, max_size=6), min_size=1, max_size=6))
# found by this test: a date in the ID column reached a text-only check
@example([[None, dt.datetime(2000, 1, 1, 0, 0, 0, 1), None, None, None, None]])
def test_arbitrary_cells_in_a_workbook(rows: list[list[object]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = write_xlsx(Path(folder) / "cells.xlsx", {"s": [HIRES_HEADER, *rows]})
        loaded = load([path], today=TODAY)
        assert loaded.records <= len(rows)


@FUZZ
@given(cell_values)
def test_every_cell_parser_raises_only_cell_errors(value: object) -> None:
    for model in LEDGERS.values():
        for column in model.columns().values():
            with contextlib.suppress(CellError):
                column.parse(value, 10_000, TODAY)
