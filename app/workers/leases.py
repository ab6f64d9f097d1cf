"""Leases keep a running job claimed while its worker lives; a reaper in every worker hands
back jobs whose worker died, so a SIGKILLed worker loses no job (arq alone would wait for its
job timeout before anyone retried it), recovers assets an older version left without a job, sweeps
the trash of what its retention no longer keeps and expires renders and conversions.

A lease is honest: it is renewed only for the attempt this worker claimed (the job's
`attempts` is the fencing token), a renewal that fails (the database is down) is not counted
as renewed and does not stop the job, and a lease found taken over is given up.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field
from typing import Any

from pymongo.errors import PyMongoError
from redis.exceptions import RedisError

from app.models.job import Job
from app.services.asset_writes import backfill_search_keys
from app.services.container import Services
from app.services.job_projects import backfill_job_projects
from app.services.projects import migrate_to_personal_projects
from app.services.queue import job_of_delivery
from app.services.trash import backfill_summaries
from app.workers.job_run import JobRun
from app.workers.retry import PASSING_FAULTS

log = logging.getLogger(__name__)


@dataclass
class Lease:
    """One job delivery's lease; `attempt` is known once the job function has claimed it."""

    seconds: float
    job_id: str | None = None
    attempt: int | None = None
    owner: str | None = None  # whose next waiting job the slot goes to when this one ends
    held_until: float = field(default_factory=time.monotonic)
    task: asyncio.Task[None] | None = None

    def claimed(self, run: JobRun) -> None:
        self.job_id, self.attempt, self.owner = run.job.id, run.job.attempts, run.job.owner
        self.held_until = time.monotonic() + self.seconds

    @property
    def lapsed(self) -> bool:
        return time.monotonic() > self.held_until


async def start_lease(ctx: dict[str, Any]) -> None:
    """arq's on_job_start: renew this delivery's lease until the job function returns. The
    claim takes the first lease, so renewing starts a third of a lease later."""
    services: Services = ctx["services"]
    lease = Lease(services.settings.job_lease_seconds)
    lease.task = asyncio.create_task(_renew(services, lease), name=f"lease-{ctx['job_id']}")
    ctx["leases"][ctx["job_id"]] = lease


def hold(ctx: dict[str, Any], run: JobRun) -> None:
    """Tie this delivery's lease to the attempt the job function just claimed (a job function
    called outside arq, as tests do, has none)."""
    lease: Lease | None = ctx.get("leases", {}).get(ctx.get("job_id"))
    if lease is not None:
        lease.claimed(run)


async def end_lease(ctx: dict[str, Any]) -> None:
    """arq's on_job_end; the slot the job held goes to its owner's next waiting job."""
    lease: Lease | None = ctx["leases"].pop(ctx["job_id"], None)
    if lease is not None and lease.task is not None:
        lease.task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await lease.task
    owner = lease.owner if lease is not None else None
    await _dispatch_next(ctx["services"], job_of_delivery(ctx["job_id"]), owner)


async def _dispatch_next(services: Services, job_id: str, owner: str | None) -> None:
    """Dispatch for the job's owner: known from the claim, else (a delivery that claimed
    nothing) read from the job."""
    try:
        if owner is None:
            job = await Job.get(job_id)
            owner = job.owner if job is not None else None
        if owner is not None:
            await services.jobs.dispatch(owner)
    except (PyMongoError, RedisError) as fault:  # the reaper dispatches it later
        log.warning("the job after %s waits for the reaper: %s", job_id, fault)


async def _renew(services: Services, lease: Lease) -> None:
    while True:
        await asyncio.sleep(lease.seconds / 3)
        if lease.job_id is None or lease.attempt is None:
            continue
        try:
            held = await services.jobs.renew_lease(lease.job_id, lease.seconds,
                                                   attempt=lease.attempt)
        except PyMongoError as fault:
            state = "lapsed" if lease.lapsed else "still held"
            log.warning("lease of job %s not renewed (%s), %s: %s", lease.job_id,
                        type(fault).__name__, state, fault)
            continue
        if not held:
            log.warning("job %s attempt %d is no longer leased to this worker; the lease is "
                        "given up", lease.job_id, lease.attempt)
            return
        lease.held_until = time.monotonic() + lease.seconds


async def reap_forever(services: Services) -> None:
    seconds = services.settings.job_lease_seconds
    backfilled = False
    while True:
        await asyncio.sleep(seconds / 2)
        try:
            # Once per worker: assets stored before search get its keys, trash entries put
            # away before the trash list its fields.
            if not backfilled:
                if given := await backfill_search_keys():
                    log.info("gave search keys to %d assets stored before search", given)
                if given := await backfill_summaries():
                    log.info("gave %d trash entries the project and name the trash lists by",
                             given)
                backfilled = True
            await migrate_to_personal_projects()
            if given := await backfill_job_projects():
                log.info("gave %d jobs stored before projects the project they count in", given)
            await services.jobs.redeliver_stalled(queued_grace_seconds=seconds * 2)
            await services.assets.recover_orphans(
                older_than_seconds=services.settings.orphan_grace_seconds)
            await services.trash_sweeper.sweep()
            await services.output_expiry.sweep()
        except PASSING_FAULTS as fault:  # S3's too: sweeps delete from the bucket
            log.warning("the job reaper will try again: %s", fault)
