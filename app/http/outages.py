"""Requests that fail as a whole because the database or Redis is down (auth cannot read its
tokens, say) answer HTTP 503 with Retry-After instead of a 500; websockets close with 1013."""

from __future__ import annotations

import logging

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.availability import RETRY_AFTER_SECONDS, as_unavailable

log = logging.getLogger(__name__)

TRY_AGAIN_LATER_CLOSE_CODE = 1013


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
            answered = answered or message["type"] in {"http.response.start", "websocket.accept",
                                                       "websocket.close"}
            await send(message)

        try:
            await self.app(scope, receive, tracked)
        except Exception as fault:
            unavailable = as_unavailable(fault)
            if unavailable is None or answered:
                raise
            log.warning("%s %s: a backing service is down: %s", scope["type"],
                        scope.get("path"), fault)
            if scope["type"] == "websocket":
                await send({"type": "websocket.close", "code": TRY_AGAIN_LATER_CLOSE_CODE,
                            "reason": unavailable.message})
                return
            body = {"errors": [{"message": unavailable.message,
                                "extensions": {"code": unavailable.code.value}}]}
            response = JSONResponse(body, status_code=503,
                                    headers={"Retry-After": str(RETRY_AFTER_SECONDS)})
            await response(scope, receive, send)
