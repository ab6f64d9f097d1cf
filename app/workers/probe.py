"""`atelier worker --check`: the health probe of compose and Kubernetes, answered from the
heartbeat arq keeps in Redis. Kept apart from the worker's modules so that a probe, run every
few seconds, loads only arq and the settings."""

from __future__ import annotations

import asyncio
import logging
import socket

from arq.connections import RedisSettings
from arq.worker import async_check_health
from redis.exceptions import RedisError

from app.config import Settings

log = logging.getLogger(__name__)


def heartbeat_key(settings: Settings, host: str | None = None) -> str:
    """The Redis key a worker on `host` (this one by default) keeps fresh while it polls."""
    return f"{settings.queue_name}:health-check:{host or socket.gethostname()}"


def check(settings: Settings) -> int:
    """0 when a worker on this host refreshed its heartbeat lately, 1 otherwise."""
    if not settings.redis_url:
        raise SystemExit("set ATELIER_REDIS_URL")
    redis_settings = RedisSettings.from_dsn(settings.redis_url)
    redis_settings.conn_retries = 0
    redis_settings.conn_timeout = max(1, round(settings.dependency_timeout_seconds))
    try:
        return asyncio.run(async_check_health(redis_settings, heartbeat_key(settings),
                                              settings.queue_name))
    except (RedisError, OSError) as fault:
        log.warning("worker check: Redis did not answer: %s", fault)
        return 1
