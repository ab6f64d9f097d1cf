"""OpenTelemetry tracing, off unless ATELIER_OTLP_ENDPOINT is set (and the `tracing` extra is
installed): spans for HTTP requests, sampled GraphQL resolvers, MongoDB and Redis commands, and
jobs with their stages, exported over OTLP/HTTP. The trace context rides with each job through
the queue (W3C `traceparent` in the delivery), so a job's span continues the request's trace.

Every hook here is a no-op while tracing is off, and imports OpenTelemetry only when it is on.
Root spans are kept only for requests and jobs: a worker polls Redis many times a second, and
those commands, outside any request or job, would flood the collector.
"""

from __future__ import annotations

import contextlib
import random
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from starlette.middleware import Middleware
from starlette.types import ASGIApp, Receive, Scope, Send

from app.config import Settings

if TYPE_CHECKING:
    # Imported where used: services (job metrics) call this module and never load strawberry.
    from strawberry.extensions import SchemaExtension

TRACER_NAME = "atelier"
_state = {"enabled": False}


def enabled() -> bool:
    return _state["enabled"]


def configure(settings: Settings, service_name: str) -> None:
    """Install the exporting tracer provider and the MongoDB and Redis instrumentation."""
    if not settings.otlp_endpoint:
        return
    try:
        from opentelemetry import trace
        from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
        from opentelemetry.instrumentation.pymongo import PymongoInstrumentor
        from opentelemetry.instrumentation.redis import RedisInstrumentor
        from opentelemetry.sdk.resources import Resource
        from opentelemetry.sdk.trace import TracerProvider
        from opentelemetry.sdk.trace.export import BatchSpanProcessor
        from opentelemetry.sdk.trace.sampling import (
            ALWAYS_OFF,
            ALWAYS_ON,
            ParentBased,
            Sampler,
            SamplingResult,
        )
        from opentelemetry.trace import SpanKind
    except ImportError as missing:
        raise SystemExit(f"ATELIER_OTLP_ENDPOINT is set but OpenTelemetry is missing ({missing}):"
                         " install atelier[tracing]") from missing

    class RequestsAndJobs(Sampler):
        """Root spans only for what is served (SERVER) or consumed from the queue (CONSUMER)."""

        def should_sample(self, parent_context: Any, trace_id: int, name: str,
                          kind: SpanKind | None = None, attributes: Any = None,
                          links: Any = None, trace_state: Any = None) -> SamplingResult:
            chosen = ALWAYS_ON if kind in (SpanKind.SERVER, SpanKind.CONSUMER) else ALWAYS_OFF
            return chosen.should_sample(parent_context, trace_id, name, kind, attributes,
                                        links, trace_state)

        def get_description(self) -> str:
            return "RequestsAndJobs"

    provider = TracerProvider(resource=Resource.create({"service.name": service_name}),
                              sampler=ParentBased(root=RequestsAndJobs()))
    endpoint = settings.otlp_endpoint.rstrip("/") + "/v1/traces"
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter(endpoint=endpoint)))
    trace.set_tracer_provider(provider)
    PymongoInstrumentor().instrument()
    RedisInstrumentor().instrument()
    _state["enabled"] = True


class _HttpSpans:
    """OpenTelemetry's ASGI middleware for HTTP requests only: a websocket lives for hours,
    and its operations are traced by the GraphQL extension instead."""

    def __init__(self, app: ASGIApp) -> None:
        from opentelemetry.instrumentation.asgi import OpenTelemetryMiddleware

        from app.http.request_id import request_id_of

        def tag(span: Any, scope: dict[str, Any]) -> None:
            request_id = request_id_of(scope)
            if request_id is not None and span.is_recording():
                span.set_attribute("atelier.request_id", request_id)

        self.app = app
        self.traced = OpenTelemetryMiddleware(app, exclude_spans=["receive", "send"],
                                              server_request_hook=tag)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await (self.traced if scope["type"] == "http" else self.app)(scope, receive, send)


def request_middleware(settings: Settings) -> list[Middleware]:
    return [Middleware(_HttpSpans)] if settings.otlp_endpoint else []


def resolver_tracing(settings: Settings) -> list[Callable[[], SchemaExtension]]:
    """Strawberry's span extension on a sampled share of operations: a span per resolver
    costs more than most resolvers do."""
    if not settings.otlp_endpoint:
        return []
    from strawberry.extensions import SchemaExtension
    from strawberry.extensions.tracing import OpenTelemetryExtension

    ratio = settings.otlp_resolver_sample_ratio

    def sampled() -> SchemaExtension:
        return OpenTelemetryExtension() if random.random() < ratio else SchemaExtension()

    return [sampled]


def annotate_current_span(attributes: Mapping[str, str]) -> None:
    if enabled():
        from opentelemetry import trace

        trace.get_current_span().set_attributes(dict(attributes))


def outgoing_context() -> dict[str, str]:
    """The current trace context as W3C headers, to hand to a job; empty without one."""
    if not enabled():
        return {}
    from opentelemetry import propagate

    carrier: dict[str, str] = {}
    propagate.inject(carrier)
    return carrier


@contextlib.contextmanager
def job_span(name: str, carrier: Mapping[str, str] | None, attributes: Mapping[str, str]
             ) -> Iterator[None]:
    """A span for one job run, continuing the trace that enqueued it when `carrier` has one."""
    if not enabled():
        yield
        return
    from opentelemetry import propagate, trace
    from opentelemetry.trace import SpanKind

    tracer = trace.get_tracer(TRACER_NAME)
    with tracer.start_as_current_span(name, context=propagate.extract(dict(carrier or {})),
                                      kind=SpanKind.CONSUMER, attributes=dict(attributes)):
        yield


def _nanoseconds(moment: datetime) -> int:
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return int(aware.timestamp() * 1_000_000_000)


def record_stages(stages: Sequence[tuple[str, datetime, datetime]], *, failed: bool) -> None:
    """Child spans of the current (job) span, one per stage with its real start and end."""
    if not enabled():
        return
    from opentelemetry import trace
    from opentelemetry.trace import Status, StatusCode

    current = trace.get_current_span()
    if not current.is_recording():
        return
    tracer = trace.get_tracer(TRACER_NAME)
    for stage, started_at, ended_at in stages:
        span = tracer.start_span(f"stage {stage}", start_time=_nanoseconds(started_at),
                                 attributes={"atelier.job.stage": stage})
        span.end(end_time=_nanoseconds(ended_at))
    if failed:
        current.set_status(Status(StatusCode.ERROR))
