"""Every request gets an id: the caller's `X-Request-Id` when it is sane, else a new one. It is
bound to every log line written while the request runs, returned in the `X-Request-Id` response
header (on websocket handshakes too) and kept in the scope for GraphQL errors' extensions."""

from __future__ import annotations

import re
import uuid
from collections.abc import Mapping
from typing import Any

import structlog
from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

HEADER = "X-Request-Id"
STATE_KEY = "request_id"
# Ids others generate (UUIDs, hex, ULIDs, `trace-123`): short, and nothing a log could misread.
SANE_REQUEST_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")


def request_id_of(scope: Mapping[str, Any]) -> str | None:
    state = scope.get("state")
    return state.get(STATE_KEY) if isinstance(state, dict) else None


def chosen_request_id(headers: Headers) -> str:
    offered = headers.get(HEADER.lower(), "")
    return offered if SANE_REQUEST_ID.fullmatch(offered) else uuid.uuid4().hex


class RequestId:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in {"http", "websocket"}:
            await self.app(scope, receive, send)
            return
        request_id = chosen_request_id(Headers(scope=scope))
        scope.setdefault("state", {})[STATE_KEY] = request_id
        # Each request runs in its own task (a copy of the server's context): binding here
        # reaches this request's lines only, uvicorn's access line included.
        structlog.contextvars.clear_contextvars()
        structlog.contextvars.bind_contextvars(request_id=request_id)

        async def send_with_id(message: Message) -> None:
            if message["type"] in {"http.response.start", "websocket.accept"}:
                message.setdefault("headers", [])
                MutableHeaders(scope=message)[HEADER] = request_id
            await send(message)

        await self.app(scope, receive, send_with_id)
