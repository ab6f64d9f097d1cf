"""Prometheus metrics: request counts and latencies per route, served as text on /metrics."""

from __future__ import annotations

import time

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
)
from prometheus_client.core import Metric
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.services import job_metrics
from app.services.webhooks import metrics as webhook_metrics

REQUESTS = Counter(
    "atelier_http_requests_total", "HTTP requests by route and status", ["route", "status"]
)
LATENCY = Histogram(
    "atelier_http_request_seconds", "HTTP request latency by route", ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30),
)
KNOWN_ROUTES = ("/graphql", "/files", "/uploads", "/healthz", "/readyz", "/metrics")


def route_label(path: str) -> str:
    return next((route for route in KNOWN_ROUTES if path.startswith(route)), "other")


class RequestMetrics:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

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
            REQUESTS.labels(route, str(status)).inc()
            LATENCY.labels(route).observe(time.perf_counter() - started)


class _Snapshot:
    """A collector of metric families read once for one scrape."""

    def __init__(self, families: list[Metric]) -> None:
        self.families = families

    def collect(self) -> list[Metric]:
        return self.families


async def metrics(request: Request) -> Response:
    """This process's HTTP metrics, plus job outcomes of every worker (from Redis)."""
    shared = CollectorRegistry()
    shared.register(_Snapshot(await job_metrics.collect(request.app.state.services.redis)))
    shared.register(_Snapshot(await webhook_metrics.collect(request.app.state.services.redis)))
    body = generate_latest() + generate_latest(shared)
    return Response(body, media_type=CONTENT_TYPE_LATEST)
