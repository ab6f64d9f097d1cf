"""Rate limits shared by every API replica: fixed-window counters on Redis (the `limits` package).

A fixed window costs one INCRBY per check whatever the cost spent, which matters for the query
cost budget (a single operation may spend tens of thousands); a moving window would store one
entry per unit.
"""

from __future__ import annotations

import logging
import math
import time

from limits import RateLimitItem, parse
from limits.aio.storage import RedisStorage
from limits.aio.strategies import FixedWindowRateLimiter

log = logging.getLogger(__name__)

KEY_PREFIX = "atelier:limits"
# After Redis fails to answer, checks are skipped this long, so an outage costs requests one
# timeout every few seconds rather than one each.
OUTAGE_BACKOFF_SECONDS = 5.0


def rate(text: str) -> RateLimitItem:
    """A limit such as "600/minute"; ValueError names the setting's accepted shape."""
    try:
        return parse(text)
    except ValueError as error:
        raise ValueError(f"{text!r} is not a rate like '600/minute': {error}") from error


class RateLimiter:
    """Spends from named budgets; opened lazily, so building one does no I/O."""

    def __init__(self, redis_url: str, timeout_seconds: float) -> None:
        self._storage = RedisStorage(f"async+{redis_url}", implementation="redispy",
                                     key_prefix=KEY_PREFIX, socket_timeout=timeout_seconds,
                                     socket_connect_timeout=timeout_seconds)
        self._strategy = FixedWindowRateLimiter(self._storage)
        self._skip_until = 0.0

    async def spend(self, limit: RateLimitItem, key: str, cost: int = 1) -> int | None:
        """None when `cost` fits in `key`'s current window, else whole seconds until it resets.

        Redis failing lets the request through (and logs): the limits protect the API, and
        refusing everything while Redis restarts would do the attacker's work for them.
        """
        if time.monotonic() < self._skip_until:
            return None
        try:
            if await self._strategy.hit(limit, key, cost=cost):
                return None
            stats = await self._strategy.get_window_stats(limit, key)
        except Exception as error:
            self._skip_until = time.monotonic() + OUTAGE_BACKOFF_SECONDS
            log.warning("rate limits skipped for %.0f s: Redis did not answer (%s)",
                        OUTAGE_BACKOFF_SECONDS, error)
            return None
        return max(1, math.ceil(stats.reset_time - time.time()))
