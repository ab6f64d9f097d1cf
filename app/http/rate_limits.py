"""Per-address and per-token HTTP request rates, shared by all replicas through Redis: a request
over either answers 429 RATE_LIMITED with Retry-After before any work is done.

Every request counts against its client address (behind a proxy, the address uvicorn takes from
X-Forwarded-For); one with a bearer also counts against that bearer, keyed by its hash, so a
token spread over many addresses is still one budget. Health probes are never limited.
"""

from __future__ import annotations

import hashlib

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from app.services.rate_limits import RateLimiter, rate

UNLIMITED_PATHS = ("/healthz", "/readyz")


def rate_limited(retry_after: int) -> JSONResponse:
    body = {"errors": [{
        "message": f"too many requests; retry in {retry_after} s",
        "extensions": {"code": "RATE_LIMITED", "retryAfter": retry_after},
    }]}
    return JSONResponse(body, status_code=429, headers={"Retry-After": str(retry_after)})


def bearer_key(authorization: str) -> str:
    return hashlib.sha256(authorization.strip().encode()).hexdigest()[:32]


class RequestRateLimit:
    def __init__(self, app: ASGIApp, *, redis_url: str | None, per_ip: str, per_token: str,
                 timeout_seconds: float) -> None:
        self.app = app
        self.limiter = RateLimiter(redis_url, timeout_seconds) if redis_url else None
        self.per_ip = rate(per_ip)
        self.per_token = rate(per_token)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        limited = scope["type"] == "http" and not scope["path"].startswith(UNLIMITED_PATHS)
        if self.limiter is None or not limited:
            await self.app(scope, receive, send)
            return
        retry_after = await self._retry_after(self.limiter, scope)
        if retry_after is not None:
            await rate_limited(retry_after)(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _retry_after(self, limiter: RateLimiter, scope: Scope) -> int | None:
        client = scope.get("client")
        address = client[0] if client else "unknown"
        retry_after = await limiter.spend(self.per_ip, f"ip:{address}")
        authorization = Headers(scope=scope).get("authorization")
        if retry_after is None and authorization:
            retry_after = await limiter.spend(self.per_token,
                                              f"token:{bearer_key(authorization)}")
        return retry_after
