"""The one mapping of driver failures (a database or Redis that is down or too slow) to
ServiceUnavailable, which every layer answers the same way: a code the client can retry on."""

from __future__ import annotations

from pymongo.errors import ConnectionFailure, ExecutionTimeout
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from app.errors import ServiceUnavailable

# Seconds a client is told to wait (HTTP Retry-After) before it tries again.
RETRY_AFTER_SECONDS = 5

# ConnectionFailure covers server selection and network timeouts; ExecutionTimeout is what a
# bounded transaction raises when its time runs out.
DATABASE_FAULTS: tuple[type[Exception], ...] = (ConnectionFailure, ExecutionTimeout)
REDIS_FAULTS: tuple[type[Exception], ...] = (RedisConnectionError, RedisTimeoutError)
DEPENDENCY_FAULTS = DATABASE_FAULTS + REDIS_FAULTS


def unavailable(fault: Exception) -> ServiceUnavailable:
    """The ServiceUnavailable that one of DEPENDENCY_FAULTS means."""
    if isinstance(fault, DATABASE_FAULTS):
        return ServiceUnavailable("the database is unavailable; retry shortly")
    return ServiceUnavailable("the queue is unavailable; retry shortly")


def as_unavailable(fault: BaseException) -> ServiceUnavailable | None:
    """The ServiceUnavailable a driver failure means, or None for any other exception."""
    if isinstance(fault, ServiceUnavailable):
        return fault
    if isinstance(fault, DEPENDENCY_FAULTS):
        return unavailable(fault)
    return None
