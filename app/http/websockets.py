"""Websocket sessions on both subprotocols: sign-in, token rechecks, caps and the init timeout.

Close codes: 4401 no valid token at sign-in; 4403 the token was revoked or expired while the
socket was open (checked before every operation and watched between them); 4408 no
`connection_init` within ATELIER_WS_INIT_TIMEOUT_SECONDS; 4429 the token already holds
ATELIER_WS_MAX_CONNECTIONS_PER_TOKEN sockets; 1013 (Try Again Later) a dependency the sign-in
needs (Redis's socket accounting) is down. An operation past
ATELIER_WS_MAX_SUBSCRIPTIONS_PER_CONNECTION gets an error message with code RATE_LIMITED.
Operations may name a persisted query by hash, as over HTTP; a refusal is an error message.
A live event's result shared by identical subscriptions goes out as its one encoded payload
with each operation's id spliced in, in the frame Strawberry would have encoded.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from datetime import timedelta
from typing import Any, NamedTuple, Protocol, cast

from graphql import GraphQLError, GraphQLFormattedError
from starlette.websockets import WebSocketDisconnect
from strawberry.asgi import ASGIWebSocketAdapter
from strawberry.http.async_base_view import AsyncWebSocketAdapter
from strawberry.http.exceptions import WebSocketDisconnected
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_transport_ws.types import (
    ErrorMessage as TransportError,
)
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler
from strawberry.subscriptions.protocols.graphql_ws.types import ErrorMessage as LegacyError

from app.context import Context
from app.errors import AtelierError, ErrorCode, RateLimited, Unauthenticated
from app.http.persisted_queries import PersistedQueries, PersistedQueryRefused
from app.http.request_id import request_id_of
from app.resolvers.shared_events import shared_payload
from app.services.auth import Principal
from app.services.container import Services
from app.services.token_watch import WatchedSocket

UNAUTHORIZED_CLOSE_CODE = 4401
TOKEN_ENDED_CLOSE_CODE = 4403
INIT_TIMEOUT_CLOSE_CODE = 4408
TOO_MANY_CLOSE_CODE = 4429
UNAVAILABLE_CLOSE_CODE = 1013  # Try Again Later: clients retry it; graphql-ws gives up on 1011


def payload_authorization(payload: object) -> str | None:
    """The bearer value in a connection_init payload, in the shapes clients commonly send."""
    if not isinstance(payload, dict):
        return None
    headers = payload.get("headers")
    sources = [payload, headers] if isinstance(headers, dict) else [payload]
    for source in sources:
        for key in ("authorization", "Authorization"):
            value = source.get(key)
            if isinstance(value, str):
                return value
    return None


async def websocket_principal(context: Context, payload: object) -> Principal:
    """The header's principal if the handshake had one, else the connection_init payload's."""
    state = context.request.scope.get("state", {})
    if state.get("auth_error"):
        raise Unauthenticated(state["auth_error"])
    principal: Principal | None = state.get("principal")
    if principal is not None:
        return principal
    return await context.services.tokens.authenticate(payload_authorization(payload))


class PersistedQueryView(Protocol):
    def persisted_queries(self, services: Services) -> PersistedQueries: ...


class Refusal(NamedTuple):
    code: int
    reason: str


def limit_error(limit: int) -> GraphQLFormattedError:
    return GraphQLError(f"at most {limit} operations may run at once on one websocket",
                        extensions={"code": ErrorCode.RATE_LIMITED.value}).formatted


def shared_frame(message: object, data_type: str) -> str | None:
    """The frame of a `data_type` message carrying only a shared result, spliced from its
    encoded payload; None for any other message. Keys in Strawberry's order, compact."""
    if not isinstance(message, dict) or message.get("type") != data_type:
        return None
    payload = message.get("payload")
    if not isinstance(payload, dict) or len(payload) != 1 or "data" not in payload:
        return None
    encoded = shared_payload(payload["data"])
    if encoded is None:
        return None
    operation_id = json.dumps(message["id"])
    if data_type == "next":
        return f'{{"id":{operation_id},"type":"next","payload":{encoded}}}'
    return f'{{"type":"data","id":{operation_id},"payload":{encoded}}}'


async def send_text(websocket: AsyncWebSocketAdapter, frame: str) -> None:
    """Send an encoded frame as the adapter's send_json would send it."""
    try:
        await cast(ASGIWebSocketAdapter, websocket).ws.send_text(frame)
    except WebSocketDisconnect as exc:
        raise WebSocketDisconnected from exc


class SocketSession:
    """One socket's sign-in: its principal, its place in the token watch, its rechecks."""

    def __init__(self, context: Context, websocket: AsyncWebSocketAdapter) -> None:
        self.context = context
        self.websocket = websocket
        self.started = False
        self.watched: WatchedSocket | None = None
        self.operation_limit = context.services.settings.ws_max_subscriptions_per_connection

    async def sign_in(self, payload: object) -> Refusal | None:
        """Authenticate and join the watch; the close code and reason when refused."""
        self.started = True
        try:
            principal = await websocket_principal(self.context, payload)
        except Unauthenticated as error:
            return Refusal(UNAUTHORIZED_CLOSE_CODE, error.message)
        try:
            self.watched = await self.context.services.token_watch.open(
                principal, lambda: self.close(TOKEN_ENDED_CLOSE_CODE, "Token no longer valid"))
        except RateLimited as error:
            return Refusal(TOO_MANY_CLOSE_CODE, error.message)
        except AtelierError as error:
            return Refusal(UNAVAILABLE_CLOSE_CODE, error.message)
        self.context.principal = await self.context.services.projects.with_access(principal)
        return None

    async def token_still_valid(self) -> bool:
        """Asks the database before an operation; closes the socket with 4403 if not."""
        try:
            await self.context.services.tokens.ensure_valid(self.context.viewer)
            # Each operation sees the memberships as they are when it starts.
            self.context.principal = await self.context.services.projects.with_access(
                self.context.viewer)
        except Unauthenticated:
            await self.close(TOKEN_ENDED_CLOSE_CODE, "Token no longer valid")
            return False
        return True

    async def fill_persisted_query(self, view: object, payload: object
                                   ) -> GraphQLFormattedError | None:
        """Put the persisted document into the operation's payload; the error when refused."""
        if not isinstance(payload, dict):
            return None
        rules = cast(PersistedQueryView, view).persisted_queries(self.context.services)
        try:
            payload["query"] = await rules.document(
                self.context.services.redis, payload.get("query"), payload.get("extensions"))
        except PersistedQueryRefused as refused:
            return refused.formatted(request_id_of(self.context.request.scope))
        return None

    async def close(self, code: int, reason: str) -> None:
        # The peer may be gone already; there is nothing left to tell it then.
        with contextlib.suppress(RuntimeError, OSError):
            await self.websocket.close(code=code, reason=reason)

    async def release(self) -> None:
        if self.watched is not None:
            await self.context.services.token_watch.release(self.watched)


class TransportWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.session = SocketSession(self.context, self.websocket)
        self.connection_init_wait_timeout = timedelta(
            seconds=self.context.services.settings.ws_init_timeout_seconds)

    async def handle(self) -> None:
        try:
            await super().handle()
        finally:
            await self.session.release()

    async def handle_connection_init(self, message: Any) -> None:
        if not self.session.started:
            refusal = await self.session.sign_in(message.get("payload"))
            if refusal is not None:
                if self.connection_init_timeout_task is not None:
                    self.connection_init_timeout_task.cancel()
                await self.session.close(*refusal)
                return
        await super().handle_connection_init(message)

    async def handle_subscribe(self, message: Any) -> None:
        if self.connection_acknowledged:
            if not await self.session.token_still_valid():
                return
            if (message.get("id") not in self.operations
                    and len(self.operations) >= self.session.operation_limit):
                await self.send_message(TransportError(
                    id=message["id"], type="error",
                    payload=[limit_error(self.session.operation_limit)]))
                return
            refused = await self.session.fill_persisted_query(self.view, message.get("payload"))
            if refused is not None:
                await self.send_message(TransportError(id=message["id"], type="error",
                                                       payload=[refused]))
                return
        await super().handle_subscribe(message)

    async def send_message(self, message: Any) -> None:
        frame = shared_frame(message, "next")
        if frame is None:
            await super().send_message(message)
        else:
            await send_text(self.websocket, frame)


class LegacyWSHandler(BaseGraphQLWSHandler[Context, None]):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.session = SocketSession(self.context, self.websocket)

    async def handle(self) -> None:
        # The legacy protocol has no init timeout of its own.
        timeout = asyncio.create_task(self.close_without_init())
        try:
            await super().handle()
        finally:
            timeout.cancel()
            await self.session.release()

    async def close_without_init(self) -> None:
        await asyncio.sleep(self.context.services.settings.ws_init_timeout_seconds)
        if not self.session.started:
            await self.session.close(INIT_TIMEOUT_CLOSE_CODE, "Connection initialisation timeout")

    async def handle_connection_init(self, message: Any) -> None:
        if self.session.started:
            return
        refusal = await self.session.sign_in(message.get("payload"))
        if refusal is not None:
            await self.send_message({"type": "connection_error",
                                     "payload": {"message": refusal.reason}})
            await self.session.close(*refusal)
            return
        await super().handle_connection_init(message)

    async def handle_start(self, message: Any) -> None:
        if self.connection_acknowledged:
            if not await self.session.token_still_valid():
                return
            if (message.get("id") not in self.tasks
                    and len(self.tasks) >= self.session.operation_limit):
                await self.send_message(LegacyError(
                    type="error", id=message["id"],
                    payload=limit_error(self.session.operation_limit)))
                return
            refused = await self.session.fill_persisted_query(self.view, message.get("payload"))
            if refused is not None:
                await self.send_message(LegacyError(type="error", id=message["id"],
                                                    payload=refused))
                return
        await super().handle_start(message)

    async def send_message(self, message: Any) -> None:
        frame = shared_frame(message, "data")
        if frame is None:
            await super().send_message(message)
        else:
            await send_text(self.websocket, frame)
