"""One exception root, and the one place where exceptions become exit codes.

Problems *in the data* are findings, not exceptions; exceptions are for a command
that cannot run at all (a missing path, an unknown kind).
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_DATA_ERRORS = 1  # errors found in the inputs
EXIT_USAGE = 2  # the command was misused
EXIT_INTERNAL = 3  # a bug in zytalent itself
EXIT_INTERRUPTED = 130


class ZytalentError(Exception):
    """Root of every error zytalent raises on purpose."""

    exit_code = EXIT_DATA_ERRORS


class UsageError(ZytalentError):
    """The command was called wrongly: a path that does not exist, an unknown kind or id."""

    exit_code = EXIT_USAGE


def exit_code_for(exc: BaseException) -> int:
    if isinstance(exc, ZytalentError):
        return exc.exit_code
    if isinstance(exc, KeyboardInterrupt):
        return EXIT_INTERRUPTED
    return EXIT_INTERNAL
