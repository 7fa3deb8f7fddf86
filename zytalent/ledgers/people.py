"""What every ledger of people shares: the ID-number column and the optional phone column."""

from __future__ import annotations

from typing import Any

from zytalent.diagnostics.i18n import Text
from zytalent.ledgers.base import Column

ID_ALIASES = ("身份证号码", "公民身份号码", "身份证", "公民身份证号码", "身份证件号码")
PHONE_ALIASES = ("手机号码", "手机号", "手机", "电话", "联系方式", "电话号码")


def id_column(*, required: bool = True, unique: bool = False, **more: Any) -> Column:
    """The ID-number column of a ledger of people, under every header it is known by."""
    return Column(
        label=Text("身份证号", "ID number"),
        kind="id_number",
        aliases=ID_ALIASES,
        required=required,
        unique=unique,
        **more,
    )


def phone_column() -> Column:
    """The optional phone column of a ledger of people: checked and masked, never required."""
    return Column(
        label=Text("联系电话", "mobile number"),
        kind="phone",
        aliases=PHONE_ALIASES,
        note=Text(
            "选填；按手机号检查，输出中遮蔽",
            "optional; checked as a mobile number and masked in every output",
        ),
    )
