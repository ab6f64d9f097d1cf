"""A render job's writes on the real database: its outputs are listed on its asset in the very
transaction that records them on the job (together or not at all, each once however often it
is written), and a job created while its owner has a free slot and nothing waiting is recorded
handed over and queued in that one write, as dispatching would have done."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest
from pymongo.asynchronous.client_session import AsyncClientSession

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models.asset import Asset
from app.models.common import StoredFile
from app.models.job import Job, JobKind, JobStatus
from app.services.container import Services, opened_services
from app.workers.job_run import JobRun
from tests.services.test_output_expiry import ready_asset


class Refused(Exception):
    """A write that fails inside the job's transaction."""


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="render_job_writes_test", secret_key="test",
                        queue_name="render-job-writes-test:" + uuid.uuid4().hex,
                        storage_dir=tmp_path_factory.mktemp("render-job-writes"),
                        job_slots_per_owner=2)
    async with opened_services(settings) as opened:
        yield opened


async def claimed_render(services: Services, asset: Asset) -> JobRun:
    job = await services.jobs.create(asset.owner, JobKind.RENDER, asset_id=asset.id)
    run = await JobRun.claim(services.jobs.log, job.id, lease_seconds=30, first_stage="load")
    assert run is not None
    return run


async def rendered_image(services: Services, run: JobRun, frame: int | None = None
                         ) -> StoredFile:
    return await services.renders.store_image(run.job, frame, b"not really a png", "PNG")


async def asset_render_keys(asset: Asset) -> list[str]:
    stored = await Asset.get(asset.id)
    assert stored is not None
    return [file.key for file in stored.files if file.job_id is not None]


async def test_outputs_are_listed_on_the_asset_with_the_jobs_success(services: Services) -> None:
    asset = await ready_asset(services, "owner-listing")
    run = await claimed_render(services, asset)
    image = await rendered_image(services, run)

    assert await asset_render_keys(asset) == []  # stored, not listed before the job says so
    await run.succeed([image], also=services.renders.listing(run.job, [image]))

    done = await Job.get(run.job.id)
    assert done is not None and done.status is JobStatus.SUCCEEDED
    assert [output.key for output in done.outputs] == [image.key]
    assert await asset_render_keys(asset) == [image.key]


async def test_frames_recorded_stage_by_stage_are_listed_once(services: Services) -> None:
    asset = await ready_asset(services, "owner-frames")
    run = await claimed_render(services, asset)
    frames = [await rendered_image(services, run, number) for number in (1, 2)]

    await run.stage("frame 2/3", 0.4, outputs=frames[:1],
                    also=services.renders.listing(run.job, frames[:1]))
    await run.stage("frame 3/3", 0.7, outputs=frames,
                    also=services.renders.listing(run.job, frames))
    await run.succeed(frames, also=services.renders.listing(run.job, frames))
    # A redo (its worker killed before the job recorded them) lists the same frames again.
    redo = services.renders.listing(run.job.model_copy(update={"outputs": []}), frames)
    await services.jobs.log.transaction(lambda session: redo(run.job, session))

    assert await asset_render_keys(asset) == [frame.key for frame in frames]


async def test_a_failed_listing_leaves_the_job_and_the_asset_as_they_were(
        services: Services) -> None:
    asset = await ready_asset(services, "owner-atomic")
    run = await claimed_render(services, asset)
    image = await rendered_image(services, run)
    listing = services.renders.listing(run.job, [image])

    async def list_then_fail(job: Job, session: AsyncClientSession) -> None:
        await listing(job, session)
        raise Refused

    with pytest.raises(Refused):
        await run.succeed([image], also=list_then_fail)

    unchanged = await Job.get(run.job.id)
    assert unchanged is not None and unchanged.status is JobStatus.RUNNING
    assert unchanged.outputs == []
    assert await asset_render_keys(asset) == []


async def test_a_job_with_a_free_slot_is_queued_in_its_creating_write(
        services: Services) -> None:
    owner = "owner-direct-" + uuid.uuid4().hex[:6]
    first, second, third = [await services.jobs.create(owner, JobKind.RENDER)
                            for _ in range(3)]

    stored = [await Job.get(job.id) for job in (first, second, third)]
    assert [(job.dispatched, job.deliveries) for job in stored if job] == [
        (True, 1), (True, 1), (False, 0)]
    assert [await services.jobs.queue.holds(job) for job in (first, second)] == [True, True]
    assert not await services.jobs.queue.holds(third)
