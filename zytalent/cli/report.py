"""zytalent report YEAR [PATH...]"""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from zytalent.cli.common import (
    DebugOption,
    ForceOption,
    GroupOption,
    LangOption,
    PathsArgument,
    RecordsOption,
    SkipInvalidOption,
    YearArgument,
    reads_files,
    run,
)

if TYPE_CHECKING:
    from zytalent.reading.safety import Limits


class ReportFormat(StrEnum):
    md = "md"
    html = "html"
    docx = "docx"


@reads_files
def report(
    year: YearArgument,
    paths: PathsArgument = None,
    output_format: Annotated[
        ReportFormat, typer.Option("--format", "-f", help="md (default), html or docx.")
    ] = ReportFormat.md,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write the Markdown to this file.")
    ] = None,
    force: ForceOption = False,
    skip_invalid: SkipInvalidOption = False,
    group: GroupOption = None,
    records: RecordsOption = None,
    limits: Limits | None = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Write the data paragraphs of the annual report (Markdown), every number computed.

    A figure with no data is left out rather than printed as zero. --lang en writes English.
    --format html writes one self-contained page with the figure tables and a chart for
    every breakdown (inline SVG, prints on A4); --format docx a Word document (needs --output).

    Example: zytalent report 2023 --format html --output 2023年报告.html
    """

    def action() -> int:
        from zytalent.cli.common import require_output

        require_output(output_format, output)
        from zytalent.cli.common import deliver
        from zytalent.cli.paths import default_paths, group_paths
        from zytalent.report import report as compose

        result = compose(
            year,
            group_paths(default_paths(paths, year, records), group),
            skip_invalid=skip_invalid,
            records=records,
            limits=limits,
        )
        if result.summary.blocked:
            from zytalent.render.summary import render_summary
            from zytalent.render.terminal import console

            render_summary(result.summary, console(stderr=True), console(stderr=True))
            return 1
        if output_format is ReportFormat.md and output is None:
            from zytalent.render.report import render_report
            from zytalent.render.terminal import console

            render_report(result, console())  # read on the screen; Markdown is for files
        elif output_format is ReportFormat.md:
            deliver(result.markdown(), output, force)
        elif output_format is ReportFormat.html:
            from zytalent.writers.documents import report_html

            deliver(report_html(result), output, force)
        else:
            from zytalent.writers.documents import report_docx

            deliver(report_docx(result), output, force)
        if result.summary.refused or result.summary.harmless:
            # the report leaves a refused figure out: say which, so no gap goes unnoticed
            from zytalent.render.summary import render_refusals
            from zytalent.render.terminal import console

            render_refusals(result.summary, console(stderr=True))
        return 0 if result.summary.complete else 1

    run(action, lang=lang, debug=debug)
