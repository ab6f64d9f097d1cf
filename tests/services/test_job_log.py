"""Job events stay bounded, on the real database: progress inside a stage is coalesced by the
setting, events of a finished job expire through the TTL index, and a resume point older than
what is kept is answered with the job's state and a gap, never an error."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models.common import utcnow
from app.models.job import Job, JobEvent, JobKind, JobStatus
from app.services.container import Services, opened_services
from app.workers.job_run import JobRun

RETENTION_SECONDS = 3600
TICKS = 40


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="job_log_test", queue_name="atelier:queue:job-log-test",
                        secret_key="test", storage_dir=tmp_path_factory.mktemp("job-log"),
                        job_event_retention_seconds=RETENTION_SECONDS)
    async with opened_services(settings) as opened:
        yield opened


async def new_job(services: Services) -> Job:
    return await services.jobs.create("owner-job-log", JobKind.RENDER, params={})


async def progress_ticks(services: Services, interval: float) -> list[JobEvent]:
    """A job that reports TICKS progress steps in one stage as fast as it can."""
    log = services.jobs.log
    log.policy = dataclasses.replace(log.policy, progress_min_interval_seconds=interval)
    job = await new_job(services)
    run = await JobRun.claim(log, job.id, lease_seconds=30, first_stage="work")
    assert run is not None
    report = run.within(0.0, 1.0)
    for tick in range(TICKS):
        await report("work", tick / TICKS)
    return await JobEvent.find({"job_id": job.id}).to_list()


async def test_progress_ticks_are_coalesced_by_the_setting(services: Services) -> None:
    every_tick = await progress_ticks(services, interval=0)
    coalesced = await progress_ticks(services, interval=3600)

    assert len(every_tick) == 2 + TICKS  # created, claimed, then each tick
    assert len(coalesced) == 2  # only the claim's stage change: every later tick was too soon


async def test_events_of_a_finished_job_expire_and_a_late_resume_reports_a_gap(
    services: Services,
) -> None:
    log = services.jobs.log
    job = await new_job(services)
    await log.apply(job.id, {"status": JobStatus.RUNNING.value, "stage": "work"})
    running = await JobEvent.find({"job_id": job.id}).to_list()
    finished = await log.apply(job.id, {"status": JobStatus.SUCCEEDED.value,
                                        "finished_at": utcnow()})
    assert finished is not None
    kept = await JobEvent.find({"job_id": job.id}).to_list()
    resumed_in_time = await log.replay(job.id, 1)

    # The retention passes: move the expiry into the past and let the TTL index sweep.
    await JobEvent.get_pymongo_collection().update_many(
        {"job_id": job.id}, {"$set": {"expires_at": utcnow() - timedelta(seconds=1)}})
    await services.mongo.admin.command({"secantusAdmin.pruneTtl": 1})
    left = await JobEvent.find({"job_id": job.id}).count()
    resumed_late = await log.replay(job.id, 1)

    assert [event.expires_at for event in running] == [None, None]
    expiry = utcnow() + timedelta(seconds=RETENTION_SECONDS)
    assert all(abs((e.expires_at - expiry).total_seconds()) < 60 for e in kept if e.expires_at)
    assert len(kept) == 3 and all(event.expires_at is not None for event in kept)
    assert [e.sequence for e in resumed_in_time.events] == [2, 3] and not resumed_in_time.gap
    assert left == 0
    assert resumed_late.gap and resumed_late.events == []
    assert resumed_late.current is not None and resumed_late.current.sequence == 3


async def test_a_running_job_never_reports_a_gap(services: Services) -> None:
    log = services.jobs.log
    job = await new_job(services)
    await log.apply(job.id, {"status": JobStatus.RUNNING.value, "stage": "work"})

    caught_up = await log.replay(job.id, 2)
    from_start = await log.replay(job.id, 0)

    assert caught_up.events == [] and not caught_up.gap
    assert [e.sequence for e in from_start.events] == [1, 2] and not from_start.gap
