"""Column metadata and the ledger model base: the single source of truth per ledger.

A ledger is a pydantic model whose fields are annotated with a `Column`. The column
knows its canonical Chinese header, aliases, cell type, allowed values and rules; the
reader, the column checks, the pydantic explanation of failing rows, `zytalent ledgers`
and `schemas/*.schema.json` are all derived from it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    GetCoreSchemaHandler,
    GetJsonSchemaHandler,
    ValidationInfo,
    model_validator,
)
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import PydanticCustomError, core_schema

from zytalent.cells import informal, values
from zytalent.cells.values import CellError, plain_name
from zytalent.diagnostics.codes import DATE_IN_FUTURE, END_BEFORE_START, VALUE_NOT_ALLOWED
from zytalent.diagnostics.i18n import Text

CellKind = Literal["text", "date", "integer", "money", "choice", "id_number", "uscc", "phone"]
PERSONAL_KINDS: frozenset[str] = frozenset({"id_number", "phone"})

KIND_NAMES: dict[str, Text] = {
    "text": Text("文本", "text"),
    "date": Text("日期或月份", "date or month"),
    "integer": Text("整数", "whole number"),
    "money": Text("金额（元，表头可注明万元）", "money (元; the header may say 万元)"),
    "choice": Text("限定值", "one of the allowed values"),
    "id_number": Text("身份证号（18 位，校验位）", "ID number (18 characters, check character)"),
    "uscc": Text(
        "统一社会信用代码（18 位，校验位）",
        "unified social credit code (18, check character)",
    ),
    "phone": Text("手机号（11 位）", "mobile number (11 digits)"),
}


@dataclass(frozen=True)
class Choice:
    """An allowed value: a stable code, its label (the Chinese is the canonical value) and
    the other ways people write it: `aliases` (read as they are), `informal` (read with a
    note saying so: `M` for 男) and `ambiguous` (read with a warning: a bare `研究生`
    is counted as 硕士, but may be a doctorate)."""

    code: str | int
    label: Text
    aliases: tuple[str, ...] = ()
    informal: tuple[str, ...] = ()
    ambiguous: tuple[str, ...] = ()


NO_NOTE = Text("", "")


@dataclass(frozen=True, kw_only=True)
class Column:
    """One column of a ledger, declared on its model's field: the single source of truth
    for reading (header and aliases), checking (cell kind, rules), the contract
    (`zytalent ledgers`, docs/ledgers.md, schemas/) and templates.

    `label` names the column in both languages; its Chinese is the canonical header
    (`header`), which with `aliases` is what reading matches. `note` is a rule in words
    for people filling the ledger in."""

    label: Text
    kind: CellKind
    aliases: tuple[str, ...] = ()
    required: bool = False
    unique: bool = False
    minimum: int = 0
    choices: tuple[Choice, ...] = ()
    counts_year: bool = False
    not_before: str | None = None  # another date field this one may not precede
    min_age: tuple[str, int] | None = None  # (date field, age): warn when younger on that date
    note: Text = NO_NOTE
    person_name: bool = False  # a person's name: a question mark in it means lost characters
    name: str = field(default="", compare=False)  # the field name, set by LedgerRecord

    @property
    def header(self) -> str:
        """The canonical Chinese header, as a template writes it."""
        return self.label.zh

    @property
    def personal(self) -> bool:
        return self.kind in PERSONAL_KINDS

    @cached_property
    def choice_index(self) -> dict[str, str | int]:
        index: dict[str, str | int] = {}
        for choice in self.choices:
            for text in (str(choice.code), choice.label.zh, choice.label.en, *choice.aliases):
                index[plain_name(text)] = choice.code
        return index

    @cached_property
    def choice_notes(self) -> dict[str, tuple[str | int, informal.Severity]]:
        """Spellings read with a note (informal) or a warning (ambiguous)."""
        index: dict[str, tuple[str | int, informal.Severity]] = {}
        for choice in self.choices:
            for text in choice.informal:
                index[plain_name(text)] = (choice.code, "info")
            for text in choice.ambiguous:
                index[plain_name(text)] = (choice.code, "warning")
        return index

    def _choice_label(self, code: str | int) -> str:
        return next(c.label.zh for c in self.choices if c.code == code)

    def allowed_text(self) -> str:
        return "、".join(c.label.zh for c in self.choices)

    def parse(
        self,
        raw: object,
        factor: int = 1,
        today: dt.date | None = None,
        notes: informal.Notes | None = None,
    ) -> Any:
        """Parse one cell; raise CellError. `factor` is the money unit from the header;
        what was read informally is added to `notes`."""
        required = self.required
        match self.kind:
            case "text":
                return values.parse_text(raw, required)
            case "date":
                day = values.parse_date(raw, required, notes)
                if self.counts_year and day is not None and today is not None and day > today:
                    # the date that puts a record in a year cannot be ahead of today
                    raise CellError(DATE_IN_FUTURE, value=values.display(raw))
                return day
            case "integer":
                return values.parse_integer(raw, required, self.minimum, notes)
            case "money":
                return values.parse_fen(raw, required, factor, notes)
            case "id_number":
                return values.parse_id_number(raw, required, today, notes)
            case "uscc":
                return values.parse_uscc(raw, required, notes)
            case "phone":
                return values.parse_phone(raw, required, notes)
            case "choice":
                return self._parse_choice(raw, notes)
        raise AssertionError(self.kind)  # pragma: no cover

    def _parse_choice(self, raw: object, notes: informal.Notes | None = None) -> str | int | None:
        if isinstance(raw, str) and informal.is_placeholder(raw) and not self.required:
            informal.note(notes, "info", informal.PLACEHOLDER, f"“{raw.strip()}”")
            return None
        text = values.parse_text(raw, self.required)
        if text is None:
            return None
        code = self.choice_index.get(plain_name(text))
        if code is not None:
            return code
        for candidate in (text, *informal.choice_candidates(values.normalise(text))):
            key = plain_name(candidate)
            noted = self.choice_notes.get(key)
            severity: informal.Severity = "info"
            if noted:
                code, severity = noted
            else:
                code = self.choice_index.get(key)
            if code is None:
                continue
            read = self._choice_label(code)
            how = informal.CHOICE_AMBIGUOUS if severity == "warning" else informal.CHOICE_READ
            informal.note(notes, severity, how.format(raw=text, read=read), None)
            return code
        raise CellError(VALUE_NOT_ALLOWED, value=text, allowed=self.allowed_text())

    # pydantic integration: the column is the field's validator and documents its schema
    def __get_pydantic_core_schema__(
        self, source: Any, handler: GetCoreSchemaHandler
    ) -> core_schema.CoreSchema:
        return core_schema.with_info_before_validator_function(self._validate, handler(source))

    def _validate(self, raw: object, info: ValidationInfo) -> Any:
        context = info.context or {}
        factor = context.get("factors", {}).get(info.field_name, 1)
        try:
            return self.parse(raw, factor, context.get("today"))
        except CellError as exc:
            raise PydanticCustomError(exc.code.code, exc.code.code, exc.ctx) from None

    def __get_pydantic_json_schema__(
        self, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler
    ) -> JsonSchemaValue:
        result = handler(schema)
        result["title"] = self.header
        result["description"] = self.label.en
        result["x-header"] = self.header
        result["x-aliases"] = list(self.aliases)
        result["x-cell"] = self.kind
        result["x-required"] = self.required
        if self.personal:
            result["x-personal"] = True
        if self.unique:
            result["x-unique"] = True
        if self.counts_year:
            result["x-counts-towards-year"] = True
        if self.kind == "integer" and self.minimum:
            result["minimum"] = self.minimum
        if self.kind == "money":
            result["x-unit"] = "fen"
        if self.choices:
            result["x-choices"] = [
                {"code": c.code, "zh": c.label.zh, "en": c.label.en, "aliases": list(c.aliases)}
                for c in self.choices
            ]
        return result


class LedgerRecord(BaseModel):
    """One record of a ledger. Subclasses set the ClassVars and annotate fields with Column."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    kind: ClassVar[str]
    # Ledgers come in this order in every list and output (the annual report's order).
    position: ClassVar[int]
    label: ClassVar[Text]  # 养老助餐台账 / Elderly meal service
    rows: ClassVar[Text]  # what one row holds
    names_zh: ClassVar[tuple[str, ...]] = ()  # what people call it: 养老助餐, 助餐
    # A pool or a stock (people in a talent pool, centres built) counts in every year from
    # its date on; other ledgers count in the year of their date only.
    cumulative: ClassVar[bool] = False
    # The field that bare month columns (1月 … 12月, one row per elder) hold, if any.
    month_value: ClassVar[str | None] = None
    # A count that a sheet without its column holds as one per row (one row per meal).
    one_per_row: ClassVar[str | None] = None

    @classmethod
    def columns(cls) -> dict[str, Column]:
        cached = cls.__dict__.get("_columns_cache")
        if cached is None:
            cached = {}
            for name, info in cls.model_fields.items():
                column = next(m for m in info.metadata if isinstance(m, Column))
                object.__setattr__(column, "name", name)
                cached[name] = column
            setattr(cls, "_columns_cache", cached)  # noqa: B010 - ClassVar set once per class
        return dict(cached)

    @classmethod
    def year_field(cls) -> str:
        return next(name for name, c in cls.columns().items() if c.counts_year)

    @model_validator(mode="after")
    def _dates_in_order(self) -> LedgerRecord:
        for name, column in self.columns().items():
            later, earlier = (
                getattr(self, name),
                (getattr(self, column.not_before) if column.not_before else None),
            )
            if later is not None and earlier is not None and later < earlier:
                code = END_BEFORE_START.code  # pydantic's error type: the code's string
                raise PydanticCustomError(code, code, {"field": name, "start": str(earlier)})
        return self
