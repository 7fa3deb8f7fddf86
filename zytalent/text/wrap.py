"""Line breaking for Chinese text at a terminal, as a typesetter would do it.

rich breaks Chinese text at any character, so a line may start with 、，。） and a file
name may be cut in the middle. Here a run of letters, digits and path characters
(`data/2023/县教育局引进人才.csv` counts as one, up to its Chinese part) stays whole
where it fits, and closing punctuation stays at the end of the line before (it may
overhang the width by one character, as in print).
"""

from __future__ import annotations

import re
import unicodedata

# closing punctuation never starts a line; opening punctuation never ends one
NO_LINE_START = frozenset("、，。：；！？）》」』】〕〉”’%),.:;!?]}›")
NO_LINE_END = frozenset("（《「『【〔〈“‘([{")
# a token: a run of what reads as one word (a path, a number, a code), a space, or one
# character of anything else
_TOKEN = re.compile(r"[A-Za-z0-9_\-./\\~*@#:+=%&$]+|\s+|.", re.S)


def cell_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def file_name_tokens(text: str) -> list[str]:
    """Tokens, a path with Chinese in its name kept as one token (up to white space), a
    number kept with the character after it (12月, 60岁)."""
    tokens: list[str] = []
    for piece in re.split(r"(\s+)", text):
        if not piece:
            continue
        while piece and not piece.isspace() and _looks_like_path(piece):
            end = _path_end(piece)
            head, piece = piece[:end], piece[end:]
            # the text before a Chinese comma or colon is a path only if it looks like one
            tokens += [head] if _looks_like_path(head) else _TOKEN.findall(head)
            while piece and piece[0] in NO_LINE_START:
                tokens.append(piece[0])
                piece = piece[1:]
        tokens += _TOKEN.findall(piece)
    split: list[str] = []
    for token in tokens:  # ".0" -> ".", "0": closing punctuation may hang, a word may not
        while len(token) > 1 and token[0] in NO_LINE_START and not _looks_like_path(token):
            split.append(token[0])
            token = token[1:]
        split.append(token)
    tokens = split
    merged: list[str] = []
    for token in tokens:
        joins = len(token) == 1 and cell_width(token) == 2 and token not in NO_LINE_START
        if merged and merged[-1].isdigit() and joins and token not in NO_LINE_END:
            merged[-1] += token
            continue
        merged.append(token)
    return merged


def _looks_like_path(piece: str) -> bool:
    """A file name or path (starting as one does), kept whole even with Chinese in it."""
    if not re.match(r"[A-Za-z0-9_.~/\\\u4e00-\u9fff]", piece) or piece[0] in NO_LINE_START:
        return False
    return bool(re.search(r"[/\\]|\.(csv|xlsx?|xlsm|xlsb|ods|et|docx|html|md)\b", piece))


def _path_end(piece: str) -> int:
    """Where a path ends in a piece of text without spaces: before the first Chinese
    comma, stop or the like, or a closing bracket it did not open (`data/年份），逐一…`
    is the path data/年份 and then a sentence)."""
    depth = 0
    for position, char in enumerate(piece):
        if char in "，。；！？、：":
            return position or 1
        if char in "（(":
            depth += 1
        elif char in "）)":
            if not depth:
                return position or 1
            depth -= 1
    return len(piece)


OVERHANG = 4  # cells kept free at the end of a line for closing punctuation


def wrap(text: str, width: int) -> list[str]:
    """The lines of `text` within `width` cells: words and file names whole where they
    fit, no line starting with closing punctuation, existing line breaks kept."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines += _wrap_paragraph(paragraph, max(width - OVERHANG, 8))
    return lines


def _wrap_paragraph(text: str, width: int) -> list[str]:
    lines: list[str] = []
    line, used = "", 0
    for token in file_name_tokens(text):
        size = cell_width(token)
        if token.isspace():
            if line:  # kept as written, so every line is a piece of the text
                line, used = line + token, used + cell_width(token)
            continue
        if used + size > width and line.strip():
            if token[0] in NO_LINE_START:
                line, used = line + token, used + size  # overhang, as in print
                continue
            carried = ""
            while line and line[-1] in NO_LINE_END:  # an opening bracket goes down too
                carried, line = line[-1] + carried, line[:-1]
            lines.append(line.rstrip())
            # a file name longer than a line keeps a line of its own, whole
            line, used = carried + token, cell_width(carried) + size
            continue
        if size > width:  # longer than a whole line, at its start: cut it
            for char in token:
                fits = used + cell_width(char) <= width or char in NO_LINE_START
                if not fits and line:
                    lines.append(line.rstrip())
                    line, used = "", 0
                line, used = line + char, used + cell_width(char)
            continue
        line, used = line + token, used + size
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines
