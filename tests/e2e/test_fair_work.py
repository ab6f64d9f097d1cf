"""Fair, bounded work on a real stack: a bundle zip is one job that takes turns, one owner's
backlog does not hold back another owner's first job, a zip past the model cap or with a nested
archive is refused whole, and an owner past its job cap is refused before a byte is stored."""

from __future__ import annotations

import asyncio
import os
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
import trimesh

from tests.conftest import ADMIN_TOKEN, new_owner_api
from tests.geometry.ingest import uploads
from tests.support import models
from tests.support.client import JOB_PROGRESS, Api
from tests.support.stack import start_api, start_worker

MODEL_CAP = 40
JOB_CAP = 3
COUNTS = "{ assets { totalCount } jobs { totalCount } }"
READY_COUNT = "{ assets(filter: {status: [READY]}) { totalCount } }"
JOB = "query($id: ID!) { job(id: $id) { status attempts message error { code message } } }"
CREATE = """mutation($input: AssetUploadCreateInput!) {
  assetUploadCreate(input: $input) { asset { id } errors { code message } } }"""

pytestmark = pytest.mark.slow


def tiny_stl(number: int) -> bytes:
    return (f"solid t{number}\nfacet normal 0 0 1\nouter loop\nvertex 0 0 0\nvertex 1 0 0\n"
            f"vertex 0 {1 + number % 7} 0\nendloop\nendfacet\nendsolid t{number}\n").encode()


def bundle_of(count: int) -> bytes:
    return uploads.zip_of({f"parts/part-{n:04d}.stl": tiny_stl(n) for n in range(count)})


@pytest.fixture(scope="module")
def fair_env(env: dict[str, str]) -> dict[str, str]:
    return {**env, "ATELIER_DATABASE_NAME": "atelier_fair",
            "ATELIER_QUEUE_NAME": "atelier:queue:fair",
            "ATELIER_ARCHIVE_MAX_MODELS": str(MODEL_CAP),
            "ATELIER_BUNDLE_SLICE_SECONDS": "0.5"}


@pytest.fixture(scope="module")
def fair_api(fair_env: dict[str, str], tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[str]:
    logs = tmp_path_factory.mktemp("fair")
    api, url = start_api(fair_env, logs / "api.log")
    worker = start_worker(fair_env, logs / "worker.log")
    yield url
    worker.stop()
    api.stop()


@pytest.fixture
async def owner(fair_api: str) -> Api:
    return await new_owner_api(Api(fair_api, ADMIN_TOKEN))


async def finished(api: Api, job_id: str, within: float = 120) -> dict:
    async with api.websocket() as subscriptions:
        events = await subscriptions.collect(
            await subscriptions.start(JOB_PROGRESS, {"id": job_id}), within=within)
    return events[-1]["jobProgress"]["job"]


async def test_a_bundle_is_one_job_and_another_owners_first_job_does_not_wait_for_it(
    fair_api: str,
) -> None:
    # Given one owner with a bundle of 40 models and five single uploads queued
    first, second = [await new_owner_api(Api(fair_api, ADMIN_TOKEN)) for _ in range(2)]
    bundle = await first.upload(bundle_of(MODEL_CAP), "parts.zip")
    backlog = [await first.upload(models.box_stl((1, 1, 1 + n)), f"box-{n}.stl")
               for n in range(5)]
    # When another owner uploads one model
    started = time.monotonic()
    theirs = await second.upload(models.box_stl(), "mine.stl")
    done = await finished(second, theirs["job"]["id"])
    waited = time.monotonic() - started
    first_ready_then = (await first.graphql(READY_COUNT))["assets"]["totalCount"]
    # Then it finished promptly, long before the first owner's backlog
    assert done["status"] == "SUCCEEDED", done
    assert waited < 10, waited
    assert first_ready_then < 20, first_ready_then
    # And the bundle was one job (not 40) that ended with every model its own READY asset
    bundle_job = await finished(first, bundle["job"]["id"], within=300)
    for single in backlog:
        await finished(first, single["job"]["id"])
    counts = await first.graphql(COUNTS)
    assert bundle_job["status"] == "SUCCEEDED", bundle_job
    assert (await first.graphql(JOB, {"id": bundle["job"]["id"]}))["job"]["attempts"] == 1
    assert counts == {"assets": {"totalCount": MODEL_CAP + 5}, "jobs": {"totalCount": 6}}
    assert (await first.graphql(READY_COUNT))["assets"]["totalCount"] == MODEL_CAP + 5


async def test_a_zip_of_2000_models_is_refused_whole_without_making_jobs(owner: Api) -> None:
    data = bundle_of(2000)
    assert len(data) < 400 * 1024

    uploaded = await owner.upload(data, "swarm.zip")
    job = await finished(owner, uploaded["job"]["id"])

    assert (job["status"], job["error"]["code"]) == ("FAILED", "ARCHIVE_REJECTED")
    assert f"2000 models; the limit is {MODEL_CAP}" in job["error"]["message"]
    assert await owner.graphql(COUNTS) == {"assets": {"totalCount": 1},
                                           "jobs": {"totalCount": 1}}


async def test_an_archive_inside_a_bundle_is_refused_whatever_its_name(owner: Api) -> None:
    inner = uploads.zip_of({"x.stl": tiny_stl(1), "y.stl": tiny_stl(2)})
    nested = uploads.zip_of({"a.stl": tiny_stl(0), "inner.glb": inner})

    uploaded = await owner.upload(nested, "nested.zip")
    job = await finished(owner, uploaded["job"]["id"])

    assert (job["status"], job["error"]["code"]) == ("FAILED", "ARCHIVE_REJECTED")
    assert "nested archives are refused" in job["error"]["message"]
    assert await owner.graphql(COUNTS) == {"assets": {"totalCount": 1},
                                           "jobs": {"totalCount": 1}}


@pytest.fixture
def capped_env(env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    return {**env, "ATELIER_DATABASE_NAME": "atelier_capped",
            "ATELIER_STORAGE_DIR": str(tmp_path / "objects"),
            "ATELIER_QUEUE_NAME": "atelier:queue:capped",
            "ATELIER_MAX_JOBS_PER_OWNER": str(JOB_CAP), "ATELIER_JOB_SLOTS_PER_OWNER": "2"}


@pytest.fixture
def capped_api(capped_env: dict[str, str], tmp_path: Path) -> Iterator[str]:
    """An API whose jobs stay queued: no worker runs until a test starts one."""
    api, url = start_api(capped_env, tmp_path / "api.log")
    yield url
    api.stop()


def stored_files(storage_dir: str) -> list[Path]:
    return [path for path in (Path(storage_dir) / "assets").rglob("*") if path.is_file()]


async def test_an_owner_past_its_job_cap_is_refused_before_anything_is_stored(
    capped_env: dict[str, str], capped_api: str, tmp_path: Path,
) -> None:
    api = await new_owner_api(Api(capped_api, ADMIN_TOKEN))
    queue = redis.Redis.from_url(capped_env["ATELIER_REDIS_URL"])
    queue.delete(capped_env["ATELIER_QUEUE_NAME"])
    accepted = [await api.upload(models.box_stl((1, 1, n)), f"b{n}.stl") for n in (1, 2, 3)]

    refused = await api.upload(models.box_stl((1, 1, 4)), "b4.stl")
    direct = (await api.graphql(CREATE, {"input": {"filename": "b5.stl", "sizeBytes": 100}})
              )["assetUploadCreate"]

    assert [a["errors"] for a in accepted] == [[]] * JOB_CAP
    for payload in (refused, direct):
        assert [e["code"] for e in payload["errors"]] == ["QUOTA_EXCEEDED"]
        assert payload["asset"] is None
    assert f"{JOB_CAP} jobs are queued or running; the limit is {JOB_CAP}" in \
        refused["errors"][0]["message"]
    assert await api.graphql(COUNTS) == {"assets": {"totalCount": JOB_CAP},
                                         "jobs": {"totalCount": JOB_CAP}}
    assert len(stored_files(capped_env["ATELIER_STORAGE_DIR"])) == JOB_CAP  # the originals
    # Only the owner's slots were handed to the queue; the third waits in the database
    assert queue.zcard(capped_env["ATELIER_QUEUE_NAME"]) == 2

    # When a worker comes, every job is delivered, the waiting one included
    worker = start_worker(capped_env, tmp_path / "worker.log")
    try:
        ended = await asyncio.gather(*(finished(api, a["job"]["id"]) for a in accepted))
    finally:
        worker.stop()
    assert [job["status"] for job in ended] == ["SUCCEEDED"] * JOB_CAP


@pytest.fixture
def fragile_env(env: dict[str, str], tmp_path: Path) -> dict[str, str]:
    return {**env, "ATELIER_DATABASE_NAME": "atelier_fragile",
            # A short lease, so the dead worker's job comes back soon; long enough that a
            # renewal on a busy machine (the suite runs in parallel) is not late.
            "ATELIER_QUEUE_NAME": "atelier:queue:fragile", "ATELIER_JOB_LEASE_SECONDS": "4"}


async def test_a_bundle_whose_worker_dies_is_finished_by_another_with_every_model(
    fragile_env: dict[str, str], tmp_path: Path,
) -> None:
    api_process, url = start_api(fragile_env, tmp_path / "api.log")
    first = start_worker(fragile_env, tmp_path / "worker-1.log")
    second = None
    try:
        api = await new_owner_api(Api(url, ADMIN_TOKEN))
        # A bundle whose first model takes a while, so the worker is killed inside it
        big = trimesh.creation.icosphere(subdivisions=6).export(file_type="stl")
        parts = {f"parts/part-{n:04d}.stl": tiny_stl(n) for n in range(11)}
        uploaded = await api.upload(uploads.zip_of({"parts/big.stl": big, **parts}), "parts.zip")
        # When the worker is killed as the bundle's first model is being ingested
        async with api.websocket() as subscriptions:
            op = await subscriptions.start(JOB_PROGRESS, {"id": uploaded["job"]["id"]})
            stage = ""
            while not stage.startswith("model"):
                events = await subscriptions.collect(op, count=1)
                stage = events[-1]["jobProgress"]["job"]["stage"] or ""
        assert first.process is not None
        os.killpg(first.process.pid, signal.SIGKILL)
        first.process.wait()
        second = start_worker(fragile_env, tmp_path / "worker-2.log")
        job = await finished(api, uploaded["job"]["id"])
        jobs = (await api.graphql(COUNTS))["jobs"]["totalCount"]
        ready = (await api.graphql(READY_COUNT))["assets"]["totalCount"]
    finally:
        for process in (first, second, api_process):
            if process is not None:
                process.stop()
    # Then another worker finished the bundle: one job, every model READY
    assert job["status"] == "SUCCEEDED", job
    assert (jobs, ready) == (1, 12)
