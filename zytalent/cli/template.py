"""zytalent template KIND..."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zytalent.cli.common import DebugOption, ForceOption, LangOption, run, year_option


def template(
    kinds: Annotated[
        list[str], typer.Argument(help="Ledger kinds, e.g. hires meals (see zytalent ledgers).")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="The .xlsx to write (default: 台账模板_KIND.xlsx here)."
        ),
    ] = None,
    year: Annotated[int | None, year_option("Put the year in the title row.")] = None,
    force: ForceOption = False,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Write an .xlsx template a department can fill in: headers, formats, drop-downs, rules.

    Example: zytalent template hires training --year 2024 --output 人才台账模板.xlsx
    """

    def action() -> int:
        from zytalent.writers.outputs import write_atomic
        from zytalent.writers.template import build_template

        target = output or Path(f"台账模板_{'_'.join(kinds)}.xlsx")
        write_atomic(target, build_template(kinds, year), force=force)
        from zytalent.cli.common import said_written

        said_written(target)
        return 0

    run(action, lang=lang, debug=debug)
