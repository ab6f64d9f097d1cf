"""One GraphQL execution and one JSON encoding per live event for identical subscriptions:
subscribers of one process that receive the same event with the same document, variables and
viewer share its result and its encoded payload, so a fan-out costs one execution and one
encoding per kind of subscriber plus a send per socket, not one of each per subscriber."""

from __future__ import annotations

import asyncio
import functools
import inspect
import json
import weakref
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from graphql import ExecutionResult, Executor, OperationDefinitionNode, OperationType
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext

from app.context import Context

C = TypeVar("C")
E = TypeVar("E")


@dataclass
class EventResults:
    """One event's results by subscription kind, and the payloads encoded from them."""

    by_kind: dict[Hashable, asyncio.Future[ExecutionResult]] = field(default_factory=dict)
    payload_ids: list[int] = field(default_factory=list)


# Each change's event, and (by the event's id: Strawberry types are unhashable) its results;
# both go with the change, which the change feed hands to every subscriber.
_events: WeakKeyDictionary[object, object] = WeakKeyDictionary()
_results: dict[int, EventResults] = {}
# Encoded `{"data": ...}` payloads by the id of their shared data. An entry goes with its
# event's results, which hold the data: an id here is never one of another object.
_payloads: dict[int, str | None] = {}


def shared_event(change: C, build: Callable[[C], E]) -> E:
    """The one event (`build(change)`) every subscription of this process sends for `change`."""
    event = _events.get(change)
    if event is None:
        event = build(change)
        _events[change] = event
        _results[id(event)] = EventResults()
        # The event lives at least as long as the change, so its id is not reused before this.
        weakref.finalize(change, _forget, id(event))
    return event  # type: ignore[return-value]


def shared_payload(data: object) -> str | None:
    """The JSON of `{"data": data}` (compact, as Strawberry encodes it), encoded once for every
    subscriber of a shared result; None when `data` is not one."""
    data_id = id(data)
    if data_id not in _payloads:
        return None
    encoded = _payloads[data_id]
    if encoded is None:
        encoded = _payloads[data_id] = json.dumps({"data": data}, separators=(",", ":"))
    return encoded


def _forget(event_id: int) -> None:
    results = _results.pop(event_id, None)
    if results is not None:
        for data_id in results.payload_ids:
            _payloads.pop(data_id, None)


class SharedEventExecution(StrawberryGraphQLCoreExecutionContext):
    """Executes a shared event's selection once per (document, variables, viewer)."""

    @functools.cached_property
    def share_key(self) -> Hashable | None:
        """What a result depends on besides the event; None: this subscription never shares."""
        if self.operation.operation is not OperationType.SUBSCRIPTION:
            return None
        document = _document_key(self.operation)
        viewer = _viewer_key(self.context_value)
        if document is None or viewer is None:
            return None
        return document, _variables_key(self.variable_values.coerced), viewer

    def build_per_event_executor(self, payload: Any) -> Any:
        key = self.share_key
        results = _results.get(id(payload)) if key is not None else None
        if results is None or key is None:
            return super().build_per_event_executor(payload)
        first = results.by_kind.get(key)
        if first is not None:
            # Another subscriber of this kind executes (or executed) it: no copy to run here.
            return ReusedResult(first, lambda: super(SharedEventExecution, self)
                                .build_per_event_executor(payload))
        executor = super().build_per_event_executor(payload)
        first = results.by_kind[key] = asyncio.ensure_future(_first(executor, results))
        return ReusedResult(first, None)


class ReusedResult:
    """Stands in for a per-event executor: the shared result, or (when it carries errors,
    which are processed per response) this subscriber's own execution; `own` is None for the
    subscriber whose execution the shared one is."""

    def __init__(self, shared: asyncio.Future[ExecutionResult],
                 own: Callable[[], Executor[Any]] | None) -> None:
        self._shared = shared
        self._own = own

    def execute_operation(self, serially: bool | None = None) -> Any:
        shared = self._shared
        if shared.done() and not shared.cancelled() and shared.exception() is None \
                and (self._own is None or not shared.result().errors):
            return shared.result()
        return self._wait_or_execute(serially)

    async def _wait_or_execute(self, serially: bool | None) -> ExecutionResult:
        result = await asyncio.shield(self._shared)
        if result.errors and self._own is not None:
            return await _resolved(self._own().execute_operation(serially))
        return result


async def _first(executor: Executor[Any], results: EventResults) -> ExecutionResult:
    result = await _resolved(executor.execute_operation(False))
    if not result.errors and id(result.data) not in _payloads:
        _payloads[id(result.data)] = None
        results.payload_ids.append(id(result.data))
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
