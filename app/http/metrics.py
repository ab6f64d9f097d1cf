"""Prometheus metrics on /metrics: this process's requests (by route, and GraphQL operation
name) and open subscriptions, plus what every worker reports through Redis: finished jobs, job
and stage durations, queue depth and webhook deliveries; and from the database, usage and how
the storage sweeps went."""

from __future__ import annotations

import time

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from prometheus_client.core import Metric
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.services import job_metrics, usage
from app.services.container import Services
from app.services.webhooks import metrics as webhook_metrics

LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30)
REQUESTS = Counter(
    "atelier_http_requests_total", "HTTP requests by route and status", ["route", "status"]
)
LATENCY = Histogram(
    "atelier_http_request_duration_seconds", "HTTP request latency by route", ["route"],
    buckets=LATENCY_BUCKETS,
)
GRAPHQL_LATENCY = Histogram(
    "atelier_graphql_request_duration_seconds",
    "GraphQL-over-HTTP request latency by operation name (`anonymous` for unnamed operations, "
    "`unknown` when none ran, `other` past the distinct-name cap)",
    ["operation"], buckets=LATENCY_BUCKETS,
)
ACTIVE_SUBSCRIPTIONS = Gauge(
    "atelier_active_subscriptions", "GraphQL subscriptions open on this API process"
)
KNOWN_ROUTES = ("/graphql", "/files", "/uploads", "/healthz", "/readyz", "/metrics")
# Where the GraphQL operation's name is left in the request scope's state ("" when unnamed).
OPERATION_STATE_KEY = "graphql_operation"
LONGEST_OPERATION_NAME = 64


def route_label(path: str) -> str:
    return next((route for route in KNOWN_ROUTES if path.startswith(route)), "other")


class OperationLabels:
    """Operation names as label values, bounded: a client choosing a new name per request
    cannot grow the metrics past `limit` series."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.seen: set[str] = set()

    def label(self, name: str | None) -> str:
        if name is None:
            return "unknown"
        if name == "":
            return "anonymous"
        if name in self.seen:
            return name
        if len(self.seen) >= self.limit or len(name) > LONGEST_OPERATION_NAME:
            return "other"
        self.seen.add(name)
        return name


class RequestMetrics:
    def __init__(self, app: ASGIApp, max_operation_names: int = 200) -> None:
        self.app = app
        self.operations = OperationLabels(max_operation_names)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        route = route_label(scope["path"])
        started = time.perf_counter()
        status = 500

        async def observed_send(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, observed_send)
        finally:
            elapsed = time.perf_counter() - started
            REQUESTS.labels(route, str(status)).inc()
            LATENCY.labels(route).observe(elapsed)
            if route == "/graphql":
                operation = scope.get("state", {}).get(OPERATION_STATE_KEY)
                GRAPHQL_LATENCY.labels(self.operations.label(operation)).observe(elapsed)


class _Snapshot:
    """A collector of metric families read once for one scrape."""

    def __init__(self, families: list[Metric]) -> None:
        self.families = families

    def collect(self) -> list[Metric]:
        return self.families


async def metrics(request: Request) -> Response:
    """This process's metrics, plus those every worker keeps in Redis."""
    services: Services = request.app.state.services
    shared = CollectorRegistry()
    shared.register(_Snapshot(await job_metrics.collect(services.redis)))
    shared.register(_Snapshot(await job_metrics.collect_queue(
        services.redis, services.settings.queue_name)))
    shared.register(_Snapshot(await webhook_metrics.collect(services.redis)))
    shared.register(_Snapshot(await usage.collect_totals(services.usage)))
    shared.register(_Snapshot(await services.storage_sweeper.metrics()))
    body = generate_latest() + generate_latest(shared)
    return Response(body, media_type=CONTENT_TYPE_LATEST)
