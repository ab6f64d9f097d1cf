"""Store outages on a private stack (tests.support.outages, so the session's shared servers are
never killed): Redis killed and restarted while jobs run, the database killed and restarted.
Each test checks the answers given during the outage and that nothing was lost or half made.
The crashes of processes are in test_crash_recovery.py."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import pytest
import websockets
import websockets.http11

from tests.conftest import ADMIN_TOKEN
from tests.support import models
from tests.support.client import JOB_PROGRESS, TRANSPORT_WS, Api
from tests.support.outages import (
    JOB_STATUS,
    OWN_ASSETS,
    TERMINAL,
    Stack,
    api_ready,
    eventually,
    is_finished,
    is_ready,
    is_running,
    job_status,
    kill,
    one_test,
    owner_api,
    post_upload,
    private_stack,
    stored_names,
)


@pytest.fixture(scope="module")
def servers(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """One stack for the module: every test here brings both stores back before it ends."""
    with private_stack(tmp_path_factory.mktemp("outages")) as started:
        yield started


@pytest.fixture
def stack(servers: Stack) -> Iterator[Stack]:
    with one_test(servers) as ready:
        yield ready


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




async def heartbeat_fresh(env: dict[str, str]) -> bool:
    """What `atelier worker --check` (the probe of compose and Kubernetes) says."""
    checked = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "app", "worker", "--check"], env=env,
        capture_output=True, timeout=30)
    return checked.returncode == 0




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
    await eventually(lambda: asyncio.to_thread(api_ready, stack.url), 60, "ready again")
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
