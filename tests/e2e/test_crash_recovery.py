"""Crashes on private stacks (tests.support.outages): an API process dies between an asset's
writes, an older version left an orphan, and `atelier serve` loses a worker. Each test checks
that nothing was lost or half made, and that the work is done once."""

from __future__ import annotations

import asyncio
import hashlib
import os
import signal
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest

from app.faults import ASSET_INSERTED, FAULT_EXIT_CODE, JOB_COMMITTED
from tests.conftest import ADMIN_TOKEN
from tests.support import models
from tests.support.client import Api
from tests.support.outages import (
    DATABASE,
    OWN_ASSETS,
    OWN_JOBS,
    Stack,
    eventually,
    is_ready,
    job_status,
    one_test,
    owner_api,
    private_stack,
)


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    with private_stack(tmp_path_factory.mktemp("crashes")) as started:
        yield started


@pytest.fixture
def stack(servers: Stack) -> Iterator[Stack]:
    """The module's stack, for crashes that leave no transaction open."""
    with one_test(servers) as ready:
        yield ready


@pytest.fixture
def own_stack(tmp_path: Path) -> Iterator[Stack]:
    """Never shared: a process killed inside a transaction leaves the database holding it (and
    what it locked) until the transaction times out."""
    with private_stack(tmp_path) as started:
        yield started


async def test_a_crash_inside_the_creating_transaction_leaves_nothing(own_stack: Stack) -> None:
    stack = own_stack
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
