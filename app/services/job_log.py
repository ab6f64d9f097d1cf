"""The write path of jobs: each change updates the job document and appends its event in one
bounded transaction (the database is the source of truth); subscribers follow the events
through the database's change stream (`change_feed`). Events of a finished job expire after
the retention setting (a TTL index); `replay` says when a resume point fell out of that window.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any, TypeVar

import pymongo
from beanie import SortDirection
from pymongo import AsyncMongoClient, UpdateOne
from pymongo.asynchronous.client_session import AsyncClientSession
from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.faults import JOB_COMMITTED, crash_point
from app.models.common import utcnow
from app.models.job import TERMINAL_JOB_STATUSES, Job, JobEvent, JobStatus
from app.services.job_metrics import StageTrail, record_finished
from app.services.point_writes import claim_first, update_by_id

log = logging.getLogger(__name__)

_NOT_TERMINAL = {"$nin": [status.value for status in TERMINAL_JOB_STATUSES]}
T = TypeVar("T")
# Another write in the transaction that creates a job (the asset it works on, say).
AlsoWrite = Callable[[Job, AsyncClientSession], Awaitable[None]]


@dataclass(frozen=True)
class JobLogPolicy:
    transaction_seconds: float
    event_retention_seconds: float
    progress_min_interval_seconds: float
    fault_inject: str | None = None


@dataclass(frozen=True)
class Replay:
    """Events after a resume point; when `gap`, some expired and `current` is the job now."""

    events: list[JobEvent]
    gap: bool = False
    current: Job | None = None


class JobLog:
    def __init__(self, client: AsyncMongoClient[Any], redis: Redis,
                 policy: JobLogPolicy) -> None:
        self._client = client
        self._redis = redis
        self.policy = policy

    async def transaction(self, write: Callable[[AsyncClientSession], Awaitable[T]]) -> T:
        """Run `write` in one transaction, retried on transient errors only while the time
        budget lasts: a database that is down fails it in seconds, not pymongo's 120."""
        with pymongo.timeout(self.policy.transaction_seconds):
            async with self._client.start_session() as session:
                return await session.with_transaction(write)

    async def record_created(self, job: Job, *, also: AlsoWrite | None = None) -> None:
        """Insert the job and its first event, and `also` (if given), all or nothing."""
        snapshot = job.model_dump(by_alias=True)

        async def write(session: AsyncClientSession) -> None:
            if also is not None:
                await also(job, session)
            await Job.get_pymongo_collection().insert_one(snapshot, session=session)
            await self._insert_event(job.id, job.sequence, snapshot, None, session)

        await self.transaction(write)
        crash_point(JOB_COMMITTED, self.policy.fault_inject)

    async def apply(
        self,
        job_id: str,
        changes: dict[str, Any],
        *,
        only_if: dict[str, Any] | None = None,
        increment: dict[str, int] | None = None,
        also: AlsoWrite | None = None,
        trail: StageTrail | None = None,
    ) -> Job | None:
        """Apply `changes` to an unfinished job as one new event, with `also` (given the job as
        changed) in the same transaction; None if it is finished or `only_if` does not match.
        A write that ends the job may give the attempt's `trail` of stages, saving the read of
        its events for the stage metrics."""
        conditions = {"status": _NOT_TERMINAL, **(only_if or {})}
        update = {"$set": changes, "$inc": {**(increment or {}), "sequence": 1}}
        written: dict[str, Any] = {}

        async def write(session: AsyncClientSession) -> None:
            written.clear()
            document = await update_by_id(Job.get_pymongo_collection(), job_id, update,
                                          conditions=conditions, session=session)
            if document is None:
                return
            expires_at = self._expiry(document)
            if expires_at is not None:
                await JobEvent.get_pymongo_collection().update_many(
                    {"job_id": job_id}, {"$set": {"expires_at": expires_at}}, session=session)
            await self._insert_event(job_id, document["sequence"], document, expires_at,
                                     session)
            if also is not None:
                await also(Job.model_validate(document), session)
            written.update(document)

        await self.transaction(write)
        if not written:
            return None
        job: Job = Job.model_validate(written)
        if job.is_terminal:
            try:
                await record_finished(self._redis, job, trail)
            except RedisError as fault:
                log.warning("job %s metrics not recorded: %s", job_id, fault)
        return job

    async def events_after(self, job_id: str, sequence: int, limit: int = 500) -> list[JobEvent]:
        return (
            await JobEvent.find({"job_id": job_id, "sequence": {"$gt": sequence}})
            .sort([("sequence", SortDirection.ASCENDING)])
            .limit(limit)
            .to_list()
        )

    async def replay(self, job_id: str, after_sequence: int, limit: int = 500) -> Replay:
        """The events after `after_sequence`, or a gap when they expired (only a finished
        job's events expire, so a gap is never reported for one still changing)."""
        after_sequence = max(after_sequence, 0)
        events = await self.events_after(job_id, after_sequence, limit)
        if events and events[0].sequence == after_sequence + 1:
            return Replay(events)
        current = await Job.get(job_id)
        if events or (current is not None and current.is_terminal
                      and current.sequence > after_sequence):
            return Replay(events, gap=True, current=current)
        return Replay(events)

    # Writes that are not events: clients never see them, so they bump no sequence.

    @staticmethod
    async def claim_for_dispatch(owner: str) -> Job | None:
        """Mark the owner's first queued job not yet handed to the queue (highest priority, then
        oldest; a job from before priorities sorts last among equals) as handed over (one more
        delivery), or None when there is none; the filter makes each claim happen once."""
        document = await claim_first(
            Job.get_pymongo_collection(),
            {"owner": owner, "status": JobStatus.QUEUED.value, "dispatched": False},
            {"$set": {"dispatched": True}, "$inc": {"deliveries": 1}},
            sort=[("priority", -1), ("created_at", 1)])
        return None if document is None else Job.model_validate(document)

    @staticmethod
    async def undo_dispatch(job_id: str) -> None:
        """Mark a queued job that was recorded handed over, but that the queue did not take,
        as waiting again (the reaper then dispatches it)."""
        await Job.get_pymongo_collection().update_one(
            {"_id": job_id, "status": JobStatus.QUEUED.value, "dispatched": True},
            {"$set": {"dispatched": False}, "$inc": {"deliveries": -1}})

    @staticmethod
    async def renew_lease(job_id: str, attempt: int, until: datetime) -> bool:
        """Extend attempt `attempt` of a running job; False when the job ended or another
        attempt took it over."""
        renewed = await Job.get_pymongo_collection().update_one(
            {"_id": job_id, "status": JobStatus.RUNNING.value, "attempts": attempt},
            {"$set": {"lease_expires_at": until}})
        return bool(renewed.matched_count)

    @staticmethod
    async def set_param(job_id: str, name: str, value: Any) -> None:
        """Set one of the job's `params` (what its next turns read, such as a bundle's
        remaining members)."""
        await Job.get_pymongo_collection().update_one(
            {"_id": job_id}, {"$set": {f"params.{name}": value}})

    @staticmethod
    async def set_pinned(job_id: str, pinned: bool) -> Job | None:
        """Keep (or stop keeping) the job's outputs past their retention; the job after, or
        None when it is gone. Not an event: the job's state does not change."""
        document = await update_by_id(Job.get_pymongo_collection(), job_id,
                                      {"$set": {"pinned": pinned}})
        return None if document is None else Job.model_validate(document)

    @staticmethod
    async def drop_outputs(job_id: str) -> None:
        """Forget the outputs of a finished job whose files have expired."""
        await Job.get_pymongo_collection().update_one(
            {"_id": job_id, "pinned": {"$ne": True}},
            {"$set": {"outputs": [], "message": "its outputs expired and were deleted"}})

    @staticmethod
    async def drop_asset_outputs(asset_id: str) -> None:
        """Forget the outputs of every job of an asset swept from the trash with its files."""
        await Job.get_pymongo_collection().update_many(
            {"asset_id": asset_id, "outputs.0": {"$exists": True}}, {"$set": {"outputs": []}})

    @staticmethod
    async def give_projects(projects: Mapping[str, str]) -> None:
        """Give each job (by id) stored without a project the project its usage counts in;
        a job given one meanwhile keeps it."""
        if projects:
            await Job.get_pymongo_collection().bulk_write([
                UpdateOne({"_id": job_id, "project_id": None}, {"$set": {"project_id": project}})
                for job_id, project in projects.items()], ordered=False)

    def _expiry(self, document: dict[str, Any]) -> datetime | None:
        if document.get("status") not in {status.value for status in TERMINAL_JOB_STATUSES}:
            return None
        return utcnow() + timedelta(seconds=self.policy.event_retention_seconds)

    @staticmethod
    async def _insert_event(
        job_id: str, sequence: int, snapshot: dict[str, Any], expires_at: datetime | None,
        session: AsyncClientSession,
    ) -> None:
        event = {"job_id": job_id, "sequence": sequence, "snapshot": snapshot,
                 "created_at": utcnow(), "expires_at": expires_at}
        await JobEvent.get_pymongo_collection().insert_one(event, session=session)
