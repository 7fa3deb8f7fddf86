"""zytalent schema [--check]"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from zytalent.cli.common import DebugOption, LangOption, run


def schema(
    output_dir: Annotated[
        Path, typer.Option("--output-dir", "-o", help="Where the schema files go.")
    ] = Path("schemas"),
    check: Annotated[
        bool, typer.Option("--check", help="Write nothing; exit 1 when a schema file is stale.")
    ] = False,
    lang: LangOption = None,
    debug: DebugOption = False,
) -> None:
    """Write schemas/<kind>.schema.json (JSON Schema) generated from the ledger models.

    Example: zytalent schema --check
    """

    def action() -> int:
        from zytalent.writers.contract import stale_schemas, write_schemas

        if check:
            stale = stale_schemas(output_dir)
            for path in stale:
                typer.echo(f"stale: {path}", err=True)
            return 1 if stale else 0
        for path in write_schemas(output_dir):
            typer.echo(f"wrote {path}")
        return 0

    run(action, lang=lang, debug=debug)
