"""One GraphQL execution per live event for identical subscriptions: subscribers of one process
that receive the same event with the same document, variables and viewer share its result, so
a fan-out costs one execution per kind of subscriber plus the sends, not one per subscriber."""

from __future__ import annotations

import asyncio
import functools
import inspect
import json
import weakref
from collections.abc import Callable, Hashable
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from graphql import ExecutionResult, OperationDefinitionNode, OperationType
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from app.context import Context

C = TypeVar("C")
E = TypeVar("E")
Results = dict[Hashable, "asyncio.Future[ExecutionResult]"]

# Each change's event, and (by the event's id: Strawberry types are unhashable) its results by
# subscription kind; both go with the change, which the change feed hands to every subscriber.
_events: WeakKeyDictionary[object, object] = WeakKeyDictionary()
_results: dict[int, Results] = {}


def shared_event(change: C, build: Callable[[C], E]) -> E:
    """The one event (`build(change)`) every subscription of this process sends for `change`."""
    event = _events.get(change)
    if event is None:
        event = build(change)
        _events[change] = event
        _results[id(event)] = {}
        # The event lives at least as long as the change, so its id is not reused before this.
        weakref.finalize(change, _results.pop, id(event), None)
    return event  # type: ignore[return-value]


class SharedEventExecution(StrawberryGraphQLCoreExecutionContext):
    """Executes a shared event's selection once per (document, variables, viewer)."""

    @functools.cached_property
    def share_key(self) -> Hashable | None:
        """What a result depends on besides the event; None: this subscription never shares."""
        document = _document_key(self.operation)
        viewer = _viewer_key(self.context_value)
        if document is None or viewer is None:
            return None
        return document, _variables_key(self.variable_values.coerced), viewer

    def build_per_event_executor(self, payload: Any) -> Any:
        # Worked out once per subscription: each event's executor is a copy of this one.
        _ = self.share_key
        return super().build_per_event_executor(payload)

    def execute_operation(self, serially: bool | None = None) -> Any:
        results = self._shared_results()
        key = self.share_key
        if results is None or key is None:
            return super().execute_operation(serially)
        first = results.get(key)
        if first is None:
            first = results[key] = asyncio.ensure_future(
                _resolved(super().execute_operation(serially)))
        return self._reuse(first, lambda: super(SharedEventExecution, self).execute_operation(
            serially))

    def _shared_results(self) -> Results | None:
        if self.operation.operation is not OperationType.SUBSCRIPTION:
            return None
        return _results.get(id(self.root_value))

    @staticmethod
    async def _reuse(first: asyncio.Future[ExecutionResult], own: Callable[[], Any]
                     ) -> ExecutionResult:
        result = await asyncio.shield(first)
        if result.errors:
            # Errors are processed per response (codes, masking): this one gets its own.
            return await _resolved(own())
        return result


async def _resolved(value: Any) -> ExecutionResult:
    result = await value if inspect.isawaitable(value) else value
    assert isinstance(result, ExecutionResult)  # a subscription event never streams further
    return result


def _document_key(operation: OperationDefinitionNode) -> Hashable | None:
    """The operation's source text and name; None (never shared) when parsed without it."""
    if operation.loc is None:
        return None
    return operation.loc.source.body, operation.name.value if operation.name else None


def _variables_key(variables: dict[str, Any]) -> str:
    return json.dumps(variables, sort_keys=True, default=str)


def _viewer_key(context: object) -> Hashable | None:
    """Who the results are for (what every field's permission and URL depends on); None
    (never shared) for a context of unknown shape."""
    if not isinstance(context, Context) or context.principal is None:
        return None
    principal = context.principal
    return principal.owner, principal.scopes, context.base_url
