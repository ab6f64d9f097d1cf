"""A private stack for outage and crash tests: its own SecantusDB, redis-server and API, so the
session's shared servers are never killed. A module starts it once; each test adds the workers
and extra APIs it needs, which are stopped when the test ends, and finds both stores up."""

from __future__ import annotations

import asyncio
import json
import signal
import time
import uuid
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
from pymongo import MongoClient

from app.embedded.database import EmbeddedDatabase
from app.embedded.process import ChildProcess
from app.embedded.redis import EmbeddedRedis
from tests.conftest import ADMIN_TOKEN, OWNER_SCOPES, TOKEN_CREATE
from tests.support.client import UPLOAD, Api
from tests.support.stack import stack_env, start_api, start_worker

DATABASE = "atelier_outages"
JOB_STATUS = "query($id: ID!) { job(id: $id) { status attempts } }"
OWN_ASSETS = "{ assets(first: 50) { totalCount edges { node { id name status } } } }"
OWN_JOBS = "{ jobs(first: 50) { totalCount edges { node { id status } } } }"
TERMINAL = {"SUCCEEDED", "FAILED", "CANCELLED"}
# Short leases, grace and backoff, so a lost job or a lapsed lease shows within seconds.
QUICK_RECOVERY = {"ATELIER_JOB_LEASE_SECONDS": "1.5",
                  "ATELIER_ORPHAN_GRACE_SECONDS": "1",
                  "ATELIER_WORKER_RECONNECT_MAX_SECONDS": "1",
                  "ATELIER_WORKER_HEARTBEAT_SECONDS": "1"}


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

    def stop_processes(self) -> None:
        for process in reversed(self.processes):
            process.stop()
        self.processes.clear()


@contextmanager
def private_stack(root: Path) -> Iterator[Stack]:
    """The stores and one API, running until the module's tests are done."""
    database = EmbeddedDatabase(root / "db", log_path=root / "secantus.log")
    redis = EmbeddedRedis(root / "redis", log_path=root / "redis.log")
    database.start()
    redis.start()
    env = stack_env(mongodb_url=database.url, redis_url=redis.url,
                    storage_dir=root / "objects", database_name=DATABASE,
                    admin_token=ADMIN_TOKEN, extra=QUICK_RECOVERY)
    built = Stack(root, database, redis, env)
    try:
        built.url = built.api()
        yield built
    finally:
        built.stop_processes()
        redis.stop()
        database.stop()


@contextmanager
def one_test(stack: Stack) -> Iterator[Stack]:
    """The module's stack for one test: the stores up and the API ready, the test's own
    processes stopped after it (a test that failed mid-outage may have left a store down)."""
    started_with = list(stack.processes)
    for store in (stack.database, stack.redis):
        if not store.child.alive():
            store.start()
    started_with[0].wait_ready(lambda: api_ready(stack.url), timeout=60)
    try:
        yield stack
    finally:
        for process in reversed(stack.processes[len(started_with):]):
            process.stop()
        stack.processes[:] = started_with


def api_ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/readyz", timeout=3).status_code == 200
    except httpx.HTTPError:
        return False


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


async def is_finished(api: Api, job_id: str) -> bool:
    return await job_status(api, job_id) in TERMINAL


async def is_running(api: Api, job_id: str) -> bool:
    return await job_status(api, job_id) == "RUNNING"


async def is_ready(api: Api, asset_id: str) -> bool:
    return await asset_status(api, asset_id) == "READY"


def stored_names(root: Path) -> set[str]:
    return {path.name for path in (root / "objects").rglob("*") if path.is_file()}
