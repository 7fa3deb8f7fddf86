"""Diagnostics: findings and their codes, messages in two languages, the exception
root and its exit codes."""
