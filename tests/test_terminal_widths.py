"""What a person sees at 60, 80, 120 and 200 columns: no table loses its border, no ID
number is split, no line starts with closing punctuation, no file name is cut."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.text.wrap import NO_LINE_START, cell_width, wrap

runner = CliRunner()
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DATA = Path(__file__).resolve().parent.parent / "data" / "2023"
MASKED_ID = re.compile(r"\d{6}\*{8}[\dX]{4}")
FILE_NAMES = ("县人社局_引进人才台账.xlsx", "县卫健局_引进人才.csv", "layout_month_columns.xlsx")


def screens(columns: int) -> list[str]:
    env = {"COLUMNS": str(columns)}
    commands = [
        ["validate", "corpus", "layout_month_columns.xlsx"],
        ["summarize", "2023", "corpus", "--skip-invalid"],
        ["explain", "meals.elders", "2023", str(DATA), "--limit", "4"],
        ["figures", "养老"],
        ["summarize", "--help"],
    ]
    return [runner.invoke(app, args, env=env).output for args in commands]


@pytest.mark.parametrize(
    "columns",
    [pytest.param(60, marks=pytest.mark.slow), 80, pytest.param(120, marks=pytest.mark.slow), 200],
)
def test_screens_at_every_width(columns: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(FIXTURES)  # paths as a clerk types them: short, relative
    for screen in screens(columns):
        for line in screen.splitlines():
            body = line.strip(" │┃")
            if body:
                assert body[0] not in NO_LINE_START, line  # never a line starting with 、，。
            if line.startswith(("┃", "│", "┏", "┡", "└", "┗")):
                assert line.rstrip()[-1] in "┃│┓┩┘┛", line  # the right border is there
        for found in re.findall(r"\d{6}\*[\d*X]*", screen):
            assert MASKED_ID.fullmatch(found), found  # an ID number is never split
        flat = screen.replace("\n", "")
        for name in FILE_NAMES:
            if name[:6] in flat:
                assert name in screen.replace("│", "").replace("┃", ""), name


@given(
    st.text(alphabet="中文字符、，。（）0123456789ab /._-", min_size=1, max_size=120),
    st.integers(12, 90),
)
@example(text="0000000 、、/", width=12)  # found by the explore profile: '、、/' is no path
@example(text="000000 、、.0", width=12)  # nor does '.0' hang after them
def test_wrap_keeps_every_character_and_its_rules(text: str, width: int) -> None:
    lines = wrap(text, width)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "").replace("\n", "")
    for number, line in enumerate(lines):
        # closing punctuation may overhang, as in print; nothing else goes past the width
        body = line.rstrip("".join(NO_LINE_START))
        assert cell_width(body) <= width or " " not in body.strip(), line
        if number and line:
            assert line[0] not in NO_LINE_START or not lines[number - 1], (lines, width)
