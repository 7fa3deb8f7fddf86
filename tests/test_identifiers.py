from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from helpers import TODAY, make_id, make_uscc
from hypothesis import given
from hypothesis import strategies as st

from zytalent.cells.identifiers import (
    USCC_ALPHABET,
    id_problem,
    id_valid_mask,
    mask_id,
    mask_phone,
    phone_problem,
    uscc_problem,
)
from zytalent.diagnostics.codes import Code

births = st.dates(min_value=dt.date(1900, 1, 1), max_value=TODAY)
regions = st.sampled_from(["142332", "141129", "110101", "141102"])


@given(births, st.integers(0, 999), regions)
def test_valid_id_numbers_pass(born: dt.date, seq: int, region: str) -> None:
    number = make_id(born, seq, region)
    assert id_problem(number, TODAY) is None
    assert id_valid_mask(np.array([number]), TODAY).tolist() == [True]


@given(births, st.integers(0, 999), st.integers(0, 17), st.sampled_from("0123456789X"))
def test_any_single_changed_character_fails(
    born: dt.date, seq: int, position: int, char: str
) -> None:
    number = make_id(born, seq)
    changed = number[:position] + char + number[position + 1 :]
    if changed == number:
        return
    assert id_problem(changed, TODAY) is not None
    assert id_valid_mask(np.array([changed]), TODAY).tolist() == [False]


@given(st.text(alphabet="0123456789X", min_size=0, max_size=20))
def test_vectorised_id_check_agrees_with_scalar(text: str) -> None:
    assert id_valid_mask(np.array([text], dtype="<U18"), TODAY).tolist() == [
        len(text) <= 18 and id_problem(text, TODAY) is None
    ]


def test_pre_2003_zhongyang_region_code_is_accepted() -> None:
    # Issued as 142332 before the 2003 change; strict libraries reject it.
    assert id_problem(make_id(dt.date(2005, 1, 1), 1, "142332"), TODAY) is None


def test_id_problem_codes() -> None:
    assert named(id_problem("12345", TODAY)) == ("id_format", {})
    future = make_id(dt.date(2030, 1, 1))
    assert named(id_problem(future, TODAY)) == ("id_birth_date", {"birth": "20300101"})
    number = make_id()
    wrong = number[:17] + ("0" if number[17] != "0" else "1")
    assert named(id_problem(wrong, TODAY)) == ("id_checksum", {"expected": number[17]})
    assert id_problem("142332" + "19900231" + "1234", TODAY)[0].code == "id_birth_date"  # type: ignore[index]


# GB 32100: registration authority, organisation type, six region digits, nine characters
USCC_BODIES = st.builds(
    lambda a, b, region, rest: a + b + region + rest,
    st.sampled_from("123456789ANY"),
    st.sampled_from(USCC_ALPHABET),
    st.text(alphabet="0123456789", min_size=6, max_size=6),
    st.text(alphabet=USCC_ALPHABET, min_size=9, max_size=9),
)


@given(USCC_BODIES)
def test_valid_credit_codes_pass(body: str) -> None:
    assert uscc_problem(make_uscc(body)) is None


@given(
    USCC_BODIES,
    st.integers(0, 17),
    st.sampled_from(USCC_ALPHABET),
)
def test_credit_code_single_change_fails(body: str, position: int, char: str) -> None:
    code = make_uscc(body)
    changed = code[:position] + char + code[position + 1 :]
    if changed != code:
        assert uscc_problem(changed) is not None


def test_village_collective_credit_code_is_valid() -> None:
    # python-stdnum's cn.uscc rejects these; GB 32100-2015 allows them.
    assert uscc_problem("N2141129MF0000001D") is None
    assert named(uscc_problem("N2141129MF0000001E")) == ("uscc_checksum", {"expected": "D"})
    assert named(uscc_problem("N2141129MF000000IO")) == ("uscc_format", {})


def test_phone_numbers() -> None:
    assert phone_problem("13812345678") is None
    assert named(phone_problem("12812345678")) == ("phone_format", {})
    assert named(phone_problem("1381234567")) == ("phone_format", {})


def test_masks_keep_what_finds_a_row() -> None:
    assert mask_id("14112920000101123X") == "141129********123X"
    assert mask_phone("13812345678") == "138****5678"


@given(
    st.lists(
        st.one_of(
            st.builds(make_id, births, st.integers(0, 999), regions),
            st.builds(lambda n: n[:17] + ("0" if n[17] != "0" else "1"), st.builds(make_id)),
            st.builds(lambda n: n.lower(), st.builds(make_id)),
            st.builds(lambda n: f" {n[:6]} {n[6:]}", st.builds(make_id)),
            st.text(max_size=20),
            st.none(),
        ),
        max_size=12,
    )
)
def test_id_columns_read_as_arrow_or_as_objects_agree(cells: list[str | None]) -> None:
    import pandas as pd
    import pyarrow as pa

    from zytalent.checks.columns import parse_column
    from zytalent.ledgers import LEDGERS

    column = LEDGERS["hires"].columns()["id_number"]
    arrow = pd.Series(pd.arrays.ArrowExtensionArray(pa.array(cells, type=pa.string())))
    plain = pd.Series(cells, dtype=object)
    fast, exact = (parse_column(column, s, 1, TODAY) for s in (arrow, plain))
    assert fast.bad.tolist() == exact.bad.tolist()
    assert fast.values.astype(object).tolist() == exact.values.astype(object).tolist()


def test_plain_id_numbers_from_a_csv_take_the_arrow_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A guard on the fast path (CSV columns are Arrow text): pandas returns the distinct
    values as an Index, which once made the check fall back to Python strings unseen."""
    import pandas as pd
    import pyarrow as pa

    from zytalent.checks import columns
    from zytalent.ledgers import LEDGERS

    answers: list[object] = []
    arrow_check = columns._valid_ids_arrow

    def spy(*args: object) -> object:
        answers.append(arrow_check(*args))  # type: ignore[arg-type]
        return answers[-1]

    monkeypatch.setattr(columns, "_valid_ids_arrow", spy)
    good = make_id(seq=1)
    bad = good[:17] + ("1" if good[17] != "1" else "2")  # a wrong check character
    cells = pd.Series(pd.arrays.ArrowExtensionArray(pa.array([good, bad, good])))
    parsed = columns.parse_column(LEDGERS["hires"].columns()["id_number"], cells, 1, TODAY)
    assert answers == [[good, None, None]]
    assert parsed.bad.tolist() == [False, True, False]


def named(problem: tuple[Code, dict[str, str]] | None) -> tuple[str, dict[str, str]] | None:
    """A problem with its code by name, for comparing."""
    return None if problem is None else (problem[0].code, problem[1])
