"""Leases keep a running job claimed while its worker lives; a reaper in every worker hands
back jobs whose worker died, so a SIGKILLed worker loses no job (arq alone would wait for its
job timeout before anyone retried it). When a job's delivery ends, its owner's next waiting job
is handed to the queue (see JobService.dispatch)."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any

from pymongo.errors import PyMongoError
from redis.exceptions import RedisError

from app.models.job import Job
from app.services.container import Services
from app.services.queue import job_of_delivery

log = logging.getLogger(__name__)


async def start_lease(ctx: dict[str, Any]) -> None:
    """arq's on_job_start: renew this job's lease until the job function returns. The claim
    takes the first lease, so renewing starts a third of a lease later: a write racing the
    claim's transaction would only make it retry."""
    services: Services = ctx["services"]
    seconds = services.settings.job_lease_seconds
    job_id = job_of_delivery(ctx["job_id"])

    async def renew() -> None:
        while True:
            await asyncio.sleep(seconds / 3)
            with contextlib.suppress(PyMongoError):
                await services.jobs.renew_lease(job_id, seconds)

    ctx["leases"][job_id] = asyncio.create_task(renew(), name=f"lease-{job_id}")


async def end_lease(ctx: dict[str, Any]) -> None:
    """arq's on_job_end; the slot the job held goes to its owner's next waiting job."""
    job_id = job_of_delivery(ctx["job_id"])
    task: asyncio.Task[None] | None = ctx["leases"].pop(job_id, None)
    if task is not None:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
    await _dispatch_next(ctx["services"], job_id)


async def _dispatch_next(services: Services, job_id: str) -> None:
    try:
        job = await Job.get(job_id)
        if job is not None:
            await services.jobs.dispatch(job.owner)
    except (PyMongoError, RedisError) as fault:  # the reaper dispatches it later
        log.warning("the job after %s waits for the reaper: %s", job_id, fault)


async def reap_forever(services: Services) -> None:
    seconds = services.settings.job_lease_seconds
    while True:
        await asyncio.sleep(seconds / 2)
        try:
            await services.jobs.redeliver_stalled(queued_grace_seconds=seconds * 2)
        except (PyMongoError, RedisError, OSError) as fault:
            log.warning("the job reaper will try again: %s", fault)
