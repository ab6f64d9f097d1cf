"""The GraphQL endpoint: Strawberry over Starlette, with websocket auth that closes with 4401."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import Response
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.schema import BaseSchema
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL
from strawberry.subscriptions.protocols.graphql_transport_ws.handlers import (
    BaseGraphQLTransportWSHandler,
)
from strawberry.subscriptions.protocols.graphql_ws.handlers import BaseGraphQLWSHandler

from app.context import Context
from app.errors import Unauthenticated
from app.http.graphiql import graphiql_page
from app.resolvers.loaders import Loaders
from app.services.auth import Principal
from app.services.container import Services

UNAUTHORIZED_CLOSE_CODE = 4401


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
    if state.get("principal") is not None:
        return state["principal"]
    return await context.services.tokens.authenticate(payload_authorization(payload))


class TransportWSHandler(BaseGraphQLTransportWSHandler[Context, None]):
    async def handle_connection_init(self, message: Any) -> None:
        try:
            self.context.principal = await websocket_principal(self.context, message.get("payload"))
        except Unauthenticated:
            await self.websocket.close(code=UNAUTHORIZED_CLOSE_CODE, reason="Unauthorized")
            return
        await super().handle_connection_init(message)


class LegacyWSHandler(BaseGraphQLWSHandler[Context, None]):
    async def handle_connection_init(self, message: Any) -> None:
        try:
            self.context.principal = await websocket_principal(self.context, message.get("payload"))
        except Unauthenticated as error:
            await self.send_message(
                {"type": "connection_error", "payload": {"message": error.message}}
            )
            await self.websocket.close(code=UNAUTHORIZED_CLOSE_CODE, reason="Unauthorized")
            return
        await super().handle_connection_init(message)


class AtelierGraphQL(GraphQL[Context, None]):
    graphql_transport_ws_handler_class = TransportWSHandler
    graphql_ws_handler_class = LegacyWSHandler

    def __init__(self, schema: BaseSchema, allowed_origins: Sequence[str] = ()) -> None:
        super().__init__(
            schema,
            allowed_origins=allowed_origins,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL),
            multipart_uploads_enabled=True,
        )

    async def render_graphql_ide(self, request: Request) -> Response:
        return await graphiql_page()

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None = None
    ) -> Context:
        services: Services = request.app.state.services
        is_websocket = isinstance(request, WebSocket)
        return Context(
            services=services,
            base_url=base_url(services, request),
            request=request,
            response=response,
            principal=request.scope.get("state", {}).get("principal"),
            loaders=Loaders(cache=not is_websocket),
        )



def base_url(services: Services, request: Request | WebSocket) -> str:
    """Where clients reach this API: the configured public URL, else the request's own."""
    configured = services.settings.public_url
    if configured:
        return configured.rstrip("/")
    url = str(request.base_url).rstrip("/")
    return url.replace("ws://", "http://", 1).replace("wss://", "https://", 1)
