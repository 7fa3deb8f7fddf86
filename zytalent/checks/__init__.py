"""Checks: whole columns at once, pydantic to explain the rows that fail."""
