"""zytalent explain FIGURE_ID YEAR [PATH...]"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from zytalent.cli.common import (
    DebugOption,
    LangOption,
    MaxUncompressedOption,
    ShowPersonalOption,
    run,
)


class ExplainFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def explain(
    figure_id: Annotated[str, typer.Argument(help="A figure id, e.g. hires.sector.education.")],
    year: Annotated[int, typer.Argument(help="The year, e.g. 2023.", min=1900, max=2100)],
    paths: Annotated[
        list[Path] | None,
        typer.Argument(help="Files or folders to read (default: data/YEAR).", show_default=False),
    ] = None,
    output_format: Annotated[
        ExplainFormat, typer.Option("--format", "-f", help="Output format.")
    ] = ExplainFormat.table,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to this file instead of the terminal."),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite --output if it exists.")
    ] = False,
    limit: Annotated[
        int, typer.Option("--limit", help="Records shown in the table (0: all).")
    ] = 100,
    skip_invalid: Annotated[
        bool, typer.Option("--skip-invalid", help="Leave invalid records out instead of refusing.")
    ] = False,
    show_personal: ShowPersonalOption = False,
    max_uncompressed_mb: MaxUncompressedOption = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """List the records that make up one figure, with file › sheet › row, and their total.

    What a statistician shows an auditor: the total printed at the end equals the figure.

    Example: zytalent explain hires.sector.education 2023 --format csv
    """

    def action() -> int:
        from zytalent.cli.paths import default_paths
        from zytalent.explain import explain as compute
        from zytalent.reading.safety import Limits

        result = compute(
            figure_id,
            year,
            default_paths(paths, year),
            skip_invalid=skip_invalid,
            show_personal=show_personal,
            limits=Limits.from_env(max_uncompressed_mb),
        )
        if output_format is ExplainFormat.json:
            from zytalent.outputs import emit
            from zytalent.render.jsonout import dumps

            emit(dumps(result.to_dict()), output, force)
            return 0 if result.available else 1
        if not result.available:
            from zytalent.render.explain import render_unavailable
            from zytalent.render.terminal import console

            render_unavailable(result, console(stderr=True))
            return 1
        if output_format is ExplainFormat.csv:
            from zytalent.outputs import emit
            from zytalent.render.explain import explanation_csv

            emit(explanation_csv(result), output, force, bom=output is not None)
            return 0
        from zytalent.render.explain import render_explanation
        from zytalent.render.terminal import console

        if output is not None:
            from zytalent.outputs import emit

            capture = console(record=True)
            render_explanation(result, capture, limit)
            emit(capture.export_text(), output, force)
        else:
            render_explanation(result, console(), limit)
        return 0

    run(action, lang=lang, debug=debug)
