"""Text that lost its characters on the way: a replacement character anywhere, or a
question mark in a person's name (`Column(person_name=True)`), as a lossy "ANSI" save
leaves them."""

from __future__ import annotations

from zytalent.checks.rules import Sheet, rule
from zytalent.diagnostics import findings as fnd
from zytalent.diagnostics.codes import Code
from zytalent.diagnostics.i18n import Text

# U+FFFD is what a decoder leaves for bytes it could not read; a question mark in a
# person's name is what a lossy save on a non-Chinese system leaves for a 汉字.
GARBLED_ANYWHERE = "\ufffd"
GARBLED_IN_NAMES = "?？\ufffd"


TEXT_GARBLED = Code(
    "text_garbled",
    "cell",
    "warning",
    name=Text("文字乱码", "garbled text"),
    message=Text(
        "“{value}”含有问号或乱码字符，可能是文件另存或转换编码时丢失了汉字。请对照原始记录改正。",
        "'{value}' holds question marks or replacement characters: characters were probably lost when the file was saved or converted. Correct it from the original record.",
    ),
)


def garbled_text(sheet: Sheet) -> list[fnd.Finding]:
    """One look per distinct value."""
    import numpy as np

    found: list[fnd.Finding] = []
    frame = sheet.frame
    for name, column in sheet.columns(lambda c: c.kind == "text"):
        signs = GARBLED_IN_NAMES if column.person_name else GARBLED_ANYWHERE
        text = frame[name].astype("category")  # already categorical: no copy
        garbled = np.array(
            [any(sign in str(value) for sign in signs) for value in text.cat.categories],
            dtype=bool,
        )
        if not garbled.any():
            continue
        codes = text.cat.codes.to_numpy()
        hits = np.flatnonzero((codes >= 0) & garbled[np.maximum(codes, 0)])
        letter = sheet.table.columns[name].letter
        rows = frame["_row"].to_numpy()
        first: dict[int, fnd.Finding] = {}  # one message per distinct text
        for i in hits.tolist():
            row, code = int(rows[i]), int(codes[i])
            if code not in first:
                value = str(text.cat.categories[code])
                first[code] = sheet.at_cell(name, row, TEXT_GARBLED, value=value)
            found.append(first[code].at(row, letter))
    return found


rule(garbled_text, "garbled text", TEXT_GARBLED)
