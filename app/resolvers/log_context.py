"""Each GraphQL operation's log context: its name and owner on every log line it writes, its name
for the latency metrics and the current span, open subscriptions counted, and the request id in
the `extensions` of every error it answers."""

from __future__ import annotations

from collections.abc import Iterator

import structlog
from graphql import GraphQLError
from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType

from app import tracing
from app.context import Context
from app.http.metrics import ACTIVE_SUBSCRIPTIONS, OPERATION_STATE_KEY
from app.http.request_id import request_id_of


class LogContext(SchemaExtension):
    def __init__(self) -> None:
        self.subscribed = False

    def on_operation(self) -> Iterator[None]:
        # This hook spans a subscription's whole life; on_execute only its start.
        context = self.execution_context.context
        if isinstance(context, Context) and context.principal is not None:
            structlog.contextvars.bind_contextvars(owner=context.principal.owner)
        try:
            yield
        finally:
            if self.subscribed:
                ACTIVE_SUBSCRIPTIONS.dec()
        errors: list[GraphQLError] | None = getattr(self.execution_context.result, "errors", None)
        if isinstance(context, Context) and errors:
            request_id = request_id_of(context.request.scope)
            for error in errors:
                _add_request_id(error, request_id)

    def on_execute(self) -> Iterator[None]:
        # Only now is the document parsed, so an unnamed request's operation is known.
        name = self.execution_context.operation_name
        structlog.contextvars.bind_contextvars(operation=name)
        tracing.annotate_current_span({"graphql.operation.name": name or ""})
        context = self.execution_context.context
        if isinstance(context, Context):
            context.request.scope.setdefault("state", {})[OPERATION_STATE_KEY] = name or ""
        if self.execution_context.operation_type is OperationType.SUBSCRIPTION:
            self.subscribed = True
            ACTIVE_SUBSCRIPTIONS.inc()
        yield


def _add_request_id(error: GraphQLError, request_id: str | None) -> None:
    if request_id is not None:
        error.extensions = {**(error.extensions or {}), "requestId": request_id}
