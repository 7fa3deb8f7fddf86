"""zytalent ledgers [KIND]"""

from __future__ import annotations

from typing import Annotated

import typer

from zytalent.cli.common import DebugOption, Format, FormatOption, LangOption, run


def ledgers(
    kind: Annotated[
        str | None, typer.Argument(help="One ledger kind, e.g. hires.", show_default=False)
    ] = None,
    output_format: FormatOption = Format.table,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Show the ledger contract: kinds, columns, aliases, allowed values and rules.

    Example: zytalent ledgers meals
    """

    def action() -> int:
        from zytalent.writers.contract import describe, describe_all

        data = describe(kind) if kind else describe_all()
        if output_format is Format.json:
            from zytalent.render.jsonout import dumps

            typer.echo(dumps(data))
        else:
            from zytalent.render.contract import render_kind, render_kinds
            from zytalent.render.terminal import console

            if isinstance(data, dict):
                render_kind(data, console())
            else:
                render_kinds(data, console())
        return 0

    run(action, lang=lang, debug=debug)
