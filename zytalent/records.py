"""`records`: the validated records of one ledger that count towards a year, one row each,
typed, with their provenance, for other engines (DuckDB, Spark, pandas).

Personal data is protected by default: ID numbers and phones are masked; with a key they
are replaced by a keyed hash (HMAC-SHA256), so distinct counts and joins still work in
another engine, across runs and files, without revealing anyone. The key comes from
ZYTALENT_KEY or a key file; another key gives other pseudonyms.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from zytalent.cells.masking import mask_value
from zytalent.diagnostics.errors import UsageError
from zytalent.diagnostics.i18n import Text
from zytalent.ledgers import LEDGERS, ledger
from zytalent.load import Progress
from zytalent.reading.safety import Limits
from zytalent.summary import Summary, counted, summarize

Personal = Literal["mask", "pseudonymize", "show"]
KEY_ENV = "ZYTALENT_KEY"
PSEUDONYM_CHARS = 32  # hex characters of the HMAC kept: 128 bits, no collisions in practice


@dataclass
class Records:
    kind: str
    summary: Summary
    frame: pd.DataFrame  # typed columns, provenance first

    @property
    def blocked(self) -> bool:
        return self.summary.has_errors


def key_from(key_file: Path | None) -> bytes | None:
    """The pseudonymisation key: the key file's bytes, else ZYTALENT_KEY, else None."""
    if key_file is not None:
        data = key_file.read_bytes().strip()
        if not data:
            raise UsageError(
                str(
                    Text(
                        "密钥文件 {key_file} 是空的。", "The key file {key_file} is empty."
                    ).format(key_file=key_file)
                )
            )
        return data
    text = os.environ.get(KEY_ENV, "").strip()
    return text.encode("utf-8") if text else None


def pseudonym(value: str, key: bytes) -> str:
    """The same value and key give the same pseudonym everywhere; without the key it
    cannot be turned back or checked against a guessed number."""
    return hmac.new(key, value.encode("utf-8"), hashlib.sha256).hexdigest()[:PSEUDONYM_CHARS]


def records(
    kind: str,
    year: int,
    paths: Iterable[str | Path],
    *,
    personal: Personal = "mask",
    key: bytes | None = None,
    skip_invalid: bool = False,
    today: dt.date | None = None,
    limits: Limits | None = None,
    progress: Progress | None = None,
) -> Records:
    model = ledger(kind)
    if personal == "pseudonymize" and not key:
        raise UsageError(
            str(
                Text(
                    "--pseudonymize 需要密钥：设置环境变量 {KEY_ENV}，或用 --key-file 指定密钥文件。",
                    "--pseudonymize needs a key: set {KEY_ENV} or give --key-file.",
                ).format(KEY_ENV=KEY_ENV)
            )
        )
    summary = summarize(
        year,
        paths,
        kind=None,
        skip_invalid=skip_invalid,
        show_personal=personal == "show",
        today=today,
        limits=limits,
        progress=progress,
        keep_records=True,
    )
    if summary.has_errors or model.kind not in summary.loaded.frames:
        return Records(model.kind, summary, pd.DataFrame())
    chosen = counted(summary.loaded, model.kind)
    return Records(model.kind, summary, typed_frame(model.kind, chosen, personal, key))


def typed_frame(
    kind: str, frame: pd.DataFrame, personal: Personal, key: bytes | None
) -> pd.DataFrame:
    """The ledger's fields as other engines want them: dates as dates, money as exact
    decimals in 元, choices as their code and their Chinese label, personal columns
    masked or pseudonymised; provenance (file, sheet, row) first."""
    sheet = frame["_sheet"].astype(object)
    out = pd.DataFrame(
        {
            "file": frame["_file"].astype(str).to_numpy(),
            "sheet": sheet.where(sheet.notna(), None).to_numpy(),
            "row": frame["_row"].astype("int64").to_numpy(),
        }
    )
    for name, column in LEDGERS[kind].columns().items():
        values = frame[name]
        if column.kind == "date":
            out[name] = per_distinct(values, lambda v: pd.Timestamp(v).date())
        elif column.kind == "money":
            out[name] = per_distinct(values, lambda v: Decimal(int(v)) / 100)
        elif column.kind == "integer":
            out[name] = values.astype("Int64").to_numpy()
        elif column.choices:
            labels = {c.code: c.label.zh for c in column.choices}
            out[name] = per_distinct(values, str)
            out[f"{name}_label"] = per_distinct(values, labels.get)
        elif column.personal:
            out[name] = _personal(values, column.kind, personal, key)
        else:
            out[name] = per_distinct(values, str)
    return out


def per_distinct(values: pd.Series, convert: Callable[[Any], object]) -> np.ndarray:
    """Each distinct value converted once and mapped back (a meal ledger repeats its
    months and amounts a million times); missing values become None."""
    codes, distinct = pd.factorize(values, use_na_sentinel=True)
    done = np.array([*(convert(v) for v in distinct), None], dtype=object)
    return done[np.where(codes < 0, len(distinct), codes)]


def _personal(values: pd.Series, kind: str, personal: Personal, key: bytes | None) -> np.ndarray:
    """Each distinct value handled once (a meal ledger repeats an elder's number)."""
    if personal == "show":
        return per_distinct(values, str)
    if personal == "pseudonymize":
        assert key is not None
        return per_distinct(values, lambda v: pseudonym(str(v), key))
    return per_distinct(values, lambda v: mask_value(str(v), kind))


def _arrow_column(values: pd.Series, kind: Any) -> Any:
    """A column as Arrow: Python objects (dates, decimals, text) converted once per
    distinct value and taken by position."""
    import pyarrow as pa

    if values.dtype != object:
        return pa.array(values, type=kind, from_pandas=True)
    codes, distinct = pd.factorize(values, use_na_sentinel=True)
    dictionary = pa.array(list(distinct), type=kind)
    return dictionary.take(pa.array(codes, mask=codes < 0))


def _cell(value: object) -> object:
    """pandas' missing values as empty cells."""
    if value is None:
        return None
    try:
        return None if pd.isna(value) else value  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return value


def write_records(result: Records, fmt: str) -> bytes:
    """The records as Parquet (typed: date32, decimal128(18, 2), int64, string), CSV (UTF-8
    with BOM, for Excel) or xlsx."""
    import io

    frame = result.frame
    if fmt == "parquet":
        import pyarrow as pa
        import pyarrow.parquet as pq

        fields = []
        for name in frame.columns:
            column = LEDGERS[result.kind].columns().get(name)
            if column is not None and column.kind == "date":
                fields.append(pa.field(name, pa.date32()))
            elif column is not None and column.kind == "money":
                fields.append(pa.field(name, pa.decimal128(18, 2)))
            elif name == "row" or (column is not None and column.kind == "integer"):
                fields.append(pa.field(name, pa.int64()))
            else:
                fields.append(pa.field(name, pa.string()))
        columns = [_arrow_column(frame[f.name], f.type) for f in fields]
        table = pa.Table.from_arrays(columns, schema=pa.schema(fields))
        out = io.BytesIO()
        pq.write_table(table, out)
        return out.getvalue()
    if fmt == "csv":
        from zytalent.writers.outputs import neutralise

        text = frame.map(lambda v: neutralise(v) if isinstance(v, str) else v).to_csv(index=False)
        return ("\ufeff" + text).encode("utf-8")
    if fmt == "xlsx":
        from openpyxl import Workbook

        from zytalent.writers.outputs import neutralise
        from zytalent.writers.printing import prepare_for_print

        book = Workbook()
        sheet = book.active
        assert sheet is not None
        sheet.title = result.kind
        sheet.append(list(frame.columns))
        for row in frame.itertuples(index=False, name=None):
            sheet.append([neutralise(v) if isinstance(v, str) else _cell(v) for v in row])
        sheet.freeze_panes = "A2"
        prepare_for_print(book)
        out = io.BytesIO()
        book.save(out)
        return out.getvalue()
    raise UsageError(str(Text("不支持的格式：{fmt}", "unknown format: {fmt}").format(fmt=fmt)))
