"""The storage sweep in real workers: a worker killed right after its first deletion
(ATELIER_FAULT_INJECT=orphan-deleted) has deleted one orphan and nothing any record names; of
two workers started together afterwards one sweeps, deletes the remaining orphans, and every
asset's files are still there."""

from __future__ import annotations

import asyncio
import os
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pymongo import MongoClient

from app.embedded.process import ChildProcess
from app.faults import FAULT_EXIT_CODE, ORPHAN_DELETED
from tests.conftest import ADMIN_TOKEN, new_owner_api
from tests.e2e.test_ingest import upload_and_wait
from tests.support import models
from tests.support.client import Api
from tests.support.stack import start_api, start_worker, start_workers

SWEPT = "storage sweep deleted"
# Objects are aged two hours, the grace is one; a sweep may start every 3 s, each worker's
# reaper looking every second. A sweep that outlasts the interval may be joined by another
# worker's, so the interval stays well above what a sweep of a few objects takes on a loaded
# machine (0.6 s was not).
SWEEP_ENV = {"ATELIER_STORAGE_SWEEP_GRACE_HOURS": "1",
             "ATELIER_STORAGE_SWEEP_INTERVAL_MINUTES": "0.05",
             # A sweep killed midway is taken over an interval later.
             "ATELIER_STORAGE_SWEEP_LEASE_SECONDS": "3",
             "ATELIER_JOB_LEASE_SECONDS": "2"}


@pytest.fixture
def sweep_env(env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """The session's servers, a database, queue and store of this test's own."""
    name = f"atelier_sweep_{uuid.uuid4().hex[:8]}"
    return {**env, **SWEEP_ENV, "ATELIER_DATABASE_NAME": name,
            "ATELIER_QUEUE_NAME": f"atelier:queue:{name}",
            "ATELIER_STORAGE_DIR": str(tmp_path / "objects")}


@pytest.fixture
def sweep_api(sweep_env: dict[str, str], tmp_path: Path) -> Iterator[str]:
    api, url = start_api(sweep_env, tmp_path / "api.log")
    yield url
    api.stop()


def named_keys(env: dict[str, str]) -> set[str]:
    with MongoClient[dict[str, Any]](env["ATELIER_MONGODB_URL"]) as client:
        assets = client[env["ATELIER_DATABASE_NAME"]]["assets"].find()
        return {file["key"] for asset in assets for file in asset["files"]}


def stored_keys(root: Path) -> set[str]:
    return {path.relative_to(root).as_posix() for path in root.rglob("*")
            if path.is_file() and not path.relative_to(root).parts[0].startswith(".")}


def age_every_file(root: Path) -> None:
    then = time.time() - 2 * 3600
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (then, then))


async def wait_for(check: Any, within: float = 60) -> None:
    deadline = time.monotonic() + within
    while not check():
        assert time.monotonic() < deadline, "timed out"
        await asyncio.sleep(0.2)


@pytest.mark.slow
async def test_a_sweep_killed_midway_loses_nothing_named_and_the_next_finishes(
        sweep_env: dict[str, str], sweep_api: str, tmp_path: Path) -> None:
    # Given two READY assets and three orphans, everything written two hours ago
    root = tmp_path / "objects"
    ingesting = start_worker(sweep_env, tmp_path / "worker-ingest.log")
    try:
        owner = await new_owner_api(Api(sweep_api, ADMIN_TOKEN))
        for name, data in (("box.stl", models.box_stl()), ("cyl.glb", models.cylinder_glb())):
            assert (await upload_and_wait(owner, data, name))["status"] == "READY"
    finally:
        ingesting.stop()
    named = named_keys(sweep_env)
    orphans = {f"assets/{uuid.uuid4().hex}/model.glb" for _ in range(3)}
    for key in orphans:
        (root / key).parent.mkdir(parents=True)
        (root / key).write_bytes(b"nobody's")
    age_every_file(root)
    assert stored_keys(root) == named | orphans

    # When a worker crashes right after its sweep's first deletion
    crashing = ChildProcess("worker", [sys.executable, "-m", "app", "worker"],
                            env={**sweep_env, "ATELIER_FAULT_INJECT": ORPHAN_DELETED},
                            log_path=tmp_path / "worker-crash.log")
    crashing.start()
    assert crashing.process is not None
    assert await asyncio.to_thread(crashing.process.wait, 60) == FAULT_EXIT_CODE

    # Then it deleted one orphan and nothing named
    left = stored_keys(root)
    assert named <= left
    assert len(orphans - left) == 1

    # When two workers start together, and sweep for a while
    logs = [tmp_path / "worker-a.log", tmp_path / "worker-b.log"]
    workers = start_workers(sweep_env, logs)
    try:
        await wait_for(lambda: stored_keys(root) == named)
        await asyncio.sleep(7)  # two more intervals: later sweeps find nothing more to delete
    finally:
        for worker in workers:
            worker.stop()

    # Then the two remaining orphans went in one sweep of one worker, the named files stayed
    swept = [line for log in logs for line in log.read_text().splitlines() if SWEPT in line]
    assert len(swept) == 1, swept
    assert f"{SWEPT} 2 orphaned objects" in swept[0]
    assert stored_keys(root) == named
