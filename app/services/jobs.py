"""Jobs as users see them: create and deliver, look up, list, cancel, and recover after restarts."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from app.errors import InvalidState, NotFound
from app.models.common import ErrorInfo, utcnow
from app.models.job import Job, JobKind, JobStatus
from app.models.token import Scope
from app.services.auth import Principal
from app.services.job_log import JobLog
from app.services.pagination import Page, paginate
from app.services.queue import JobQueue

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class JobFilter:
    status: list[JobStatus] | None = None
    kind: list[JobKind] | None = None
    asset_id: str | None = None


class JobService:
    def __init__(self, log_: JobLog, queue: JobQueue, max_page_size: int) -> None:
        self.log = log_
        self.queue = queue
        self.max_page_size = max_page_size

    async def create(
        self,
        owner: str,
        kind: JobKind,
        *,
        asset_id: str | None = None,
        scene_id: str | None = None,
        params: dict[str, Any] | None = None,
    ) -> Job:
        job = Job(owner=owner, kind=kind, asset_id=asset_id, scene_id=scene_id,
                  params=params or {}, stage="queued")
        await self.log.record_created(job)
        await self.queue.enqueue(job)
        return job

    async def get_visible(self, principal: Principal, job_id: str) -> Job:
        principal.require(Scope.JOBS_READ)
        job = await Job.get(job_id)
        if job is None or not principal.can_access(job.owner):
            raise NotFound(f"no job with id {job_id}", field=["id"])
        return job

    async def list(
        self, principal: Principal, *, first: int | None, after: str | None, where: JobFilter
    ) -> Page[Job]:
        principal.require(Scope.JOBS_READ)
        query: dict[str, Any] = principal.owner_query()
        if where.status:
            query["status"] = {"$in": [s.value for s in where.status]}
        if where.kind:
            query["kind"] = {"$in": [k.value for k in where.kind]}
        if where.asset_id:
            query["asset_id"] = where.asset_id
        return await paginate(Job, query, first=first, after=after, max_size=self.max_page_size)

    async def cancel(self, principal: Principal, job_id: str) -> Job:
        """A queued job ends CANCELLED now; a running one is asked to stop at its next step."""
        principal.require(Scope.JOBS_WRITE)
        job = await self.get_visible(principal, job_id)
        if job.is_terminal:
            raise InvalidState(f"the job is already {job.status.value}", field=["id"])
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

    async def renew_lease(self, job_id: str, seconds: float) -> None:
        """Keep a job claimed by a live worker; not an event, clients do not see it."""
        await Job.find_one(
            {"_id": job_id, "status": {"$in": [JobStatus.QUEUED, JobStatus.RUNNING]}}
        ).update({"$set": {"lease_expires_at": utcnow() + timedelta(seconds=seconds)}})

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
                await self.queue.release(job.id)
                await self.queue.enqueue(requeued)
                count += 1
        lost_before = now - timedelta(seconds=queued_grace_seconds)
        async for job in Job.find({"status": JobStatus.QUEUED,
                                   "created_at": {"$lt": lost_before}}).limit(50):
            if not await self.queue.holds(job.id):
                await self.queue.enqueue(job)
                count += 1
        if count:
            log.warning("redelivered %d stalled or lost jobs", count)
        return count

    async def redeliver_unfinished(self) -> int:
        """Enqueue again every job the database says is unfinished (after a restart, say)."""
        count = 0
        async for job in Job.find({"status": {"$in": [JobStatus.QUEUED, JobStatus.RUNNING]}}):
            await self.queue.enqueue(job)
            count += 1
        if count:
            log.info("redelivered %d unfinished jobs", count)
        return count
