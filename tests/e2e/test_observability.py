"""Observability on real processes: an API and a worker started with ATELIER_OTLP_ENDPOINT
export to a real OTLP/HTTP receiver here (decoded with opentelemetry-proto), their JSON logs
carry the request, operation, owner and job context, and /metrics follows the conventions."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest
import structlog
from opentelemetry.proto.collector.trace.v1.trace_service_pb2 import ExportTraceServiceRequest

from app import logs
from app.config import Settings
from tests.conftest import ADMIN_TOKEN, new_owner_api
from tests.e2e.test_ingest import upload_and_wait
from tests.support import models
from tests.support.client import Api
from tests.support.stack import start_api, start_worker

SERVER, CONSUMER = 2, 5  # OTLP's SpanKind values


@dataclass(frozen=True)
class ReceivedSpan:
    service: str
    trace_id: str
    span_id: str
    parent_id: str
    name: str
    kind: int
    attributes: dict[str, Any]


class Receiver(ThreadingHTTPServer):
    """An OTLP/HTTP trace receiver: keeps every span POSTed to /v1/traces."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), ReceiverHandler)
        self.spans: list[ReceivedSpan] = []
        self.lock = threading.Lock()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def collected(self) -> list[ReceivedSpan]:
        with self.lock:
            return list(self.spans)


class ReceiverHandler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        request = ExportTraceServiceRequest.FromString(body)
        received = []
        for resource in request.resource_spans:
            service = next(a.value.string_value for a in resource.resource.attributes
                           if a.key == "service.name")
            for scope in resource.scope_spans:
                for span in scope.spans:
                    attributes = {a.key: getattr(a.value, a.value.WhichOneof("value"))
                                  for a in span.attributes}
                    received.append(ReceivedSpan(service, span.trace_id.hex(),
                                                 span.span_id.hex(), span.parent_span_id.hex(),
                                                 span.name, span.kind, attributes))
        with self.server.lock:
            self.server.spans.extend(received)
        self.send_response(200 if self.path == "/v1/traces" else 404)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        return


@dataclass
class ObservedStack:
    api: Api
    receiver: Receiver
    api_log: Path
    worker_log: Path


@pytest.fixture(scope="module")
def observed(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]
             ) -> Iterator[ObservedStack]:
    root = tmp_path_factory.mktemp("observed")
    receiver = Receiver()
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    # Its own database and queue: the suite's worker must not take these jobs.
    own = {**env, "ATELIER_DATABASE_NAME": "atelier_observed",
           "ATELIER_QUEUE_NAME": "atelier:queue:observed",
           "ATELIER_OTLP_ENDPOINT": receiver.url, "ATELIER_OTLP_RESOLVER_SAMPLE_RATIO": "1",
           "ATELIER_METRICS_MAX_OPERATION_NAMES": "3", "OTEL_BSP_SCHEDULE_DELAY": "100"}
    api, url = start_api(own, root / "api.log")
    worker = start_worker(own, root / "worker.log")
    yield ObservedStack(Api(url, ADMIN_TOKEN), receiver, root / "api.log", root / "worker.log")
    worker.stop()
    api.stop()
    receiver.shutdown()


async def eventually(check: Callable[[], Any], within: float, what: str) -> Any:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        await asyncio.sleep(0.2)
    raise AssertionError(f"not seen within {within}s: {what}")


def json_lines(path: Path) -> list[dict[str, Any]]:
    lines = []
    for line in path.read_text(errors="replace").splitlines():
        if line.startswith("{"):
            lines.append(json.loads(line))
    return lines


async def test_an_upload_traces_request_database_queue_and_worker_job_in_one_trace(
        observed: ObservedStack) -> None:
    owner = await new_owner_api(observed.api)

    asset = await upload_and_wait(owner, models.box_stl(), "traced.stl")

    def job_span() -> ReceivedSpan | None:
        return next((s for s in observed.receiver.collected()
                     if s.name == "job INGEST" and s.attributes.get("atelier.job.id")), None)

    job = await eventually(job_span, 30, "the worker's job span")
    trace = [s for s in observed.receiver.collected() if s.trace_id == job.trace_id]
    by_id = {s.span_id: s for s in trace}
    assert asset["status"] == "READY"
    assert job.service == "atelier-worker" and job.kind == CONSUMER
    # The job continues the request that enqueued it: its parent is a span of the API.
    assert by_id[job.parent_id].service == "atelier-api"
    (request,) = [s for s in trace if s.kind == SERVER and s.service == "atelier-api"
                  and not s.parent_id]
    assert request.attributes["atelier.request_id"]
    stages = {s.name for s in trace if s.parent_id == job.span_id and s.name.startswith("stage")}
    assert {"stage download", "stage parse", "stage store"} <= stages
    assert any(s.attributes.get("db.system") == "mongodb" and s.service == "atelier-api"
               for s in trace)
    assert any(s.attributes.get("db.system") == "redis" for s in trace)
    assert any(s.name.startswith("GraphQL Query") for s in trace)


async def test_nothing_outside_requests_and_jobs_is_exported(observed: ObservedStack) -> None:
    # The worker polls Redis many times a second; none of those commands may start a trace.
    await asyncio.sleep(2)

    roots = [s for s in observed.receiver.collected() if not s.parent_id]

    assert roots and all(s.kind in (SERVER, CONSUMER) for s in roots)


async def test_log_lines_are_json_with_request_operation_owner_and_job_context(
        observed: ObservedStack) -> None:
    owner = await new_owner_api(observed.api)
    request_id = f"test-{uuid.uuid4().hex}"
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.post(
            f"{owner.base_url}/graphql",
            json={"query": "query LoggedAssets { assets { totalCount } }"},
            headers={**owner.headers, "X-Request-Id": request_id})
    asset = await upload_and_wait(owner, models.box_stl((2.0, 1.0, 1.0)), "logged.stl")

    def access_line() -> dict[str, Any] | None:
        return next((line for line in json_lines(observed.api_log)
                     if line.get("request_id") == request_id
                     and line.get("logger") == "uvicorn.access"), None)

    line = await eventually(access_line, 10, "the request's access log line")
    assert response.headers["X-Request-Id"] == request_id
    assert line["operation"] == "LoggedAssets"
    assert line["owner"].startswith("owner-")
    assert line["level"] == "info" and "timestamp" in line
    job_lines = [line for line in json_lines(observed.worker_log)
                 if line.get("job_kind") == "INGEST"]
    assert job_lines, "no worker line carried the job's context"
    job_ids = {line["job_id"] for line in job_lines}
    assert all(job_id.startswith("job_") for job_id in job_ids)
    assert asset["status"] == "READY"


@pytest.mark.parametrize("offered", ["a" * 200, "two\nlines", "../../etc", ""],
                         ids=["long", "newline", "path", "empty"])
async def test_an_insane_request_id_is_replaced_by_a_fresh_one(observed: ObservedStack,
                                                              offered: str) -> None:
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.post(
            f"{observed.api.base_url}/graphql", json={"query": "{ assets { totalCount } }"},
            headers={**observed.api.headers,
                     "X-Request-Id": offered.replace("\n", "%0A") if offered else ""})

    returned = response.headers["X-Request-Id"]
    assert returned != offered and re.fullmatch(r"[0-9a-f]{32}", returned)


async def test_graphql_errors_carry_the_request_id_even_when_masked(
        observed: ObservedStack) -> None:
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.post(f"{observed.api.base_url}/graphql",
                                   json={"query": "{ asset(id: \"ast_missing\") { nope } }"},
                                   headers={**observed.api.headers, "X-Request-Id": "abc-123"})

    (error,) = response.json()["errors"]
    assert error["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"
    assert error["extensions"]["requestId"] == "abc-123"


async def test_metrics_follow_the_naming_conventions_with_bounded_operation_names(
        observed: ObservedStack) -> None:
    owner = await new_owner_api(observed.api)
    await upload_and_wait(owner, models.box_stl((3.0, 1.0, 1.0)), "measured.stl")
    for name in ("First", "Second", "Third", "Fourth", "Fifth"):
        await owner.graphql(f"query {name} {{ assets {{ totalCount }} }}")
    await owner.graphql("{ assets { totalCount } }")

    async with owner.websocket() as ws:
        await ws.start("subscription { assetReady { asset { id } } }")
        open_subscriptions = await scrape_until(
            observed, lambda text: "atelier_active_subscriptions 1.0" in text)
    text = await scrape_until(observed, lambda text: "atelier_active_subscriptions 0.0" in text)

    assert "atelier_active_subscriptions 1.0" in open_subscriptions
    assert "atelier_active_subscriptions 0.0" in text
    assert 'atelier_http_request_duration_seconds_count{route="/graphql"}' in text
    operations = set(re.findall(
        r'atelier_graphql_request_duration_seconds_count\{operation="([^"]+)"\}', text))
    # Three distinct names at most (the cap here); the rest fold into `other`.
    assert {"anonymous", "other"} <= operations
    assert len(operations - {"anonymous", "other", "unknown"}) <= 3
    assert re.search(r'atelier_job_duration_seconds_count\{kind="INGEST",status="SUCCEEDED"\} '
                     r'[1-9]', text)
    assert re.search(r'atelier_job_stage_duration_seconds_bucket\{kind="INGEST",'
                     r'le="\+Inf",stage="parse"\} [1-9]', text)
    assert re.search(r"^atelier_queue_depth \d", text, re.MULTILINE)
    assert re.search(r"^atelier_jobs_waiting \d", text, re.MULTILINE)
    assert 'atelier_jobs_finished_total{kind="INGEST",status="SUCCEEDED"}' in text


async def scrape(observed: ObservedStack) -> str:
    async with httpx.AsyncClient(timeout=30) as http:
        response = await http.get(f"{observed.api.base_url}/metrics")
    assert response.status_code == 200
    return response.text


async def scrape_until(observed: ObservedStack, check: Callable[[str], bool]) -> str:
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        text = await scrape(observed)
        if check(text):
            return text
        await asyncio.sleep(0.1)
    raise AssertionError("metrics never matched")


@pytest.fixture
def configured_logging(monkeypatch: pytest.MonkeyPatch) -> Iterator[io.StringIO]:
    """logs.configure in this process, writing to a buffer; pytest's logging put back after."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    stream = io.StringIO()
    monkeypatch.setattr("sys.stderr", stream)
    logs.configure(Settings(log_format="auto", redis_url=None))
    yield stream
    root.handlers, root.level = handlers, level
    structlog.reset_defaults()


def test_structlog_lines_redact_tokens_and_signatures(configured_logging: io.StringIO) -> None:
    stream = configured_logging

    structlog.get_logger("test").info("fetched /files/a?exp=1&sig=SECRET1",
                                      header="Bearer SECRET2")

    (line,) = [json.loads(raw) for raw in stream.getvalue().splitlines()]
    assert "SECRET1" not in json.dumps(line) and "SECRET2" not in json.dumps(line)
    assert line["event"] == "fetched /files/a?exp=1&sig=[redacted]"
    assert line["header"] == "Bearer [redacted]"
