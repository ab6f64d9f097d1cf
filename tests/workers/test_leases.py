"""Leases are honest, on the real database: a worker renews only the attempt it claimed, and
gives its lease up once another attempt took the job over, never extending that one's."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models.job import Job, JobKind, JobStatus
from app.services.container import Services, opened_services
from app.workers.job_run import JobRun
from app.workers.leases import Lease, end_lease, hold, start_lease

LEASE_SECONDS = 0.3


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="leases_test", queue_name="atelier:queue:leases-test",
                        secret_key="test", storage_dir=tmp_path_factory.mktemp("leases"),
                        job_lease_seconds=LEASE_SECONDS)
    async with opened_services(settings) as opened:
        yield opened


async def claimed(services: Services) -> tuple[JobRun, dict[str, Any]]:
    job = await services.jobs.create("owner-leases", JobKind.RENDER, params={})
    ctx: dict[str, Any] = {"services": services, "leases": {}, "job_id": f"{job.id}@1"}
    await start_lease(ctx)
    run = await JobRun.claim(services.jobs.log, job.id, lease_seconds=LEASE_SECONDS)
    assert run is not None
    hold(ctx, run)
    return run, ctx


async def lease_expiry(job_id: str) -> Any:
    job = await Job.get(job_id)
    assert job is not None
    return job.lease_expires_at


async def test_a_live_worker_keeps_renewing_its_attempt(services: Services) -> None:
    run, ctx = await claimed(services)
    first = run.job.lease_expires_at

    await asyncio.sleep(LEASE_SECONDS * 2)
    renewed = await lease_expiry(run.job.id)
    lease: Lease = ctx["leases"][ctx["job_id"]]
    still_renewing = lease.task is not None and not lease.task.done()
    await end_lease(ctx)

    assert first is not None and renewed > first
    assert still_renewing


async def test_a_lease_taken_over_by_another_attempt_is_given_up(services: Services) -> None:
    run, ctx = await claimed(services)
    lease: Lease = ctx["leases"][ctx["job_id"]]
    # The reaper hands the job back and another worker claims it: attempt 2 holds it now.
    requeued = await services.jobs.log.apply(run.job.id, {"status": JobStatus.QUEUED.value})
    assert requeued is not None
    second = await JobRun.claim(services.jobs.log, run.job.id, lease_seconds=60)
    assert second is not None and second.job.attempts == 2
    taken_over_until = await lease_expiry(run.job.id)

    await asyncio.sleep(LEASE_SECONDS * 2)
    after = await lease_expiry(run.job.id)
    gave_up = lease.task is not None and lease.task.done()
    await end_lease(ctx)

    assert after == taken_over_until  # attempt 1 never extended attempt 2's lease
    assert gave_up
