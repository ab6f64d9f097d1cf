"""Bearer authentication at the edge: HTTP requests to /graphql without a valid token get 401."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs

from starlette.datastructures import Headers
from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from app.errors import Unauthenticated
from app.http.audit import actor_at
from app.services.auth import TokenService


def unauthorized(message: str) -> JSONResponse:
    body = {"errors": [{"message": message, "extensions": {"code": "UNAUTHENTICATED"}}]}
    return JSONResponse(body, status_code=401, headers={"WWW-Authenticate": "Bearer"})


def wants_graphiql(scope: Scope, headers: Headers) -> bool:
    """A browser asking for the GraphiQL page: a GET that accepts HTML and names no `query`.

    The query string is decoded the way Starlette (and so Strawberry) decodes it, percent
    escapes included, so `?%71uery=...` counts as a query and must authenticate.
    """
    if scope.get("method") != "GET" or "text/html" not in headers.get("accept", ""):
        return False
    query_string = scope.get("query_string", b"").decode("latin-1")
    return "query" not in parse_qs(query_string, keep_blank_values=True)


class BearerAuth:
    """Puts the caller's Principal in `scope["state"]["principal"]` (None when unknown).

    HTTP requests must authenticate (except the GraphiQL page itself); websockets may also
    authenticate later, in their `connection_init` payload.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in {"http", "websocket"}:
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        state: dict[str, Any] = scope.setdefault("state", {})
        state["principal"] = None
        state["auth_error"] = None
        if scope["type"] == "http" and wants_graphiql(scope, headers):
            await self.app(scope, receive, send)
            return
        authorization = headers.get("authorization")
        if scope["type"] == "websocket" and authorization is None:
            await self.app(scope, receive, send)
            return
        try:
            tokens: TokenService = scope["app"].state.services.tokens
            state["principal"] = await tokens.authenticate(authorization)
            await scope["app"].state.services.audit.note_use(actor_at(scope, state["principal"]))
        except Unauthenticated as error:
            if scope["type"] == "http":
                await unauthorized(error.message)(scope, receive, send)
                return
            state["auth_error"] = error.message
        await self.app(scope, receive, send)
