"""The GraphQL endpoint: Strawberry over Starlette; refusals answer GraphQL JSON with a code
(and the request id), unauthenticated HTTP requests execute nothing, and persisted queries are
resolved here, once, before anything executes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from cross_web import AsyncHTTPRequestAdapter, HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.types import Receive, Scope, Send
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL
from strawberry.http import GraphQLRequestData
from strawberry.http.base import BaseRequestProtocol
from strawberry.schema import BaseSchema
from strawberry.subscriptions import GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL
from strawberry.types.execution import ExecutionResult, SubscriptionExecutionResult

from app.context import Context
from app.errors import ErrorCode
from app.http.graphiql import graphiql_page
from app.http.limits import decode_request_json
from app.http.persisted_queries import PersistedQueries, PersistedQueryRefused
from app.http.request_id import request_id_of
from app.http.websockets import LegacyWSHandler, TransportWSHandler
from app.services.container import Services


def refusal(status: int, message: str, request_id: str | None = None) -> JSONResponse:
    """A request Strawberry refuses before executing, as GraphQL JSON with a code."""
    code = ErrorCode.UNAUTHENTICATED if status == 401 else ErrorCode.INVALID_INPUT
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else None
    extensions = {"code": code.value}
    if request_id is not None:
        extensions["requestId"] = request_id
    body = {"errors": [{"message": message, "extensions": extensions}]}
    return JSONResponse(body, status_code=status, headers=headers)


class AtelierGraphQL(GraphQL[Context, None]):
    graphql_transport_ws_handler_class = TransportWSHandler
    graphql_ws_handler_class = LegacyWSHandler

    def __init__(self, schema: BaseSchema, allowed_origins: Sequence[str] = (),
                 persisted_queries: PersistedQueries | None = None) -> None:
        super().__init__(
            schema,
            # Websocket handshakes from pages on other origins: only these (CORS's list).
            allowed_origins=allowed_origins,
            subscription_protocols=(GRAPHQL_TRANSPORT_WS_PROTOCOL, GRAPHQL_WS_PROTOCOL),
            multipart_uploads_enabled=True,
            # The websocket handlers enforce the cap themselves, with a RATE_LIMITED code.
            max_subscriptions_per_connection=None,
        )
        self._persisted_queries = persisted_queries

    def decode_json(self, data: str | bytes) -> object:
        # Multipart `operations`/`map` and GET `variables` are checked as JSON bodies are.
        return decode_request_json(data)

    def persisted_queries(self, services: Services) -> PersistedQueries:
        """The rules given at construction, else those of the running services' settings."""
        if self._persisted_queries is None:
            self._persisted_queries = PersistedQueries.from_settings(services.settings)
        return self._persisted_queries

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        try:
            response = await self.run(Request(scope=scope, receive=receive))
        except HTTPException as error:
            response = refusal(error.status_code, error.reason, request_id_of(scope))
        except PersistedQueryRefused as refused:
            response = JSONResponse({"errors": [refused.formatted(request_id_of(scope))]},
                                    status_code=refused.status)
        await response(scope, receive, send)

    def should_render_graphql_ide(self, request: BaseRequestProtocol) -> bool:
        # A hash-only GET (Apollo's useGETForHashedQueries) names no `query` either.
        return super().should_render_graphql_ide(request) \
            and "extensions" not in request.query_params

    async def execute_operation(
        self, request: Request, request_adapter: AsyncHTTPRequestAdapter,
        request_data: GraphQLRequestData | list[GraphQLRequestData], context: Context,
        root_value: None, sub_response: Response,
    ) -> ExecutionResult | list[ExecutionResult] | SubscriptionExecutionResult:
        # The edge lets only the GraphiQL page through without a token; should a request it
        # took for that page carry an operation anyway, nothing runs.
        if context.principal is None:
            raise HTTPException(401, "an Authorization: Bearer token is required")
        if isinstance(request_data, GraphQLRequestData):
            document = await self.persisted_queries(context.services).document(
                context.services.redis, request_data.query, request_data.extensions)
            request_data = replace(request_data, query=document)
        return await super().execute_operation(request, request_adapter, request_data,
                                               context, root_value, sub_response)

    async def render_graphql_ide(self, request: Request) -> Response:
        return await graphiql_page()

    async def get_context(
        self, request: Request | WebSocket, response: Response | WebSocket | None = None
    ) -> Context:
        services: Services = request.app.state.services
        is_websocket = isinstance(request, WebSocket)
        principal = request.scope.get("state", {}).get("principal")
        if principal is not None:  # its projects, read once for the whole request
            principal = await services.projects.with_access(principal)
        return Context(
            services=services,
            base_url=base_url(services, request),
            request=request,
            response=response,
            principal=principal,
            fresh_reads=is_websocket,
        )


def base_url(services: Services, request: Request | WebSocket) -> str:
    """Where clients reach this API: the configured public URL, else the request's own."""
    configured = services.settings.public_url
    if configured:
        return configured.rstrip("/")
    url = str(request.base_url).rstrip("/")
    return url.replace("ws://", "http://", 1).replace("wss://", "https://", 1)
