"""One escape for every place a file, sheet or cell text reaches a person. A file name, a
sheet name and a cell may come from anyone: none of them may colour a terminal, forge a
line, turn text around (U+202E), run script in a Markdown viewer, or stop a workbook
from being written.

- `visible`: control characters, bidi controls and line breaks shown as what they are
  (`\\x1b`, `\\u202e`, `⏎`), for the terminal and CSV;
- `terminal`: `visible`, as rich text that no `[markup]` in it can style;
- `markdown`: `visible`, with HTML and Markdown metacharacters escaped;
- `xlsx_text`: what openpyxl refuses in a cell (control characters) shown visibly;
- `sheet_title`: a worksheet title Excel accepts (no `[ ] ? * : / \\`, 31 characters).
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

BREAKS = "\r\n\u2028\u2029\x85"
# the bidi controls that reorder what follows them
BIDI = frozenset({*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F, 0x061C})
_MARKDOWN = re.compile(r"([\\`*_\[\]|~])")
_SHEET_UNSAFE = re.compile(r"[\[\]?*:/\\]")


def _shown(char: str, keep_breaks: bool) -> str:
    if char in BREAKS:
        return char if keep_breaks else "⏎"
    code = ord(char)
    if char == "\t":
        return " "
    if code in BIDI or unicodedata.category(char) in ("Cc", "Cf"):
        return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    return char


def visible(text: object, *, keep_breaks: bool = False) -> str:
    """The text with every control, bidi and format character written out."""
    text = "" if text is None else str(text)
    if text.isprintable() and not any(c in BREAKS for c in text):
        return text
    return "".join(_shown(c, keep_breaks) for c in text)


def terminal(text: object) -> Any:
    """Text for a rich table or line: shown visibly, and never read as markup."""
    from rich.text import Text

    return Text(visible(text))


def markdown(text: object) -> str:
    """Text for Markdown (a table cell or a line): HTML and Markdown metacharacters
    escaped, so a viewer that renders inline HTML runs nothing."""
    shown = visible(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN.sub(r"\\\1", shown)


def xlsx_text(text: str) -> str:
    """A cell text openpyxl accepts: the control characters it refuses shown visibly."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    if not ILLEGAL_CHARACTERS_RE.search(text):
        return text
    return ILLEGAL_CHARACTERS_RE.sub(lambda m: visible(m.group()), text)


def sheet_title(name: str, taken: set[str] | None = None) -> str:
    """A worksheet title Excel accepts, unique among `taken` (case-insensitively)."""
    title = _SHEET_UNSAFE.sub("_", xlsx_text(visible(name))).strip("'") or "Sheet"
    title = title[:31]
    used = {t.lower() for t in taken or set()}
    number = 2
    candidate = title
    while candidate.lower() in used:
        suffix = f" ({number})"
        candidate = title[: 31 - len(suffix)] + suffix
        number += 1
    return candidate
