"""Exact money: integer fen in frames, Decimal 元 at the edges."""

from __future__ import annotations

from decimal import Decimal

from zytalent.diagnostics.i18n import Text

FEN_PER_YUAN = 100
FEN_PER_WAN = 1_000_000


def fen_to_yuan(fen: int) -> Decimal:
    return (Decimal(fen) / FEN_PER_YUAN).quantize(Decimal("0.01"))


def format_fen(fen: int) -> str:
    """`"6010900.00"`: the JSON form of money, in 元 with two places."""
    return str(fen_to_yuan(fen))


def format_in_unit(fen: int, factor: int) -> str:
    """Money as the cell wrote it: in 元 (`"6010900.00"`), or in the header's unit with
    that unit named (`"832.09 万元"`), exactly, never fewer than two places."""
    if factor == 1:
        return format_fen(fen)
    from zytalent.cells.informal import MONEY_UNITS

    unit = next((name for name, value in MONEY_UNITS.items() if value == factor), "")
    value = Decimal(fen) / Decimal(100 * factor)
    places = max(2, -value.normalize().as_tuple().exponent)  # type: ignore[operator]
    return f"{value:.{places}f} {unit}"


def fen_to_wan(fen: int) -> Decimal:
    """万元 with two places, rounded half up, for tables people read."""
    from decimal import ROUND_HALF_UP

    return (Decimal(fen) / FEN_PER_WAN).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def wan_exact(fen: int) -> Decimal:
    """万元 exactly, for a workbook cell: its number format shows two places, its value
    keeps every fen."""
    return Decimal(fen) / FEN_PER_WAN


WAN = Text("万元", "10k yuan")


def shown(value: int, unit: str) -> str:
    """A figure as people read it: money in 万元 with two decimals, counts with
    thousands separators. The one place figures are formatted for tables and charts."""
    return f"{fen_to_wan(value):,.2f}" if unit == "yuan" else f"{value:,}"
