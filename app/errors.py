"""Domain errors: each expected failure carries a stable `ErrorCode` the API reports as data."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from enum import StrEnum


class ErrorCode(StrEnum):
    # Request-level failures, returned in mutation payloads.
    INVALID_INPUT = "INVALID_INPUT"
    NOT_FOUND = "NOT_FOUND"
    FORBIDDEN = "FORBIDDEN"
    UNAUTHENTICATED = "UNAUTHENTICATED"
    CONFLICT = "CONFLICT"
    INVALID_STATE = "INVALID_STATE"
    TOO_LARGE = "TOO_LARGE"
    LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
    UNSUPPORTED_FORMAT = "UNSUPPORTED_FORMAT"
    UNSUPPORTED_OPTION = "UNSUPPORTED_OPTION"
    RATE_LIMITED = "RATE_LIMITED"
    QUOTA_EXCEEDED = "QUOTA_EXCEEDED"
    QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
    SERVICE_UNAVAILABLE = "SERVICE_UNAVAILABLE"
    LAST_OWNER = "LAST_OWNER"
    # File-level failures, recorded on assets and jobs.
    EMPTY_FILE = "EMPTY_FILE"
    CORRUPT_FILE = "CORRUPT_FILE"
    INVALID_GLTF = "INVALID_GLTF"
    UNSAFE_REFERENCE = "UNSAFE_REFERENCE"
    MISSING_RESOURCE = "MISSING_RESOURCE"
    ARCHIVE_REJECTED = "ARCHIVE_REJECTED"
    NO_GEOMETRY = "NO_GEOMETRY"
    TIMEOUT = "TIMEOUT"
    RESOURCE_EXHAUSTED = "RESOURCE_EXHAUSTED"
    CANCELLED = "CANCELLED"
    RENDER_FAILED = "RENDER_FAILED"
    CONVERSION_FAILED = "CONVERSION_FAILED"
    INTERNAL = "INTERNAL"


class AtelierError(Exception):
    """An expected failure with a code; `message` is safe to show to the client.

    `field` is the snake_case path of the value at fault, relative to the arguments of the
    function that raised it (a service's input, say: `["operations", "3", "set_transform",
    "node_id"]`); `app.resolvers.errors` alone turns it into a GraphQL path. `[]` blames the
    whole input, None no part of it.
    """

    code: ErrorCode = ErrorCode.INTERNAL

    def __init__(
        self,
        message: str,
        *,
        code: ErrorCode | None = None,
        field: list[str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        if code is not None:
            self.code = code
        self.field = field

    def __reduce__(self) -> tuple[object, ...]:
        # Errors cross process boundaries (geometry runs in child processes): keep them picklable.
        return (_rebuild, (type(self), self.message, self.code, self.field))


def _rebuild(
    cls: type[AtelierError], message: str, code: ErrorCode, field: list[str] | None
) -> AtelierError:
    return cls(message, code=code, field=field)


@contextlib.contextmanager
def errors_under(*path: str, renamed: Mapping[str, str] | None = None) -> Iterator[None]:
    """Errors raised inside point at `path`, then at their own field (each segment renamed
    through `renamed`): how a caller places a callee's paths within its own input."""
    try:
        yield
    except AtelierError as error:
        if error.field is not None or path:
            own = [(renamed or {}).get(part, part) for part in error.field or []]
            error.field = [*path, *own]
        raise


class InvalidInput(AtelierError):
    code = ErrorCode.INVALID_INPUT


class NotFound(AtelierError):
    code = ErrorCode.NOT_FOUND


class Forbidden(AtelierError):
    code = ErrorCode.FORBIDDEN


class Unauthenticated(AtelierError):
    code = ErrorCode.UNAUTHENTICATED


class Conflict(AtelierError):
    code = ErrorCode.CONFLICT


class InvalidState(AtelierError):
    code = ErrorCode.INVALID_STATE


class TooLarge(AtelierError):
    code = ErrorCode.TOO_LARGE


class LimitExceeded(AtelierError):
    code = ErrorCode.LIMIT_EXCEEDED


class UnsupportedFormat(AtelierError):
    code = ErrorCode.UNSUPPORTED_FORMAT


class UnsupportedOption(AtelierError):
    code = ErrorCode.UNSUPPORTED_OPTION


class RateLimited(AtelierError):
    code = ErrorCode.RATE_LIMITED


class QuotaExceeded(AtelierError):
    code = ErrorCode.QUOTA_EXCEEDED


class QueryTooComplex(AtelierError):
    code = ErrorCode.QUERY_TOO_COMPLEX


class ServiceUnavailable(AtelierError):
    code = ErrorCode.SERVICE_UNAVAILABLE


class CorruptFile(AtelierError):
    code = ErrorCode.CORRUPT_FILE


class EmptyFile(AtelierError):
    code = ErrorCode.EMPTY_FILE


class UnsafeReference(AtelierError):
    code = ErrorCode.UNSAFE_REFERENCE


class JobTimeout(AtelierError):
    code = ErrorCode.TIMEOUT
