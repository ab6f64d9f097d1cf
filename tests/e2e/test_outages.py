"""Outages on a private stack (its own SecantusDB, redis-server, API and worker processes, so the
session's shared servers are never killed): Redis killed and restarted while jobs run, the
database killed and restarted, and crashes between an asset's writes. Each test checks the
answers given during the outage and that nothing was lost or half made."""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
import websockets
import websockets.http11
from pymongo import MongoClient

from app.embedded.database import EmbeddedDatabase
from app.embedded.process import ChildProcess
from app.embedded.redis import EmbeddedRedis
from app.faults import ASSET_INSERTED, FAULT_EXIT_CODE, JOB_COMMITTED
from tests.conftest import ADMIN_TOKEN, OWNER_SCOPES, TOKEN_CREATE
from tests.support import models
from tests.support.client import JOB_PROGRESS, TRANSPORT_WS, UPLOAD, Api
from tests.support.stack import stack_env, start_api, start_worker

DATABASE = "atelier_outages"
JOB_STATUS = "query($id: ID!) { job(id: $id) { status attempts } }"
OWN_ASSETS = "{ assets(first: 50) { totalCount edges { node { id name status } } } }"
OWN_JOBS = "{ jobs(first: 50) { totalCount edges { node { id status } } } }"
TERMINAL = {"SUCCEEDED", "FAILED", "CANCELLED"}


@dataclass
class Stack:
    root: Path
    database: EmbeddedDatabase
    redis: EmbeddedRedis
    env: dict[str, str]
    url: str = ""
    processes: list[ChildProcess] = field(default_factory=list)

    def api(self, log_name: str = "api", **extra: str) -> str:
        process, url = start_api({**self.env, **extra}, self.root / f"{log_name}.log")
        self.processes.append(process)
        return url

    def worker(self, log_name: str = "worker") -> ChildProcess:
        process = start_worker(self.env, self.root / f"{log_name}.log")
        self.processes.append(process)
        return process

    def mongo(self) -> MongoClient[dict[str, Any]]:
        return MongoClient(self.database.url, serverSelectionTimeoutMS=5000, tz_aware=True)


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[Stack]:
    database = EmbeddedDatabase(tmp_path / "db", log_path=tmp_path / "secantus.log")
    redis = EmbeddedRedis(tmp_path / "redis", log_path=tmp_path / "redis.log")
    database.start()
    redis.start()
    env = stack_env(mongodb_url=database.url, redis_url=redis.url,
                    storage_dir=tmp_path / "objects", database_name=DATABASE,
                    admin_token=ADMIN_TOKEN,
                    extra={"ATELIER_JOB_LEASE_SECONDS": "1.5",
                           "ATELIER_ORPHAN_GRACE_SECONDS": "1",
                           "ATELIER_WORKER_RECONNECT_MAX_SECONDS": "1",
                           "ATELIER_WORKER_HEARTBEAT_SECONDS": "1"})
    built = Stack(tmp_path, database, redis, env)
    try:
        built.url = built.api()
        yield built
    finally:
        for process in reversed(built.processes):
            process.stop()
        redis.stop()
        database.stop()


def kill(child: ChildProcess) -> None:
    assert child.process is not None
    child.process.send_signal(signal.SIGKILL)
    child.process.wait()


async def owner_api(url: str) -> tuple[Api, str]:
    owner = "owner-" + uuid.uuid4().hex[:10]
    data = await Api(url, ADMIN_TOKEN).graphql(
        TOKEN_CREATE, {"input": {"owner": owner, "name": "outages", "scopes": OWNER_SCOPES}})
    return Api(url, data["apiTokenCreate"]["secret"]), owner


async def post_upload(api: Api, data: bytes, filename: str) -> httpx.Response:
    """assetUpload as a client sends it, whatever the answer (no assertion on it)."""
    operations = {"query": UPLOAD, "variables": {"file": None, "name": None, "tags": None}}
    async with httpx.AsyncClient(timeout=60) as http:
        return await http.post(
            f"{api.base_url}/graphql", headers=api.headers,
            data={"operations": json.dumps(operations),
                  "map": json.dumps({"0": ["variables.file"]})},
            files={"0": (filename, data, "application/octet-stream")})


async def eventually(check: Callable[[], Awaitable[bool]], within: float,
                     what: str) -> None:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            if await check():
                return
        except httpx.HTTPError:
            pass
        await asyncio.sleep(0.25)
    raise AssertionError(f"not within {within:.0f}s: {what}")


async def job_status(api: Api, job_id: str) -> str:
    return str((await api.graphql(JOB_STATUS, {"id": job_id}))["job"]["status"])


async def asset_status(api: Api, asset_id: str) -> str:
    found = (await api.graphql("query($id: ID!) { asset(id: $id) { status } }",
                               {"id": asset_id}))["asset"]
    return str(found["status"]) if found else "MISSING"


async def follow_job(api: Api, job_id: str) -> list[dict[str, Any]]:
    """Every event of the job over jobProgress until the stream completes, as a client does
    it: a dropped connection is opened again and resumes after the last sequence it got."""
    events: list[dict[str, Any]] = []
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        after = events[-1]["sequence"] if events else 0
        try:
            async with api.websocket() as subscriptions:
                op = await subscriptions.start(JOB_PROGRESS, {"id": job_id, "after": after})
                while True:
                    (event,) = await subscriptions.collect(op, count=1, within=60) or [None]
                    if event is None:
                        return events
                    events.append(event["jobProgress"])
                    if events[-1]["job"]["status"] in TERMINAL:
                        return events
        except (OSError, websockets.exceptions.WebSocketException, AssertionError):
            await asyncio.sleep(0.5)
    raise AssertionError(f"jobProgress did not complete; got {len(events)} events")


async def is_finished(api: Api, job_id: str) -> bool:
    return await job_status(api, job_id) in TERMINAL


async def is_running(api: Api, job_id: str) -> bool:
    return await job_status(api, job_id) == "RUNNING"


async def is_ready(api: Api, asset_id: str) -> bool:
    return await asset_status(api, asset_id) == "READY"


async def heartbeat_fresh(env: dict[str, str]) -> bool:
    """What `atelier worker --check` (the probe of compose and Kubernetes) says."""
    checked = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "app", "worker", "--check"], env=env,
        capture_output=True, timeout=30)
    return checked.returncode == 0


def stored_names(root: Path) -> set[str]:
    return {path.name for path in (root / "objects").rglob("*") if path.is_file()}


async def test_workers_outlive_a_redis_outage_and_every_job_finishes(stack: Stack) -> None:
    worker = stack.worker()
    api, _ = await owner_api(stack.url)
    await eventually(lambda: heartbeat_fresh(stack.env), 30, "a fresh worker heartbeat")
    uploads = [await api.upload(models.sphere_obj(subdivisions=6 - n), f"slow-{n}.obj")
               for n in range(2)]
    uploads += [await api.upload(models.box_stl((1.0, 2.0, 3.0 + n)), f"box-{n}.stl")
                for n in range(2)]
    assert all(u["errors"] == [] for u in uploads)
    await eventually(lambda: is_running(api, uploads[0]["job"]["id"]), 60, "a job running")
    followed = asyncio.create_task(follow_job(api, uploads[0]["job"]["id"]))

    kill(stack.redis.child)
    await asyncio.sleep(1.5)
    started = time.monotonic()
    during = await post_upload(api, models.box_stl((7.0, 7.0, 7.0)), "during.stl")
    answered_in = time.monotonic() - started
    fresh_during = await heartbeat_fresh(stack.env)
    await asyncio.sleep(3)
    stack.redis.start()

    payload = during.json().get("data", {}) if during.status_code == 200 else {}
    made_during = (payload or {}).get("assetUpload") or {}
    job_ids = [u["job"]["id"] for u in uploads]
    if made_during.get("job"):
        job_ids.append(made_during["job"]["id"])

    async def all_finished() -> bool:
        return all([await is_finished(api, job_id) for job_id in job_ids])

    await eventually(all_finished, 150, "every job finished after Redis came back")
    stream = await asyncio.wait_for(followed, 60)
    statuses = [await job_status(api, job_id) for job_id in job_ids]
    assets = (await api.graphql(OWN_ASSETS))["assets"]
    await eventually(lambda: heartbeat_fresh(stack.env), 30, "the heartbeat back")

    assert worker.alive(), "the worker exited during the Redis outage"
    assert not fresh_during
    assert answered_in < 5, f"the upload during the outage took {answered_in:.1f}s"
    assert statuses == ["SUCCEEDED"] * len(job_ids)
    sequences = [event["sequence"] for event in stream]
    assert sequences == list(range(1, len(sequences) + 1))  # gapless through the outage
    assert stream[-1]["job"]["status"] == "SUCCEEDED"
    names = sorted(edge["node"]["name"] for edge in assets["edges"])
    if made_during:
        assert made_during["errors"] == [], made_during
        assert "during.stl" in names
    else:
        code = (during.json()["errors"][0]["extensions"]["code"] if during.status_code != 200
                else payload["assetUpload"]["errors"][0]["code"])
        assert code == "SERVICE_UNAVAILABLE"
        assert "during.stl" not in names and "during.stl" not in stored_names(stack.root)
    assert assets["totalCount"] == len(job_ids)
    assert {edge["node"]["status"] for edge in assets["edges"]} == {"READY"}


async def test_the_database_down_answers_service_unavailable_fast_and_loses_nothing(
    stack: Stack,
) -> None:
    worker = stack.worker()
    api, _ = await owner_api(stack.url)
    unseen, _ = await owner_api(stack.url)  # never used before the outage: not in any cache
    admin = Api(stack.url, ADMIN_TOKEN)
    before = await api.upload(models.box_stl((2.0, 2.0, 1.0)), "kept.stl")
    await eventually(lambda: is_ready(api, before["asset"]["id"]), 90, "the first upload READY")
    await eventually(lambda: is_finished(api, before["job"]["id"]), 30, "its job finished")

    kill(stack.database.child)
    started = time.monotonic()
    refused = await unseen.post(OWN_ASSETS)
    refused_in = time.monotonic() - started
    cached = await api.post(OWN_ASSETS)  # its principal is cached: the query itself fails
    started = time.monotonic()
    as_admin = await admin.post(OWN_ASSETS)
    admin_in = time.monotonic() - started
    started = time.monotonic()
    upload = await post_upload(admin, models.box_stl((5.0, 1.0, 1.0)), "lost.stl")
    upload_in = time.monotonic() - started
    handshake = await websocket_refusal(unseen)
    stack.database.start()
    await eventually(lambda: _ready(stack.url), 60, "ready again")
    after = (await api.graphql(OWN_ASSETS))["assets"]
    again = await api.upload(models.box_stl((2.0, 3.0, 1.0)), "after.stl")
    await eventually(lambda: is_ready(api, again["asset"]["id"]), 90,
                     "an upload after the outage READY")

    assert refused.status_code == 503 and refused.headers["Retry-After"].isdigit()
    assert refused.json()["errors"][0]["extensions"]["code"] == "SERVICE_UNAVAILABLE"
    assert refused_in < 3.5, f"auth answered after {refused_in:.1f}s"
    assert cached.status_code in {200, 503}
    assert [e["extensions"]["code"] for e in cached.json()["errors"]] == ["SERVICE_UNAVAILABLE"]
    assert as_admin.status_code == 200
    assert [e["extensions"]["code"] for e in as_admin.json()["errors"]] == ["SERVICE_UNAVAILABLE"]
    assert "27017" not in as_admin.text and stack.database.url not in as_admin.text
    assert admin_in < 3.5, f"the query answered after {admin_in:.1f}s"
    assert upload.status_code == 200 and upload_in < 6
    assert [e["code"] for e in upload.json()["data"]["assetUpload"]["errors"]] == [
        "SERVICE_UNAVAILABLE"]
    assert "lost.stl" not in stored_names(stack.root)
    assert handshake.status_code == 503 and handshake.headers["Retry-After"].isdigit()
    assert after["totalCount"] == 1 and after["edges"][0]["node"]["status"] == "READY"
    assert worker.alive(), "the worker exited during the database outage"


async def test_a_job_running_when_the_database_dies_finishes_once_it_is_back(
    stack: Stack,
) -> None:
    worker = stack.worker()
    api, _ = await owner_api(stack.url)
    uploaded = await api.upload(models.sphere_obj(subdivisions=6), "running.obj")
    await eventually(lambda: is_running(api, uploaded["job"]["id"]), 60, "the job running")

    kill(stack.database.child)
    await asyncio.sleep(4)
    stack.database.start()
    await eventually(lambda: is_finished(api, uploaded["job"]["id"]), 120, "the job finished")
    job = (await api.graphql(JOB_STATUS, {"id": uploaded["job"]["id"]}))["job"]
    assets = (await api.graphql(OWN_ASSETS))["assets"]

    assert worker.alive(), "the worker exited during the database outage"
    assert job["status"] == "SUCCEEDED" and job["attempts"] >= 1
    assert assets["totalCount"] == 1 and assets["edges"][0]["node"]["status"] == "READY"


async def websocket_refusal(api: Api) -> websockets.http11.Response:
    """The answer to a websocket handshake that signs in with its Authorization header."""
    url = api.base_url.replace("http://", "ws://") + "/graphql"
    with pytest.raises(websockets.exceptions.InvalidStatus) as refused:
        async with websockets.connect(url, subprotocols=[TRANSPORT_WS],  # type: ignore[list-item]
                                      additional_headers=api.headers, open_timeout=10):
            pass
    return refused.value.response


async def _ready(url: str) -> bool:
    async with httpx.AsyncClient(timeout=3) as http:
        return (await http.get(f"{url}/readyz")).status_code == 200


async def test_a_crash_inside_the_creating_transaction_leaves_nothing(stack: Stack) -> None:
    api, _ = await owner_api(stack.url)
    crashing = stack.api("crashing-api", ATELIER_FAULT_INJECT=ASSET_INSERTED)

    with pytest.raises(httpx.HTTPError):
        await Api(crashing, api.token).upload(models.box_stl((4.0, 1.0, 1.0)), "crash.stl")
    exit_code = stack.processes[-1].process.wait(10)  # type: ignore[union-attr]
    assets = (await api.graphql(OWN_ASSETS))["assets"]
    jobs = (await api.graphql(OWN_JOBS))["jobs"]

    assert exit_code == FAULT_EXIT_CODE
    assert assets["totalCount"] == 0
    assert jobs["totalCount"] == 0


async def test_a_crash_after_the_commit_delays_the_job_but_loses_nothing(stack: Stack) -> None:
    api, _ = await owner_api(stack.url)
    crashing = stack.api("crashing-api", ATELIER_FAULT_INJECT=JOB_COMMITTED)
    data = models.box_stl((4.0, 2.0, 1.0))

    with pytest.raises(httpx.HTTPError):
        await Api(crashing, api.token).upload(data, "committed.stl")
    exit_code = stack.processes[-1].process.wait(10)  # type: ignore[union-attr]
    (made,) = [edge["node"] for edge in (await api.graphql(OWN_ASSETS))["assets"]["edges"]]
    (job,) = [edge["node"] for edge in (await api.graphql(OWN_JOBS))["jobs"]["edges"]]
    stack.worker()
    await eventually(lambda: is_ready(api, made["id"]), 90,
                     "the reaper delivered the committed job")
    retried = await api.upload(data, "committed.stl")

    assert exit_code == FAULT_EXIT_CODE
    assert job["status"] == "QUEUED"
    assert await job_status(api, job["id"]) == "SUCCEEDED"
    assert retried["errors"] == [] and retried["asset"]["id"] == made["id"]


async def test_an_orphan_of_an_older_version_is_recovered_and_never_reused(
    stack: Stack,
) -> None:
    api, owner = await owner_api(stack.url)
    data = models.box_stl((3.0, 1.0, 2.0))
    orphan = await asyncio.to_thread(write_orphan, stack, owner, data)

    uploaded = await api.upload(data, "same-bytes.stl")
    stack.worker()
    await eventually(lambda: is_ready(api, uploaded["asset"]["id"]), 90,
                     "the new upload READY")
    await eventually(lambda: is_ready(api, orphan), 90,
                     "the orphan recovered")

    assert uploaded["errors"] == []
    assert uploaded["asset"]["id"] != orphan


def write_orphan(stack: Stack, owner: str, data: bytes) -> str:
    """What the older version left after a crash between its two writes: an UPLOADED asset
    with its original stored, and no ingest job."""
    asset_id = "ast_orphan" + uuid.uuid4().hex[:12]
    key = f"assets/{asset_id}/original/orphan.stl"
    path = stack.root / "objects" / key
    path.parent.mkdir(parents=True)
    path.write_bytes(data)
    written = datetime.now(UTC) - timedelta(minutes=5)
    original = {"role": "ORIGINAL", "format": "STL", "key": key, "size_bytes": len(data),
                "content_type": "application/octet-stream", "filename": "orphan.stl"}
    with stack.mongo() as client:
        client[DATABASE]["assets"].insert_one({
            "_id": asset_id, "owner": owner, "name": "orphan.stl", "filename": "orphan.stl",
            "status": "UPLOADED", "size_bytes": len(data),
            "sha256": hashlib.sha256(data).hexdigest(), "tags": [], "files": [original],
            "created_at": written, "updated_at": written, "ingest_job_id": None})
    return asset_id


async def test_serve_restarts_a_worker_that_was_killed(tmp_path: Path) -> None:
    from tests.e2e.test_serve import children_of, running_serve

    with running_serve(tmp_path / "data", {"ATELIER_ADMIN_TOKEN": ADMIN_TOKEN}) as (
            url, log_path, pid):
        (first,) = [child for child in children_of(pid) if _is_worker(child)]
        os.killpg(first, signal.SIGKILL)
        deadline = time.monotonic() + 60
        replaced: list[int] = []
        while time.monotonic() < deadline and not replaced:
            replaced = [c for c in children_of(pid) if c != first and _is_worker(c)]
            await asyncio.sleep(0.2)
        api, _ = await owner_api(url)
        uploaded = await api.upload(models.box_stl((1.0, 1.0, 5.0)), "after-restart.stl")
        await eventually(lambda: is_ready(api, uploaded["asset"]["id"]), 90,
                         "an upload READY on the restarted worker")
        log = log_path.read_text()

    assert replaced, log[-3000:]
    assert "worker-0 exited with code -9; restarting it in" in log


def _is_worker(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")[1:4] == [
            b"-m", b"app", b"worker"]
    except OSError:
        return False
