"""The export formats of `summarize`, `summarize --by` and `explain`, one module each in
this package: a module here named after its format, defining `FORMAT = ExportFormat(...)`,
is a format. The commands offer it under `--format` (after `table` and `json`, in its
declared `position`) without importing it, so `--help` stays quick: the position is read
from the module's declaration, and the module is imported when it writes."""

from __future__ import annotations

import ast
import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from zytalent.explain import Explanation
    from zytalent.grouped import Grouped
    from zytalent.summary import Summary

Written = str | bytes  # text formats give str, binary ones (xlsx) bytes


@dataclass(frozen=True, kw_only=True)
class ExportFormat:
    """One export format: its name on the command line, where it comes in the list, and
    its three writers."""

    name: str
    position: int  # where it comes in the list of --format (a literal number)
    summary: Callable[[Summary], Written]
    explanation: Callable[[Explanation], Written]
    grouped: Callable[[Grouped], Written]
    # a byte-order mark so that Excel opens UTF-8 text as UTF-8 (CSV)
    bom: bool = False


# Formats that are not files written by a module here: the terminal, and JSON from
# each result's own `to_dict()`.
BUILT_IN = ("table", "json")


def format_names() -> list[str]:
    """Every `--format` of summarize and explain, in the order `--help` lists them."""
    found = [(_declared_position(m), m.name) for m in pkgutil.iter_modules(__path__)]
    return [*BUILT_IN, *(name for _, name in sorted(found))]


def _declared_position(module: pkgutil.ModuleInfo) -> int:
    """The `position=` of a format module's `FORMAT = ExportFormat(...)`, read from its
    source: importing every writer (pandas, openpyxl) would make `--help` take a second."""
    path = Path(getattr(module.module_finder, "path", "")) / f"{module.name}.py"
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if (
            isinstance(node, ast.Assign)
            and any(getattr(target, "id", None) == "FORMAT" for target in node.targets)
            and isinstance(node.value, ast.Call)
        ):
            for keyword in node.value.keywords:
                if keyword.arg == "position":
                    return int(ast.literal_eval(keyword.value))
    raise RuntimeError(f"{path} must declare FORMAT = ExportFormat(position=<a number>, …)")


@cache
def format_of(name: str) -> ExportFormat:
    declared = getattr(importlib.import_module(f"{__name__}.{name}"), "FORMAT", None)
    if not isinstance(declared, ExportFormat) or declared.name != name:
        raise RuntimeError(
            f"writers/formats/{name}.py must declare FORMAT = ExportFormat(name={name!r}, …)"
        )
    return declared


def export(result: Summary | Explanation | Grouped, name: str) -> Written:
    """A result in an export format: json from `to_dict()`, else the format's writer."""
    if name == "json":
        from zytalent.render.jsonout import dumps

        return dumps(result.to_dict())
    from zytalent.explain import Explanation
    from zytalent.grouped import Grouped

    chosen = format_of(name)
    writer: Callable[[Any], Written] = chosen.summary
    if isinstance(result, Explanation):
        writer = chosen.explanation
    elif isinstance(result, Grouped):
        writer = chosen.grouped
    return writer(result)


def wants_bom(name: str) -> bool:
    """Whether the file gets a byte-order mark (CSV, so that Excel reads UTF-8)."""
    return name not in BUILT_IN and format_of(name).bom
