"""zytalent summarize YEAR [PATH...]"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zytalent.cli.common import (
    DebugOption,
    Format,
    FormatOption,
    KindOption,
    LangOption,
    MaxUncompressedOption,
    ShowPersonalOption,
    run,
)


def summarize(
    year: Annotated[int, typer.Argument(help="The year to add up, e.g. 2023.", min=1900, max=2100)],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders to read (default: data/YEAR).", show_default=False),
    ] = None,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Leave invalid records out instead of refusing.")
    ] = False,
    output_format: FormatOption = Format.table,
    kind: KindOption = None,
    show_personal: ShowPersonalOption = False,
    max_uncompressed_mb: MaxUncompressedOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Compute the year's headline figures from the ledgers.

    Reads every ledger under PATH (default data/YEAR), checks it, and prints the figures
    of the annual report. Inputs with errors give no figures (exit 1) unless
    --skip-invalid.

    Example: zytalent summarize 2023 --format json
    """

    def action() -> int:
        from zytalent.cli.paths import default_paths
        from zytalent.reading.safety import Limits
        from zytalent.summary import summarize as compute

        targets = default_paths(paths, year)
        summary = compute(
            year,
            targets,
            kind=kind,
            skip_invalid=skip_invalid,
            show_personal=show_personal,
            limits=Limits.from_env(max_uncompressed_mb),
        )
        if output_format is Format.json:
            from zytalent.render.jsonout import dumps

            typer.echo(dumps(summary.to_dict()))
        else:
            from zytalent.render.summary import render_summary
            from zytalent.render.terminal import console

            render_summary(summary, console(), console(stderr=True))
        return 1 if summary.blocked else 0

    run(action, lang=lang, debug=debug)
