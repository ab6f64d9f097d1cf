"""Cross-origin access: browsers on `ATELIER_CORS_ORIGINS` may call the API (preflight answered
for /graphql, upload PUT URLs and file routes). The same list lets websockets in from pages on
those origins (Strawberry's `allowed_origins`; other cross-origin handshakes answer 403).

Tokens travel in the Authorization header, never in cookies, so credentials stay off: a page
on another origin can only act with a token its user gave it.
"""

from __future__ import annotations

from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware

ALLOWED_HEADERS = ["Authorization", "Content-Type", "Idempotency-Key", "X-Request-Id",
                   "Apollo-Require-Preflight"]
EXPOSED_HEADERS = ["Retry-After", "X-Request-Id"]
PREFLIGHT_CACHE_SECONDS = 600


def cors_middleware(origins: list[str]) -> Middleware:
    return Middleware(
        CORSMiddleware,
        allow_origins=origins,
        allow_methods=["GET", "POST", "PUT", "HEAD", "OPTIONS"],
        allow_headers=ALLOWED_HEADERS,
        expose_headers=EXPOSED_HEADERS,
        allow_credentials=False,
        max_age=PREFLIGHT_CACHE_SECONDS,
    )
