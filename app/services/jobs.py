"""Jobs as users see them: create and deliver, look up, list, cancel, and recover after restarts.

Delivery is fair between owners: the job document is written QUEUED, and only
`slots_per_owner` of an owner's unfinished jobs are handed to arq at a time, interactive ones
(a render of one image) first, then oldest first. When
one ends (the worker's on_job_end) or periodically (the reaper), the owner's next job is handed
over, so the arq queue interleaves owners and one owner's backlog waits behind its own slots
instead of in front of another owner's first job; an interactive delivery also goes ahead of
the other owners' waiting deliveries in arq (see JobQueue.enqueue).
"""

from __future__ import annotations

import contextlib
import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from pymongo.errors import PyMongoError

from app.availability import REDIS_FAULTS
from app.config import Settings
from app.errors import Forbidden, InvalidState, NotFound, QuotaExceeded
from app.models.asset import Asset
from app.models.common import ErrorInfo, utcnow
from app.models.job import Job, JobKind, JobPriority, JobStatus
from app.models.project import personal_project_id
from app.models.token import Scope
from app.services.auth import Principal
from app.services.job_access import may_read
from app.services.job_log import AlsoWrite, JobLog
from app.services.pagination import Page, paginate
from app.services.queue import JobQueue

log = logging.getLogger(__name__)

UNFINISHED = [JobStatus.QUEUED.value, JobStatus.RUNNING.value]
# Jobs from before dispatching existed have no `dispatched` field: they were all handed over.
_HANDED_OVER = {"$ne": False}


@dataclass(frozen=True)
class JobLimits:
    max_per_owner: int = 100
    slots_per_owner: int = 2

    @classmethod
    def from_settings(cls, settings: Settings) -> JobLimits:
        return cls(settings.max_jobs_per_owner, settings.job_slots_per_owner)


@dataclass(frozen=True)
class JobFilter:
    status: list[JobStatus] | None = None
    kind: list[JobKind] | None = None
    asset_id: str | None = None


class JobService:
    def __init__(self, log_: JobLog, queue: JobQueue, max_page_size: int,
                 limits: JobLimits | None = None) -> None:
        self.log = log_
        self.queue = queue
        self.max_page_size = max_page_size
        self.limits = limits or JobLimits()

    async def create(
        self,
        owner: str,
        kind: JobKind,
        *,
        asset_id: str | None = None,
        scene_id: str | None = None,
        params: dict[str, Any] | None = None,
        also: AlsoWrite | None = None,
        priority: JobPriority = JobPriority.STANDARD,
        asset_version: int | None = None,
        project_id: str | None = None,
    ) -> Job:
        """Record a QUEUED job (with `also`, in the same transaction), then hand it to the
        queue; with Redis down that waits for the reaper, and the job is created all the same.
        It counts in the usage of `project_id` (its subject's project), else of the owner's
        personal project.

        When none of the owner's jobs waits and a slot is free, the job is the one `dispatch`
        would hand over next, so it is recorded handed over (saving dispatch's writes)."""
        unfinished = await self._unfinished(owner)
        self._check_capacity(len(unfinished))
        held = sum(unfinished)
        direct = held == len(unfinished) and held < self.limits.slots_per_owner
        job = Job(owner=owner, kind=kind, asset_id=asset_id, scene_id=scene_id,
                  project_id=project_id or personal_project_id(owner),
                  asset_version=asset_version, params=params or {}, stage="queued",
                  dispatched=direct, deliveries=int(direct), priority=priority)
        await self.log.record_created(job, also=also)
        try:
            if direct:
                await self.queue.enqueue(job)
            else:
                await self.dispatch(owner)
        except REDIS_FAULTS as fault:
            log.warning("job %s is recorded; the reaper will queue it (Redis: %s)", job.id, fault)
            if direct:  # else its delivery counts as lost, found after a longer grace
                with contextlib.suppress(PyMongoError):
                    await self.log.undo_dispatch(job.id)
        return job

    async def ensure_capacity(self, owner: str) -> None:
        """QUOTA_EXCEEDED when the owner already has its most queued and running jobs; checked
        before anything is stored for a new one."""
        self._check_capacity(len(await self._unfinished(owner)))

    def _check_capacity(self, active: int) -> None:
        if active >= self.limits.max_per_owner:
            raise QuotaExceeded(f"{active} jobs are queued or running; the limit is "
                                f"{self.limits.max_per_owner} per owner, wait for some to finish")

    @staticmethod
    async def _unfinished(owner: str) -> list[bool]:
        """Whether each of the owner's queued and running jobs was handed to the queue, in one
        read (there are at most the per-owner limit of them)."""
        found = Job.get_pymongo_collection().find(
            {"owner": owner, "status": {"$in": UNFINISHED}}, {"dispatched": 1})
        return [document.get("dispatched") is not False async for document in found]

    async def dispatch(self, owner: str) -> int:
        """Hand the owner's first waiting jobs (by priority, then age) to the queue until it
        holds `slots_per_owner` of them; how many were handed over. One read when none waits
        (the usual case when a job ends), rather than a count and a claim that finds none."""
        unfinished = await self._unfinished(owner)
        held = sum(unfinished)
        waiting = len(unfinished) - held
        handed = 0
        for _ in range(min(self.limits.slots_per_owner - held, waiting)):
            claimed = await self.log.claim_for_dispatch(owner)
            if claimed is None:
                break
            await self.queue.enqueue(claimed)
            handed += 1
        return handed

    async def dispatch_waiting(self, limit: int = 1000) -> int:
        """Dispatch for every owner with jobs waiting for a slot (the reaper's safety net)."""
        waiting = Job.get_pymongo_collection().find(
            {"status": JobStatus.QUEUED.value, "dispatched": False}, {"owner": 1}).limit(limit)
        owners = {document["owner"] async for document in waiting}
        return sum([await self.dispatch(owner) for owner in sorted(owners)])

    async def get_visible(self, principal: Principal, job_id: str) -> Job:
        """The job for its owner and the members of its asset's or scene's project; NOT_FOUND
        alike for anyone else and for an id of nothing."""
        principal.require(Scope.JOBS_READ)
        job = await Job.get(job_id)
        if job is None or not await may_read(principal, job):
            raise NotFound(f"no job with id {job_id}", field=["id"])
        return job

    async def get_owned(self, principal: Principal, job_id: str) -> Job:
        """The job for a change: its owner's (a project member who only reads it gets
        FORBIDDEN)."""
        job = await self.get_visible(principal, job_id)
        if not principal.can_access(job.owner):
            raise Forbidden("only the job's owner may change it")
        return job

    async def list(
        self, principal: Principal, *, first: int | None, after: str | None, where: JobFilter,
        last: int | None = None, before: str | None = None,
    ) -> Page[Job]:
        principal.require(Scope.JOBS_READ)
        query: dict[str, Any] = principal.owner_query()
        if where.asset_id and await self._shared_asset(principal, where.asset_id):
            query = {}  # every member's jobs on an asset of a project the viewer reads
        if where.status:
            query["status"] = {"$in": [s.value for s in where.status]}
        if where.kind:
            query["kind"] = {"$in": [k.value for k in where.kind]}
        if where.asset_id:
            query["asset_id"] = where.asset_id
        return await paginate(Job, query, first=first, after=after, last=last, before=before,
                              max_size=self.max_page_size)

    @staticmethod
    async def _shared_asset(principal: Principal, asset_id: str) -> bool:
        found = await Asset.get_pymongo_collection().find_one({"_id": asset_id},
                                                              {"project_id": 1, "owner": 1})
        return found is not None and principal.projects.can_read(
            found.get("project_id") or personal_project_id(found["owner"]))

    async def cancel(self, principal: Principal, job_id: str) -> Job:
        """A queued job ends CANCELLED now; a running one is asked to stop at its next step;
        INVALID_STATE for a finished one."""
        principal.require(Scope.JOBS_WRITE)
        job = await self.get_owned(principal, job_id)
        if job.is_terminal:
            raise InvalidState(f"the job is already {job.status.value}", field=["id"])
        return await self._stop(principal, job_id)

    async def stop_unless_finished(self, principal: Principal, job_id: str) -> Job:
        """As `cancel`, but a job that has finished (perhaps since its caller looked) is
        returned as it ended."""
        principal.require(Scope.JOBS_WRITE)
        job = await self.get_owned(principal, job_id)
        return job if job.is_terminal else await self._stop(principal, job_id)

    async def _stop(self, principal: Principal, job_id: str) -> Job:
        now = utcnow()
        cancelled = await self.log.apply(
            job_id,
            {"status": JobStatus.CANCELLED.value, "stage": "cancelled", "finished_at": now,
             "cancel_requested": True, "message": "cancelled before it started",
             "error": ErrorInfo(code="CANCELLED", message="cancelled by the user").model_dump()},
            only_if={"status": JobStatus.QUEUED.value},
        )
        if cancelled is not None:
            return cancelled
        requested = await self.log.apply(
            job_id, {"cancel_requested": True, "message": "cancellation requested"},
            only_if={"cancel_requested": False},
        )
        return requested or await self.get_visible(principal, job_id)

    async def pin(self, principal: Principal, job_id: str, pinned: bool) -> Job:
        """Keep a render's or conversion's outputs past ATELIER_OUTPUT_RETENTION_DAYS (or let
        them expire again); INVALID_STATE for other kinds, which have no expiring outputs."""
        principal.require(Scope.JOBS_WRITE)
        job = await self.get_owned(principal, job_id)
        if job.kind not in (JobKind.RENDER, JobKind.CONVERT):
            raise InvalidState(f"a {job.kind.value} job has no outputs that expire",
                               field=["id"])
        changed = await self.log.set_pinned(job.id, pinned)
        if changed is None:
            raise NotFound(f"no job with id {job_id}", field=["id"])
        return changed

    async def renew_lease(self, job_id: str, seconds: float, *, attempt: int) -> bool:
        """Keep attempt `attempt` of a running job claimed by its live worker; False when the
        job ended or another attempt took it over. Not an event: clients do not see it."""
        return await self.log.renew_lease(job_id, attempt,
                                          utcnow() + timedelta(seconds=seconds))

    async def redeliver_stalled(self, queued_grace_seconds: float) -> int:
        """Hand back to the queue every running job whose worker went silent, and deliver
        again queued jobs the queue lost (a Redis without its data, say)."""
        now = utcnow()
        count = 0
        stalled = Job.find({"status": JobStatus.RUNNING, "lease_expires_at": {"$lt": now}})
        async for job in stalled.limit(50):
            requeued = await self.log.apply(
                job.id,
                {"status": JobStatus.QUEUED.value, "stage": "redelivering",
                 "lease_expires_at": None,
                 "message": "its worker stopped responding; another worker will redo it"},
                only_if={"status": JobStatus.RUNNING.value,
                         "lease_expires_at": job.lease_expires_at},
            )
            if requeued is not None:
                await self.queue.release(requeued)
                await self.queue.enqueue(requeued)
                count += 1
        lost_before = now - timedelta(seconds=queued_grace_seconds)
        async for job in Job.find({"status": JobStatus.QUEUED, "dispatched": _HANDED_OVER,
                                   "created_at": {"$lt": lost_before}}).limit(50):
            if not await self.queue.holds(job):
                await self.queue.enqueue(job)
                count += 1
        if count:
            log.warning("redelivered %d stalled or lost jobs", count)
        await self.dispatch_waiting()
        return count

    async def redeliver_unfinished(self) -> int:
        """Enqueue again every job the database says was handed over and is unfinished (after
        a restart, say), then hand over those waiting for a slot."""
        count = 0
        async for job in Job.find({"status": {"$in": UNFINISHED}, "dispatched": _HANDED_OVER}):
            await self.queue.enqueue(job)
            count += 1
        count += await self.dispatch_waiting()
        if count:
            log.info("redelivered %d unfinished jobs", count)
        return count
