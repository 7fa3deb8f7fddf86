"""`compare`: the 2022 sample data is smaller and consistent with the article's growth."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import python_calamine as calamine
from typer.testing import CliRunner

from zytalent.cli.app import app
from zytalent.compare import Change, compare

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
runner = CliRunner()


def test_growth_statements_of_the_article() -> None:
    result = compare(2022, 2023, [DATA / "2022"], [DATA / "2023"])
    assert not result.blocked
    changes = {c.figure_id: c for c in result.changes}
    for fid in ("hires.total", "training.trainees", "skills.certified", "diaspora.total"):
        assert changes[fid].after > changes[fid].before > 0, fid  # type: ignore[operator]
    # the contests: the third edition had 20 events, the fourth 24; first edition 12 → 24
    assert (
        changes["contests.events.latest"].before == 20
        and changes["contests.events.latest"].after == 24
    )
    assert changes["contests.events.first"].before == changes["contests.events.first"].after == 12
    assert changes["contests.editions"].before == 3 and changes["contests.editions"].after == 4
    assert changes["housing.flats"].before is None and changes["housing.flats"].after == 38


def test_change_arithmetic() -> None:
    assert Change("hires.total", 35, 48).percent == Decimal("37.1")
    assert Change("hires.total", 0, 5).percent is None
    assert Change("hires.total", None, 5).delta is None
    assert Change("funds.allocated", 100, 250).to_dict() == {
        "before": "1.00",
        "after": "2.50",
        "change": "1.50",
        "percent": "150.0",
    }


def test_cli_table_json_and_xlsx(tmp_path: Path) -> None:
    args = ["compare", "2022", "2023", "--data-dir", str(DATA)]
    table = runner.invoke(app, args)
    assert table.exit_code == 0 and "▲ 13 (+37.1%)" in table.stdout and "新增" in table.stdout
    data = json.loads(runner.invoke(app, [*args, "--format", "json"]).stdout)
    assert data["years"] == [2022, 2023]
    assert data["figures"]["hires.total"] == {
        "before": 35,
        "after": 48,
        "change": 13,
        "percent": "37.1",
    }
    library = compare(2022, 2023, [DATA / "2022"], [DATA / "2023"]).to_dict()
    assert data == json.loads(json.dumps(library, ensure_ascii=False))
    out = tmp_path / "c.xlsx"
    assert runner.invoke(app, [*args, "--format", "xlsx", "--output", str(out)]).exit_code == 0
    sheet = calamine.CalamineWorkbook.from_path(str(out)).get_sheet_by_name("引才").to_python()
    assert sheet[0][:5] == ["指标", "2022", "2023", "增减", "增减率"]
    assert sheet[1][1:4] == [35, 48, 13] and abs(sheet[1][4] - 0.371) < 1e-9
    assert runner.invoke(app, ["compare", "2021", "2023", "--data-dir", str(DATA)]).exit_code == 2


def test_a_rise_is_red_and_a_fall_green_in_chinese() -> None:
    from zytalent.diagnostics import i18n
    from zytalent.render.compare import rise_and_fall_colours

    with i18n.using("zh"):
        assert rise_and_fall_colours() == ("red", "green")
    with i18n.using("en"):
        assert rise_and_fall_colours() == ("green", "red")


def test_a_category_absent_in_a_year_whose_ledger_was_read_is_zero_not_new() -> None:
    """2022's funds ledger has no request, so 资金申请 is 0.00 and its part 校地合作经费 (a
    category shown only when it occurs) is 0.00 beside it, not — and 新增. A figure whose
    ledger or column that year lacks stays None: housing had no ledger in 2022."""
    result = compare(2022, 2023, [DATA / "2022"], [DATA / "2023"])
    changes = {c.figure_id: c for c in result.changes}
    assert "funds.requested.cooperation" not in result.before.values  # not shown in 2022
    parent, part = changes["funds.requested"], changes["funds.requested.cooperation"]
    assert parent.before == part.before == 0
    assert part.to_dict() == {
        "before": "0.00",
        "after": "2800000.00",
        "change": "2800000.00",
        "percent": None,
    }
    assert changes["housing.flats"].before is None
    assert changes["flexible.medical_station.teams"].before is None  # 2022 has no team column
