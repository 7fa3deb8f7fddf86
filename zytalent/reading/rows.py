"""What a row below the header is: a record, a 合计 row, a footer line or blank."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

import numpy as np
import numpy.typing as npt
import pandas as pd

from zytalent.reading.headers import normalise_header

TOTAL_LABEL = re.compile(r"^(合计|总计|小计|共计|总合计)(?:[:：]|$)")


FOOTER_LABEL = re.compile(
    r"^(填表人|填报人|制表人|审核人|负责人|单位负责人|联系人|联系电话|填表日期|填报日期|说明|注|备注)\s*[:：]"
)


class Row(Enum):
    BLANK = "blank"
    TOTAL = "total"  # 合计 / 总计 / 小计 …: its label says which
    FOOTER = "footer"  # 填表人：…, 注：…
    RECORD = "record"


@dataclass(frozen=True)
class Classified:
    """What a row is, and for a total row its label (合计, 小计 …)."""

    row: Row
    label: str = ""


def classify(cells: list[object]) -> Classified:
    texts = [normalise_header(c) if isinstance(c, str) else "" for c in cells]
    filled = [
        c for c in cells if not (c is None or c != c or (isinstance(c, str) and not c.strip()))
    ]
    if not filled:
        return Classified(Row.BLANK)
    for text in texts:
        match = TOTAL_LABEL.match(text)
        if match:
            return Classified(Row.TOTAL, match.group(1))
    first = next((t for t in texts if t), "")
    if FOOTER_LABEL.match(first) and len(filled) <= 3:
        return Classified(Row.FOOTER)
    return Classified(Row.RECORD)


def blank_mask(values: pd.Series) -> npt.NDArray[np.bool_]:
    """True where a cell is empty or white space only."""
    if values.dtype == object:
        return np.fromiter(
            (v is None or v != v or (isinstance(v, str) and not v.strip()) for v in values),
            dtype=bool,
            count=len(values),
        )
    if _arrow_text(values.dtype):
        # in place on the Arrow text (what a CSV gives): no trimmed copy of the column
        import pyarrow as pa
        import pyarrow.compute as pc

        text = pa.array(values.array, type=pa.string())  # zero-copy (chunked) view
        blank = pc.or_kleene(pc.equal(pc.binary_length(text), 0), pc.utf8_is_space(text))
        return np.asarray(blank.fill_null(True).to_numpy(zero_copy_only=False), dtype=bool)
    return np.asarray((values.str.strip() == "").fillna(True), dtype=bool)


def _arrow_text(dtype: object) -> bool:
    if isinstance(dtype, pd.ArrowDtype):
        return str(dtype.pyarrow_dtype) in ("string", "large_string")
    return isinstance(dtype, pd.StringDtype) and dtype.storage == "pyarrow"
