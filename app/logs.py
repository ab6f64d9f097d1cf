"""Logging for every process (API, workers, serve): stdlib logging, so uvicorn's, arq's and our
own loggers all write through one structlog formatter — JSON lines when stderr is not a
terminal, readable lines on one — with the bound context (request id, GraphQL operation, owner,
job id and kind) on every line, and URL signatures and tokens redacted."""

from __future__ import annotations

import logging
import re
import sys
from collections.abc import MutableMapping
from typing import Any

import structlog
from structlog.types import Processor

from app.config import Settings

# Query parameters that grant access: the filesystem store's `sig`, S3's presigned parts, tokens.
SECRET_PARAMETER = re.compile(
    r"(?<![^?&;])(sig|token|access_token|x-amz-signature|x-amz-credential|x-amz-security-token)"
    r"=[^&\s\"]*", re.IGNORECASE)
BEARER = re.compile(r"\b(bearer)\s+[^\s\"',]+", re.IGNORECASE)
# Loggers that write request lines: uvicorn's access log has each request's path and query.
REDACTED_LOGGERS = ("uvicorn.access", "uvicorn.error")


def redact(text: str) -> str:
    return BEARER.sub(r"\1 [redacted]", SECRET_PARAMETER.sub(r"\1=[redacted]", text))


class RedactSecrets(logging.Filter):
    """Rewrites a record so no URL signature or token reaches a log, whatever its handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        if isinstance(record.args, tuple):
            record.args = tuple(redact(a) if isinstance(a, str) else a for a in record.args)
        return True


def redact_values(_logger: Any, _method: str, event: MutableMapping[str, Any]
                  ) -> MutableMapping[str, Any]:
    """The structlog side of RedactSecrets: every string in the line, once it is formatted."""
    for key, value in event.items():
        if isinstance(value, str):
            event[key] = redact(value)
    return event


def wants_json(log_format: str, stream: Any) -> bool:
    return log_format == "json" or (log_format == "auto" and not stream.isatty())


def configure(settings: Settings) -> None:
    """Route all logging through one stderr handler rendered by structlog."""
    shared: list[Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.stdlib.add_logger_name,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    renderer: list[Processor] = (
        [structlog.processors.format_exc_info, structlog.processors.JSONRenderer()]
        if wants_json(settings.log_format, sys.stderr) else [structlog.dev.ConsoleRenderer()])
    formatter = structlog.stdlib.ProcessorFormatter(
        foreign_pre_chain=shared,
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, redact_values,
                    *renderer],
    )
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(formatter)
    root = logging.getLogger()
    root.handlers = [handler]
    root.setLevel(settings.log_level.upper())
    # On the loggers too, not only in the formatter: should uvicorn be started with its own
    # logging configuration, it replaces handlers, never filters.
    for name in REDACTED_LOGGERS:
        logging.getLogger(name).addFilter(RedactSecrets())
    structlog.configure(
        processors=[*shared, structlog.stdlib.ProcessorFormatter.wrap_for_formatter],
        logger_factory=structlog.stdlib.LoggerFactory(),
        wrapper_class=structlog.stdlib.BoundLogger,
        cache_logger_on_first_use=True,
    )
