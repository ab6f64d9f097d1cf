"""Per-address and per-token HTTP request rates, shared by all replicas through Redis: a request
over either answers 429 RATE_LIMITED with Retry-After before any work is done.

Every request counts against its client address (behind a proxy, the address uvicorn takes from
X-Forwarded-For); one with a bearer also counts against that bearer, keyed by its hash, so a
token spread over many addresses is still one budget. Health probes are never limited.

Both windows are fixed windows counted by one Lua script, so a request costs one Redis round
trip. A request refused by its address is not counted against its token.
"""

from __future__ import annotations

import hashlib
import logging
import math
import time

from limits import RateLimitItem
from redis.asyncio import Redis
from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from app.services.rate_limits import KEY_PREFIX, OUTAGE_BACKOFF_SECONDS, rate

log = logging.getLogger(__name__)

UNLIMITED_PATHS = ("/healthz", "/readyz")

# KEYS: one counter per window. ARGV: each window's allowance then its length in seconds.
# Returns 0 when every window has room, else milliseconds until the full one starts anew.
SPEND_WINDOWS = """
for i, key in ipairs(KEYS) do
  local allowance, seconds = tonumber(ARGV[2 * i - 1]), ARGV[2 * i]
  local count = redis.call('INCR', key)
  if count == 1 then redis.call('EXPIRE', key, seconds) end
  if count > allowance then
    local left = redis.call('PTTL', key)
    if left < 0 then
      redis.call('EXPIRE', key, seconds)
      left = tonumber(seconds) * 1000
    end
    return math.max(left, 1)
  end
end
return 0
"""


def rate_limited(retry_after: int) -> JSONResponse:
    body = {"errors": [{
        "message": f"too many requests; retry in {retry_after} s",
        "extensions": {"code": "RATE_LIMITED", "retryAfter": retry_after},
    }]}
    return JSONResponse(body, status_code=429, headers={"Retry-After": str(retry_after)})


def bearer_key(authorization: str) -> str:
    return hashlib.sha256(authorization.strip().encode()).hexdigest()[:32]


def window_key(limit: RateLimitItem, name: str) -> str:
    """The counter's key; it names the limit, so a changed limit starts a fresh count."""
    return f"{KEY_PREFIX}:requests:{limit.amount}/{limit.get_expiry()}:{name}"


class RequestWindows:
    """Spends one request from several windows at once; opened lazily, so building one does
    no I/O.

    Redis failing lets requests through (and logs), and skips the checks for a few seconds:
    the limits protect the API, and refusing everything while Redis restarts would do the
    attacker's work for them.
    """

    def __init__(self, redis_url: str, timeout_seconds: float) -> None:
        redis = Redis.from_url(redis_url, socket_timeout=timeout_seconds,
                               socket_connect_timeout=timeout_seconds)
        self._spend = redis.register_script(SPEND_WINDOWS)
        self._skip_until = 0.0

    async def spend(self, windows: list[tuple[RateLimitItem, str]]) -> int | None:
        """None when every window has room, else whole seconds until the full one resets."""
        if time.monotonic() < self._skip_until:
            return None
        keys = [window_key(limit, name) for limit, name in windows]
        args = [value for limit, _ in windows for value in (limit.amount, limit.get_expiry())]
        try:
            left_ms = int(await self._spend(keys=keys, args=args))
        except Exception as error:
            self._skip_until = time.monotonic() + OUTAGE_BACKOFF_SECONDS
            log.warning("rate limits skipped for %.0f s: Redis did not answer (%s)",
                        OUTAGE_BACKOFF_SECONDS, error)
            return None
        return max(1, math.ceil(left_ms / 1000)) if left_ms else None


class RequestRateLimit:
    def __init__(self, app: ASGIApp, *, redis_url: str | None, per_ip: str, per_token: str,
                 timeout_seconds: float) -> None:
        self.app = app
        self.windows = RequestWindows(redis_url, timeout_seconds) if redis_url else None
        self.per_ip = rate(per_ip)
        self.per_token = rate(per_token)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limited = scope["type"] == "http" and not scope["path"].startswith(UNLIMITED_PATHS)
        if self.windows is None or not limited:
            await self.app(scope, receive, send)
            return
        retry_after = await self.windows.spend(self._windows_of(scope))
        if retry_after is not None:
            await rate_limited(retry_after)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    def _windows_of(self, scope: Scope) -> list[tuple[RateLimitItem, str]]:
        client = scope.get("client")
        windows = [(self.per_ip, f"ip:{client[0] if client else 'unknown'}")]
        authorization = Headers(scope=scope).get("authorization")
        if authorization:
            windows.append((self.per_token, f"token:{bearer_key(authorization)}"))
        return windows
