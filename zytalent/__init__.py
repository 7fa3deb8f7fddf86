"""zytalent: read, check and add up county ledgers (台账)."""

__version__ = "0.1.0"
