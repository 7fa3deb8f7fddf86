"""zytalent figures [KIND|SECTION]"""

from __future__ import annotations

from typing import Annotated

import typer

from zytalent.cli.common import DebugOption, Format, FormatOption, LangOption, run


def figures(
    selector: Annotated[
        str | None,
        typer.Argument(
            help="A ledger kind (meals, 养老助餐) or a report section (elderly, 养老).",
            show_default=False,
        ),
    ] = None,
    output_format: FormatOption = Format.table,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """List every figure id with its label, unit and ledger, for `explain` and `--ids`.

    Example: zytalent figures 养老助餐
    """

    def action() -> int:
        from zytalent.figures.registry import listing

        rows = listing(selector)
        if output_format is Format.json:
            from zytalent.render.jsonout import dumps

            typer.echo(dumps(rows))
        else:
            from zytalent.render.figures import render_figures
            from zytalent.render.terminal import console

            render_figures(rows, console())
        return 0

    run(action, lang=lang, debug=debug)
