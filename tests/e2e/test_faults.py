"""Nothing is lost under faults: a worker SIGKILLed in the middle of a job hands it over, and
another worker finishes it; the job's event stream stays gapless throughout."""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path

import pytest
import trimesh

from app.embedded.process import ChildProcess
from tests.conftest import ADMIN_TOKEN, new_owner_api
from tests.support.client import JOB_PROGRESS, Api
from tests.support.stack import start_api, start_worker

LEASE_SECONDS = "3"


@pytest.fixture
def isolated_env(env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    """The session's servers, but a queue and database of its own and short leases."""
    return {**env, "ATELIER_DATABASE_NAME": "atelier_faults",
            "ATELIER_QUEUE_NAME": "atelier:queue:faults",
            "ATELIER_JOB_LEASE_SECONDS": LEASE_SECONDS}


@pytest.fixture
def isolated_api(isolated_env: dict[str, str], tmp_path: Path) -> Iterator[str]:
    api, url = start_api(isolated_env, tmp_path / "api.log")
    yield url
    api.stop()


def kill_group(worker: ChildProcess) -> None:
    """SIGKILL the worker and the job processes it forked, as a crash or OOM kill would."""
    assert worker.process is not None
    os.killpg(worker.process.pid, signal.SIGKILL)
    worker.process.wait()


async def test_job_of_a_killed_worker_is_finished_by_another(
    isolated_env: dict[str, str], isolated_api: str, tmp_path: Path
) -> None:
    api = await new_owner_api(Api(isolated_api, ADMIN_TOKEN))
    first = start_worker(isolated_env, tmp_path / "worker-1.log")
    model = trimesh.creation.icosphere(subdivisions=6).export(file_type="obj").encode()
    uploaded = await api.upload(model, "slow.obj")
    job_id = uploaded["job"]["id"]

    async with api.websocket() as subscriptions:
        op = await subscriptions.start(JOB_PROGRESS, {"id": job_id, "after": 0})
        before = []
        while not before or before[-1]["jobProgress"]["job"]["status"] != "RUNNING":
            before += await subscriptions.collect(op, count=1)
        kill_group(first)
        second = start_worker(isolated_env, tmp_path / "worker-2.log")
        try:
            after = await subscriptions.collect(op, within=120)
        finally:
            second.stop()

    events = [event["jobProgress"] for event in before + after]
    assert [e["sequence"] for e in events] == list(range(1, len(events) + 1))
    assert "redelivering" in [e["job"]["stage"] for e in events]
    final = events[-1]["job"]
    assert final["status"] == "SUCCEEDED", final
    assert final["attempts"] == 2
    asset = await api.graphql("query($id: ID!) { asset(id: $id) { status } }",
                              {"id": uploaded["asset"]["id"]})
    assert asset["asset"]["status"] == "READY"
