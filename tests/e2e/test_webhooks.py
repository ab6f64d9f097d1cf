"""Webhooks end to end: a real receiver on 127.0.0.1 gets every event once, signed with its
secret; failures are retried with backoff, redirects are not followed, a worker restart loses
and repeats nothing, private URLs are refused without the setting, owners stay apart."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import itertools
import json
import os
import re
import signal
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from app.embedded.process import ChildProcess
from tests.conftest import ADMIN_TOKEN, new_owner_api
from tests.support import models
from tests.support.client import JOB_PROGRESS, Api
from tests.support.stack import start_api, start_workers

SECRET = "whsec-" + "k" * 26
MAX_ATTEMPTS = 4
RETRY_BASE_SECONDS = 0.3
ALL_EVENTS = ["ASSET_READY", "ASSET_FAILED", "JOB_SUCCEEDED", "JOB_FAILED", "SCENE_CHANGED"]

CREATE_HOOK = """mutation($input: WebhookCreateInput!) {
  webhookCreate(input: $input) { webhook { id url events createdAt } errors { field code } } }"""
DELETE_HOOK = """mutation($id: ID!) {
  webhookDelete(id: $id) { webhook { id } errors { code } } }"""
HOOKS = "{ webhooks(first: 50) { totalCount edges { node { id url } } } }"
DELIVERIES = """query($id: ID!) { webhook(id: $id) { id deliveries(first: 100) {
  totalCount edges { node { id event status attempts responseStatus error deliveredAt
                            nextAttemptAt } } } } }"""
SCENE_CREATE = """mutation($name: String!) {
  sceneCreate(input: {name: $name}) { scene { id version } errors { code } } }"""
SCENE_RENAME = """mutation($id: ID!, $name: String!) {
  sceneUpdate(id: $id, input: {name: $name}) { scene { version } errors { code } } }"""


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    at: float

    @property
    def document(self) -> dict[str, Any]:
        parsed: dict[str, Any] = json.loads(self.body)
        return parsed


@dataclass
class Receiver:
    """An HTTP endpoint that records every request and answers the statuses queued in
    `answers` in turn (200 once they run out); a 3xx points at `location`."""

    answers: list[int] = field(default_factory=list)
    location: str = "http://127.0.0.1:9/elsewhere"
    requests: list[Received] = field(default_factory=list)

    def __post_init__(self) -> None:
        receiver = self
        arrived = self._arrived = threading.Condition()

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                with arrived:
                    receiver.requests.append(Received(
                        {key.lower(): value for key, value in self.headers.items()}, body,
                        time.monotonic()))
                    status = receiver.answers.pop(0) if receiver.answers else 200
                    arrived.notify_all()
                self.send_response(status)
                if 300 <= status < 400:
                    self.send_header("Location", receiver.location)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: object) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/hook"

    async def wait_for(self, count: int, within: float = 60) -> list[Received]:
        """The requests so far, once there are `count` of them."""
        await asyncio.to_thread(self._wait_for, count, within)
        return list(self.requests)

    def _wait_for(self, count: int, within: float) -> None:
        with self._arrived:
            if not self._arrived.wait_for(lambda: len(self.requests) >= count, within):
                raise TimeoutError(f"{len(self.requests)} of {count} requests arrived")

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class Workers:
    """The module's worker processes, which a test may kill and start again."""

    def __init__(self, env: dict[str, str], log_dir: Path) -> None:
        self.env, self.log_dir = env, log_dir
        self.running: list[ChildProcess] = []
        self.started = 0

    def start(self, count: int = 1, **settings: str) -> None:
        """`count` workers started together."""
        logs = [self.log_dir / f"worker-{self.started + n}.log" for n in range(1, count + 1)]
        self.started += count
        self.running += start_workers({**self.env, **settings}, logs)

    def kill_all(self) -> None:
        for worker in list(self.running):
            self.kill(worker)

    def kill(self, worker: ChildProcess) -> None:
        """SIGKILL, as a crash or an OOM kill would."""
        assert worker.process is not None
        os.killpg(worker.process.pid, signal.SIGKILL)
        worker.process.wait()
        self.running.remove(worker)

    def stop_all(self) -> None:
        for worker in self.running:
            worker.stop()
        self.running.clear()


@pytest.fixture(scope="module")
def hook_env(env: dict[str, str]) -> dict[str, str]:
    """The session's servers, a database of its own, loopback allowed, quick retries."""
    return {**env, "ATELIER_DATABASE_NAME": "atelier_webhooks",
            "ATELIER_QUEUE_NAME": "atelier:queue:webhooks",
            "ATELIER_WEBHOOK_ALLOW_PRIVATE": "true",
            "ATELIER_WEBHOOK_MAX_ATTEMPTS": str(MAX_ATTEMPTS),
            "ATELIER_WEBHOOK_RETRY_BASE_SECONDS": str(RETRY_BASE_SECONDS),
            "ATELIER_WEBHOOK_TIMEOUT_SECONDS": "2",
            "ATELIER_WEBHOOK_POLL_SECONDS": "0.1"}


@pytest.fixture(scope="module")
def hook_api_url(hook_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory
                 ) -> Iterator[str]:
    api, url = start_api(hook_env, tmp_path_factory.mktemp("webhooks") / "api.log")
    yield url
    api.stop()


@pytest.fixture(scope="module")
def workers(hook_env: dict[str, str], hook_api_url: str,
            tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workers]:
    pool = Workers(hook_env, tmp_path_factory.mktemp("webhook-workers"))
    pool.start()
    yield pool
    pool.stop_all()


@pytest.fixture
async def owner(hook_api_url: str, workers: Workers) -> Api:
    return await new_owner_api(Api(hook_api_url, ADMIN_TOKEN))


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    made = Receiver()
    yield made
    made.close()


async def create_hook(api: Api, url: str, events: list[str], secret: str = SECRET
                      ) -> dict[str, Any]:
    payload = (await api.graphql(CREATE_HOOK, {"input": {"url": url, "events": events,
                                                         "secret": secret}}))["webhookCreate"]
    assert isinstance(payload, dict)
    return payload


async def new_hook(api: Api, url: str, events: list[str]) -> str:
    payload = await create_hook(api, url, events)
    assert payload["errors"] == [], payload
    return str(payload["webhook"]["id"])


async def new_scene(api: Api, name: str = "scene") -> str:
    payload = (await api.graphql(SCENE_CREATE, {"name": name}))["sceneCreate"]
    assert payload["errors"] == []
    return str(payload["scene"]["id"])


async def rename(api: Api, scene_id: str, name: str) -> None:
    payload = (await api.graphql(SCENE_RENAME, {"id": scene_id, "name": name}))["sceneUpdate"]
    assert payload["errors"] == []


async def deliveries_when(api: Api, hook_id: str, settled: Any, within: float = 30
                          ) -> list[dict[str, Any]]:
    """The delivery log once `settled(log)` holds (results are recorded after the response)."""
    async with asyncio.timeout(within):
        while True:
            data = await api.graphql(DELIVERIES, {"id": hook_id})
            log = [edge["node"] for edge in data["webhook"]["deliveries"]["edges"]]
            if settled(log):
                return log
            await asyncio.sleep(0.1)


def subject(received: Received) -> tuple[str, str]:
    """(event, what it is about): an asset, a job, or a scene at one version."""
    document = received.document
    data = document["data"]
    if "scene" in data:
        return document["event"], f"{data['scene']['id']}@{data['scene']['version']}"
    return document["event"], (data.get("asset") or data["job"])["id"]


def signed_with(secret: str, received: Received) -> bool:
    expected = "sha256=" + hmac.new(secret.encode(), received.body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, received.headers["x-atelier-signature"])


async def job_outcome(api: Api, job_id: str) -> str:
    async with api.websocket() as subscriptions:
        events = await subscriptions.collect(
            await subscriptions.start(JOB_PROGRESS, {"id": job_id, "after": 0}))
    return str(events[-1]["jobProgress"]["job"]["status"])


async def test_every_event_type_is_delivered_once_and_signed(owner: Api,
                                                             receiver: Receiver) -> None:
    hook_id = await new_hook(owner, receiver.url, ALL_EVENTS)
    good = await owner.upload(models.box_stl(), "box.stl")
    bad = await owner.upload(b"just some words that are not a model\n" * 20, "notes.xyz")
    scene_id = await new_scene(owner)
    await rename(owner, scene_id, "renamed")

    received = await receiver.wait_for(6)
    await asyncio.sleep(2)  # many scans later, nothing more arrives

    bad_job = "job." + (await job_outcome(owner, bad["job"]["id"])).lower()
    assert sorted(subject(request) for request in receiver.requests) == sorted([
        ("asset.ready", good["asset"]["id"]), ("job.succeeded", good["job"]["id"]),
        ("asset.failed", bad["asset"]["id"]), (bad_job, bad["job"]["id"]),
        ("scene.changed", f"{scene_id}@1"), ("scene.changed", f"{scene_id}@2")])
    for request in received:
        assert signed_with(SECRET, request)
        assert not signed_with(SECRET + "x", request)
        assert request.headers["x-atelier-event"] == request.document["event"]
        assert request.headers["x-atelier-delivery"] == request.document["id"]
        assert int(request.headers["x-atelier-timestamp"]) == request.document["timestamp"]
        assert abs(request.document["timestamp"] - time.time()) < 120
    log = await deliveries_when(owner, hook_id, lambda log: len(log) == 6 and all(
        entry["status"] == "SUCCEEDED" for entry in log))
    assert {entry["id"] for entry in log} == {r.document["id"] for r in received}
    assert all(entry["attempts"] == 1 and entry["responseStatus"] == 200 for entry in log)


def delivery_count(metrics: str, event: str, outcome: str) -> float:
    line = re.search(rf'^atelier_webhook_deliveries_total{{event="{re.escape(event)}",'
                     rf'outcome="{outcome}"}} (\S+)$', metrics, re.MULTILINE)
    return float(line.group(1)) if line else 0.0


async def scrape(api: Api) -> str:
    async with httpx.AsyncClient(timeout=30) as http:
        return (await http.get(f"{api.base_url}/metrics", headers=api.headers)).text


async def test_a_failing_receiver_is_retried_with_backoff_until_it_answers(
        owner: Api) -> None:
    receiver = Receiver(answers=[500, 500, 503])
    try:
        hook_id = await new_hook(owner, receiver.url, ["SCENE_CHANGED"])
        before = await scrape(owner)
        await new_scene(owner)
        attempts = await receiver.wait_for(4)
    finally:
        receiver.close()

    assert len({attempt.headers["x-atelier-delivery"] for attempt in attempts}) == 1
    assert all(signed_with(SECRET, attempt) for attempt in attempts)
    gaps = [later.at - earlier.at for earlier, later in itertools.pairwise(attempts)]
    for retry, gap in enumerate(gaps):
        assert gap >= RETRY_BASE_SECONDS * 2 ** retry * 0.9, gaps
    assert gaps[2] > gaps[0]
    [delivery] = await deliveries_when(
        owner, hook_id, lambda log: bool(log) and log[0]["status"] == "SUCCEEDED")
    assert (delivery["attempts"], delivery["responseStatus"], delivery["error"]) == (4, 200, None)
    after = await scrape(owner)
    assert delivery_count(after, "scene.changed", "retried") - delivery_count(
        before, "scene.changed", "retried") >= 3
    assert delivery_count(after, "scene.changed", "succeeded") > delivery_count(
        before, "scene.changed", "succeeded")


async def test_redirects_are_not_followed_and_a_delivery_is_given_up_after_its_attempts(
        owner: Api, receiver: Receiver) -> None:
    redirecting = Receiver(answers=[302] * 10, location=receiver.url)
    try:
        hook_id = await new_hook(owner, redirecting.url, ["SCENE_CHANGED"])
        await new_scene(owner)
        await redirecting.wait_for(MAX_ATTEMPTS)
        [delivery] = await deliveries_when(
            owner, hook_id, lambda log: bool(log) and log[0]["status"] == "FAILED")
        await asyncio.sleep(RETRY_BASE_SECONDS * 2 ** MAX_ATTEMPTS)
    finally:
        redirecting.close()

    assert len(redirecting.requests) == MAX_ATTEMPTS
    assert receiver.requests == []
    assert delivery["attempts"] == MAX_ATTEMPTS
    assert delivery["responseStatus"] == 302
    assert "redirect" in delivery["error"]
    assert delivery["nextAttemptAt"] is None


async def test_a_worker_restart_loses_nothing_and_two_workers_send_each_delivery_once(
        owner: Api, receiver: Receiver, workers: Workers) -> None:
    await new_hook(owner, receiver.url, ["SCENE_CHANGED"])
    workers.kill_all()
    scene_id = await new_scene(owner)  # the API records the changes with no worker running
    for number in range(2, 6):
        await rename(owner, scene_id, f"while down {number}")
    await asyncio.sleep(1)
    assert receiver.requests == []

    workers.start(count=2)
    await receiver.wait_for(5)
    workers.kill(workers.running[0])
    await rename(owner, scene_id, "after a crash")
    await receiver.wait_for(6)
    await asyncio.sleep(2)

    subjects = [subject(request) for request in receiver.requests]
    assert sorted(subjects) == sorted(("scene.changed", f"{scene_id}@{version}")
                                      for version in range(1, 7))
    assert len({request.headers["x-atelier-delivery"] for request in receiver.requests}) == 6


async def test_an_address_that_turned_private_is_refused_at_delivery_and_nothing_is_lost(
        owner: Api, receiver: Receiver, workers: Workers) -> None:
    # Registered while loopback was allowed, then delivered by a worker that refuses it: the
    # same as a name that resolved publicly at registration and privately later (rebinding).
    hook_id = await new_hook(owner, receiver.url.replace("127.0.0.1", "localhost"),
                             ["SCENE_CHANGED"])
    workers.kill_all()
    workers.start(ATELIER_WEBHOOK_ALLOW_PRIVATE="false")
    try:
        scene_id = await new_scene(owner)
        [refused] = await deliveries_when(
            owner, hook_id, lambda log: bool(log) and log[0]["attempts"] >= 2)
        assert receiver.requests == []
    finally:
        workers.kill_all()
        workers.start()

    assert refused["status"] == "PENDING"
    assert refused["responseStatus"] is None
    assert "ATELIER_WEBHOOK_ALLOW_PRIVATE" in refused["error"]
    [request] = await receiver.wait_for(1)
    assert subject(request) == ("scene.changed", f"{scene_id}@1")


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:9/hook", "http://localhost/hook", "http://[::1]/hook",
    "http://169.254.169.254/latest/meta-data", "http://10.0.0.1/hook", "http://0x7f000001/",
    "ftp://example.com/hook", "file:///etc/passwd",
])
async def test_private_and_non_http_urls_are_refused_without_the_setting(
        admin: Api, url: str) -> None:
    api = await new_owner_api(admin)  # the session's API, which keeps the default

    payload = await create_hook(api, url, ["ASSET_READY"])

    assert payload["webhook"] is None
    assert [error["code"] for error in payload["errors"]] == ["INVALID_INPUT"]
    assert (await api.graphql(HOOKS))["webhooks"]["totalCount"] == 0


async def test_another_owners_webhook_is_invisible_and_hears_nothing_of_others(
        owner: Api, receiver: Receiver) -> None:
    other = await new_owner_api(Api(owner.base_url, ADMIN_TOKEN))
    hook_id = await new_hook(owner, receiver.url, ["SCENE_CHANGED"])

    assert (await other.graphql(HOOKS))["webhooks"]["totalCount"] == 0
    assert (await other.graphql(DELIVERIES, {"id": hook_id}))["webhook"] is None
    deleted = (await other.graphql(DELETE_HOOK, {"id": hook_id}))["webhookDelete"]
    assert deleted == {"webhook": None, "errors": [{"code": "NOT_FOUND"}]}
    await new_scene(other)
    mine = await new_scene(owner)
    [request] = await receiver.wait_for(1)
    await asyncio.sleep(1.5)

    assert receiver.requests == [request]
    assert subject(request) == ("scene.changed", f"{mine}@1")
    listed = (await owner.graphql(HOOKS))["webhooks"]
    assert [edge["node"]["id"] for edge in listed["edges"]] == [hook_id]

    deleted = (await owner.graphql(DELETE_HOOK, {"id": hook_id}))["webhookDelete"]
    assert deleted == {"webhook": {"id": hook_id}, "errors": []}
    await new_scene(owner)
    await asyncio.sleep(1.5)
    assert receiver.requests == [request]
    assert (await owner.graphql(HOOKS))["webhooks"]["totalCount"] == 0


async def test_scopes_secret_and_events_are_checked_when_registering(hook_api_url: str,
                                                                      receiver: Receiver
                                                                      ) -> None:
    admin = Api(hook_api_url, ADMIN_TOKEN)
    assets_only = await new_owner_api(admin, ["ASSETS_READ", "ASSETS_WRITE"])
    read_only = await new_owner_api(admin, ["ASSETS_READ", "JOBS_READ", "SCENES_READ"])

    refusals = [
        await create_hook(assets_only, receiver.url, ["JOB_SUCCEEDED"]),
        await create_hook(read_only, receiver.url, ["ASSET_READY"]),
        await create_hook(assets_only, receiver.url, ["ASSET_READY"], secret="short"),
        await create_hook(assets_only, receiver.url, []),
    ]
    accepted = await create_hook(assets_only, receiver.url, ["ASSET_READY", "ASSET_FAILED"])

    assert [[e["code"] for e in payload["errors"]] for payload in refusals] == [
        ["FORBIDDEN"], ["FORBIDDEN"], ["INVALID_INPUT"], ["INVALID_INPUT"]]
    assert accepted["errors"] == []
    assert accepted["webhook"]["events"] == ["ASSET_READY", "ASSET_FAILED"]
    assert (await assets_only.graphql(HOOKS))["webhooks"]["totalCount"] == 1
