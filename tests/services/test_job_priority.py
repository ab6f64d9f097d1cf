"""Job priority on the real database and Redis (no worker reads this test's queue): an owner's
interactive job is handed over before its older waiting jobs, and its delivery goes ahead of
other owners' deliveries already waiting in arq."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models.job import Job, JobKind, JobPriority, JobStatus
from app.services.container import Services, opened_services
from app.services.queue import job_of_delivery

QUEUE = "atelier:queue:job-priority-test"


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="job_priority_test", queue_name=QUEUE, secret_key="test",
                        storage_dir=tmp_path_factory.mktemp("job-priority"),
                        job_slots_per_owner=1)
    async with opened_services(settings) as opened:
        yield opened


def owner() -> str:
    return "owner-" + uuid.uuid4().hex[:8]


async def queued_order(services: Services) -> list[str]:
    deliveries = await services.jobs.queue.pool.zrange(QUEUE, 0, -1)
    return [job_of_delivery(delivery.decode()) for delivery in deliveries]


async def finish(job: Job) -> None:
    await Job.get_pymongo_collection().update_one(
        {"_id": job.id}, {"$set": {"status": JobStatus.SUCCEEDED.value}})


async def test_an_owners_interactive_job_is_handed_over_before_its_older_waiting_jobs(
    services: Services,
) -> None:
    me = owner()
    running = await services.jobs.create(me, JobKind.INGEST)
    older = [await services.jobs.create(me, JobKind.INGEST) for _ in range(3)]
    render = await services.jobs.create(me, JobKind.RENDER, priority=JobPriority.INTERACTIVE)

    handed_first = [(await Job.get(job.id)) for job in (running, *older, render)]
    await finish(running)
    assert await services.jobs.dispatch(me) == 1
    render_after = await Job.get(render.id)
    older_after = [await Job.get(job.id) for job in older]

    assert [job is not None and job.dispatched for job in handed_first] == [
        True, False, False, False, False]
    assert render_after is not None and render_after.dispatched
    assert render_after.priority is JobPriority.INTERACTIVE
    assert [job is not None and job.dispatched for job in older_after] == [False] * 3


async def test_an_interactive_delivery_goes_ahead_of_other_owners_waiting_deliveries(
    services: Services,
) -> None:
    bulk = [await services.jobs.create(owner(), JobKind.INGEST) for _ in range(3)]
    render = await services.jobs.create(owner(), JobKind.RENDER,
                                        priority=JobPriority.INTERACTIVE)
    later = await services.jobs.create(owner(), JobKind.CONVERT)

    order = await queued_order(services)
    mine = [job_id for job_id in order if job_id in {j.id for j in (*bulk, render, later)}]

    assert mine == [render.id, *(job.id for job in bulk), later.id]
