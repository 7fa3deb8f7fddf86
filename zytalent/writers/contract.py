"""The ledger contract as data, generated from the models: for `zytalent ledgers`,
`schemas/*.schema.json`, and (later) templates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from zytalent.diagnostics.i18n import Text
from zytalent.diagnostics.words import LIST_SEPARATOR
from zytalent.figures.base import UNITS
from zytalent.ledgers import LEDGERS, ledger
from zytalent.ledgers.base import KIND_NAMES, Column
from zytalent.writers.outputs import write_atomic


def rule_text(column: Column) -> str:
    parts = [str(KIND_NAMES[column.kind])]
    if column.kind == "integer" and column.minimum:
        parts.append(f"≥ {column.minimum}")
    if column.kind == "money":
        parts.append("≥ 0")
    if column.choices:
        parts.append(
            str(Text("可填：", "allowed: "))
            + "；".join(
                f"{c.label.zh}（{'、'.join(c.aliases)}）" if c.aliases else c.label.zh
                for c in column.choices
            )
        )
    if column.unique:
        parts.append(
            str(Text("一人只能出现一次", "a person appears once"))
            if column.kind == "id_number"
            else str(Text("不得重复", "unique"))
        )
    if column.counts_year:
        parts.append(str(Text("按此日期计入年度", "places the record in a year")))
    note = str(column.note)
    if note:
        parts.append(note)
    return str(LIST_SEPARATOR).join(parts)


def describe(kind: str) -> dict[str, Any]:
    model = ledger(kind)
    return {
        "kind": model.kind,
        "title": str(model.label),
        "rows": str(model.rows),
        "columns": [
            {
                "header": column.header,
                "aliases": list(column.aliases),
                "field": name,
                "type": column.kind,
                "required": column.required,
                "personal": column.personal,
                "rule": rule_text(column),
                "choices": [
                    {"code": c.code, "label": c.label.zh, "aliases": list(c.aliases)}
                    for c in column.choices
                ],
            }
            for name, column in model.columns().items()
        ],
    }


def describe_all() -> list[dict[str, Any]]:
    return [describe(kind) for kind in LEDGERS]


def json_schema(kind: str) -> dict[str, Any]:
    model = ledger(kind)
    kind = model.kind
    schema = model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"{model.label.zh} ({kind})"
    schema["description"] = (
        f"{model.label.en}: {model.rows.en}. Generated from zytalent.ledgers; do not edit."
    )
    schema["x-kind"] = kind
    return schema


def schema_text(kind: str) -> str:
    return json.dumps(json_schema(kind), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def markdown() -> str:
    """Spec-style tables of every ledger (docs/ledgers.md), generated from the models."""
    from zytalent.diagnostics import i18n

    with i18n.using("zh"):
        return _markdown()


def _markdown() -> str:
    lines = [
        "# Ledger columns",
        "",
        "Generated from `zytalent/ledgers/` by `zytalent schema`; do not edit by hand.",
        "Required columns in bold. Value aliases (in brackets) map to the canonical value.",
        "",
    ]
    for kind, model in LEDGERS.items():
        lines += [f"## `{kind}` {model.label.zh} — {model.rows.en}", ""]
        if model.cumulative:
            lines += ["Counts in every year from its date on (a pool or a stock).", ""]
        lines += ["| header | aliases | field | type, rule |", "|---|---|---|---|"]
        for name, column in model.columns().items():
            header = f"**{column.header}**" if column.required else column.header
            aliases = ", ".join(column.aliases)
            lines.append(f"| {header} | {aliases} | {name} | {rule_text(column)} |")
        lines.append("")
    return "\n".join(lines)


def findings_markdown() -> str:
    """Every finding code with its scope, short name and message (docs/findings.md)."""
    import zytalent.checks.rules  # noqa: F401  (the rules declare their codes beside them)
    from zytalent.diagnostics.codes import CODES

    lines = [
        "# Finding codes",
        "",
        "Generated from `zytalent/diagnostics/` by `zytalent schema`; do not edit by hand.",
        "The JSON report gives the code; tables and the annotated copy's 问题清单 give the",
        "short name. `{…}` in a message is filled from the finding's context. The scope says",
        "what a finding is about: a whole `file` (an error there means nothing of the file",
        "was read, and `--skip-invalid` counts the file as left out), a `sheet`, a `column`,",
        "a `row`, a `cell`, records compared `across` files, or the `output` zytalent wrote.",
        "",
        "| code | severity | scope | short name | message (zh) | message (en) |",
        "|---|---|---|---|---|---|",
    ]
    for code, declared in CODES.items():
        message, name = declared.message, declared.name
        lines.append(
            f"| `{code}` | {declared.severity} | {declared.scope} | {name.zh} / {name.en}"
            f" | {_cell(message.zh)} | {_cell(message.en)} |"
        )
    return "\n".join(lines) + "\n"


def figures_markdown() -> str:
    """Every figure id with its label, unit, ledger, section and parent (docs/figures.md)."""
    from zytalent.diagnostics import i18n
    from zytalent.figures.registry import FIGURES, SECTION_NAMES
    from zytalent.writers.charts import CHARTS

    lines = [
        "# Figure ids",
        "",
        "Generated from `zytalent/figures/` by `zytalent schema`; do not edit by hand.",
        "`zytalent figures` prints the same list; `zytalent explain ID YEAR` shows the",
        "records behind a figure. Money is in 元 in JSON (a decimal string with two places)",
        "and 万元 in tables. A figure with a parent is shown indented under it.",
        "",
    ]
    with i18n.using("zh"):
        for section, name in SECTION_NAMES.items():
            lines += [
                f"## {name.zh} — {name.en}",
                "",
                "| id | label | unit | ledger | measure | parent | chart |",
            ]
            lines.append("|---|---|---|---|---|---|---|")
            for figure in FIGURES.values():
                if figure.section != section:
                    continue
                measure = figure.measure + (f" of `{figure.field}`" if figure.field else "")
                chart = CHARTS[figure.chart].zh if figure.chart else ""
                lines.append(
                    f"| `{figure.id}` | {figure.label.zh} / {figure.label.en} | {UNITS[figure.unit].zh}"
                    f" | {figure.kind} | {measure} | {figure.parent or ''} | {chart} |"
                )
            lines.append("")
    return "\n".join(lines)


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def schema_files(directory: Path) -> dict[Path, str]:
    """Every generated contract file: the JSON Schemas and, beside them, the generated
    documents docs/ledgers.md, docs/findings.md and docs/figures.md."""
    files = {directory / f"{kind}.schema.json": schema_text(kind) for kind in LEDGERS}
    docs = directory.parent / "docs"
    files[docs / "ledgers.md"] = markdown()
    files[docs / "findings.md"] = findings_markdown()
    files[docs / "figures.md"] = figures_markdown()
    return files


def stale_schemas(directory: Path) -> list[Path]:
    """Schema files that are missing or differ from what the models generate."""
    return [
        path
        for path, text in schema_files(directory).items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]


def write_schemas(directory: Path) -> list[Path]:
    written = []
    for path, text in schema_files(directory).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            # generated files: replacing a stale one is the point, so no --force needed
            write_atomic(path, text.encode("utf-8"), force=True)
            written.append(path)
    return written
