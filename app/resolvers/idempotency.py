"""Idempotency keys at the GraphQL edge: a creating mutation's `idempotencyKey` argument, or
the request's `Idempotency-Key` header (for a request with a single mutation)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Annotated, Any, TypeVar

import strawberry
from starlette.requests import Request

from app.context import Context
from app.services.idempotency import Replay

T = TypeVar("T")
HEADER = "idempotency-key"
IdempotencyKey = Annotated[str | None, strawberry.argument(description=(
    "A key of your choosing: a retry with the same key returns what the first request "
    "created (CONFLICT if the request differs). The Idempotency-Key header does the same."))]


async def once(info: strawberry.Info[Context, None], key: str | None, request: dict[str, Any],
               create: Callable[[], Awaitable[T]], replay: Replay[T]) -> T:
    """Run `create` once per key for the viewer; `request` names the operation and its input."""
    context = info.context
    if key is None and isinstance(context.request, Request):
        key = context.request.headers.get(HEADER)
    return await context.services.idempotency.once(context.viewer.owner, key, request, create,
                                                   replay)
