"""Exact money: integer fen in frames, Decimal 元 at the edges."""

from __future__ import annotations

from decimal import Decimal

FEN_PER_YUAN = 100
FEN_PER_WAN = 1_000_000


def fen_to_yuan(fen: int) -> Decimal:
    return (Decimal(fen) / FEN_PER_YUAN).quantize(Decimal("0.01"))


def format_fen(fen: int) -> str:
    """`"6010900.00"`: the JSON form of money, in 元 with two places."""
    return str(fen_to_yuan(fen))


def fen_to_wan(fen: int) -> Decimal:
    """万元 with two places, rounded half up, for tables people read."""
    from decimal import ROUND_HALF_UP

    return (Decimal(fen) / FEN_PER_WAN).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
