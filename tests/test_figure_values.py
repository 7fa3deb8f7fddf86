"""Every figure gives exactly the value it gave before figures became data computed by
DuckDB (tests/figures.expected.json, written by the pandas figures): on the bundled data,
each fixture, the messy corpus and a generated city, strict and with --skip-invalid,
with records kept as frames and with records stored batch by batch in the engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from figure_cases import GOLDEN, case_names, inputs, values


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("figure_cases")


@pytest.fixture(scope="module")
def golden() -> dict[str, object]:
    loaded: dict[str, object] = json.loads(GOLDEN.read_text(encoding="utf-8"))
    return loaded


@pytest.mark.parametrize("name", case_names())
@pytest.mark.parametrize("keep_records", [False, True], ids=["stored", "kept"])
def test_every_figure_keeps_its_value(
    name: str, keep_records: bool, scratch: Path, golden: dict[str, object]
) -> None:
    year, paths = inputs(name, scratch)
    assert json.loads(json.dumps(values(year, paths, keep_records))) == golden[name]
