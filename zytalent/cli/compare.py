"""zytalent compare YEAR YEAR"""

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
    OutputOption,
    RecordsOption,
    SkipInvalidOption,
    deliver,
    reads_files,
    run,
    year_argument,
)

if TYPE_CHECKING:
    from zytalent.compare import Comparison
    from zytalent.reading.safety import Limits


class CompareFormat(StrEnum):
    table = "table"
    json = "json"
    xlsx = "xlsx"


@reads_files
def compare(
    before: Annotated[int, year_argument("The earlier year, e.g. 2022.")],
    after: Annotated[int, year_argument("The later year, e.g. 2023.")],
    data_dir: Annotated[Path, typer.Option("--data-dir", help="Holds one folder per year.")] = Path(
        "data"
    ),
    output_format: Annotated[
        CompareFormat, typer.Option("--format", "-f", help="Output format.")
    ] = CompareFormat.table,
    output: OutputOption = None,
    force: ForceOption = False,
    skip_invalid: SkipInvalidOption = False,
    group: GroupOption = None,
    records: RecordsOption = None,
    limits: Limits | None = None,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Show two years' figures side by side with the change and the percentage change.

    Reads DATA_DIR/BEFORE and DATA_DIR/AFTER. A figure whose ledger is missing in one year
    shows "—" there.

    Example: zytalent compare 2022 2023 --format xlsx --output 2022-2023对比.xlsx
    """

    def action() -> int:
        from zytalent.cli.paths import group_paths
        from zytalent.compare import compare as compute
        from zytalent.diagnostics.errors import UsageError
        from zytalent.diagnostics.i18n import Text

        if records:
            result = compute(before, after, [], [], skip_invalid=skip_invalid, records=records)
            return _show(result)
        folders = (
            group_paths([data_dir / str(before)], group),
            group_paths([data_dir / str(after)], group),
        )
        for (folder,) in folders:
            if not folder.is_dir():
                raise UsageError(
                    str(Text("没有 {folder} 文件夹", "no folder {folder}").format(folder=folder))
                )
        result = compute(
            before,
            after,
            *folders,
            skip_invalid=skip_invalid,
            limits=limits,
        )
        return _show(result)

    def _show(result: Comparison) -> int:
        if result.blocked and output_format is not CompareFormat.json:
            from zytalent.render.summary import render_summary
            from zytalent.render.terminal import console

            for summary in (result.before, result.after):
                if not summary.complete:
                    render_summary(summary, console(stderr=True), console(stderr=True))
            return 1
        if output_format is CompareFormat.json:
            from zytalent.render.jsonout import dumps

            deliver(dumps(result.to_dict()), output, force)
        elif output_format is CompareFormat.xlsx:
            from zytalent.writers.comparison import comparison_xlsx

            deliver(comparison_xlsx(result), output, force)
        else:
            from zytalent.render.compare import render_comparison
            from zytalent.render.terminal import console

            render_comparison(result, console())
        return 1 if result.blocked else 0

    run(action, lang=lang, debug=debug)
