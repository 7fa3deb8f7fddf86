"""JSON output: exactly the library's result, UTF-8, no colour."""

from __future__ import annotations

import json
from typing import Any

# Indented JSON goes through Python's slow encoder; past this many list items the output
# is compact (the C encoder), which matters for 50,000 findings and nobody reads by eye.
PRETTY_LIMIT = 2_000


def dumps(data: Any) -> str:
    indent = 2 if _items(data) <= PRETTY_LIMIT else None
    return json.dumps(data, ensure_ascii=False, indent=indent, default=str)


def _items(data: Any) -> int:
    if isinstance(data, dict):
        return sum(_items(v) for v in data.values())
    if isinstance(data, list):
        return len(data) + sum(_items(v) for v in data[:1])
    return 0
