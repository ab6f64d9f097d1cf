"""User mistakes on the command line: one exception, which `atelier` prints as one line."""

from __future__ import annotations

import sys

EXIT_USAGE = 2


class UsageError(Exception):
    """Something the user asked for cannot be done as asked (a busy port, a file where a folder
    should be, an unknown scope, a server that does not answer); the message says what."""


def report_usage_error(error: Exception) -> int:
    """Print `error` as the command's one line on stderr; the exit code for it."""
    print(f"atelier: error: {error}", file=sys.stderr, flush=True)
    return EXIT_USAGE
