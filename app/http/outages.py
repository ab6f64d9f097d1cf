"""Requests that fail as a whole because the database or Redis is down (auth cannot read its
tokens, say) answer HTTP 503 with Retry-After instead of a 500; so does a websocket handshake
(through ASGI's denial response, else a close with 1013, "try again later")."""

from __future__ import annotations

import json
import logging

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.availability import RETRY_AFTER_SECONDS, as_unavailable

log = logging.getLogger(__name__)

TRY_AGAIN_LATER_CLOSE_CODE = 1013
DENIAL_EXTENSION = "websocket.http.response"


class DependencyOutages:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in {"http", "websocket"}:
            await self.app(scope, receive, send)
            return
        answered = False

        async def tracked(message: Message) -> None:
            nonlocal answered
            answered = answered or message["type"] in {
                "http.response.start", "websocket.accept", "websocket.close",
                "websocket.http.response.start"}
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception as fault:
            unavailable = as_unavailable(fault)
            if unavailable is None or answered:
                raise
            log.warning("%s %s: a backing service is down: %s", scope["type"],
                        scope.get("path"), fault)
            body = json.dumps({"errors": [{"message": unavailable.message,
                                           "extensions": {"code": unavailable.code.value}}]})
            await _refuse(scope, send, body.encode(), unavailable.message)


async def _refuse(scope: Scope, send: Send, body: bytes, reason: str) -> None:
    headers = [(b"content-type", b"application/json"),
               (b"retry-after", str(RETRY_AFTER_SECONDS).encode())]
    if scope["type"] == "websocket" and DENIAL_EXTENSION not in scope.get("extensions", {}):
        await send({"type": "websocket.close", "code": TRY_AGAIN_LATER_CLOSE_CODE,
                    "reason": reason})
        return
    prefix = "websocket.http" if scope["type"] == "websocket" else "http"
    await send({"type": f"{prefix}.response.start", "status": 503, "headers": headers})
    await send({"type": f"{prefix}.response.body", "body": body})
