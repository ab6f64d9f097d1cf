"""The write path of jobs: each change updates the job document and appends its event in one
transaction (the database is the source of truth), then a notice goes out through Redis."""

from __future__ import annotations

from typing import Any

from pymongo import AsyncMongoClient, ReturnDocument
from pymongo.asynchronous.client_session import AsyncClientSession
from redis.asyncio import Redis

from app.models.common import utcnow
from app.models.job import TERMINAL_JOB_STATUSES, Job, JobEvent
from app.services.events import EventBus, job_topic
from app.services.job_metrics import record_finished

_NOT_TERMINAL = {"$nin": [status.value for status in TERMINAL_JOB_STATUSES]}


class JobLog:
    def __init__(self, client: AsyncMongoClient, bus: EventBus, redis: Redis) -> None:
        self._client = client
        self._bus = bus
        self._redis = redis

    async def record_created(self, job: Job) -> None:
        snapshot = job.model_dump(by_alias=True)

        async def write(session: AsyncClientSession) -> None:
            await Job.get_pymongo_collection().insert_one(snapshot, session=session)
            await self._insert_event(job.id, job.sequence, snapshot, session)

        async with self._client.start_session() as session:
            await session.with_transaction(write)
        await self._bus.publish(job_topic(job.id), {"sequence": job.sequence})

    async def apply(
        self,
        job_id: str,
        changes: dict[str, Any],
        *,
        only_if: dict[str, Any] | None = None,
        increment: dict[str, int] | None = None,
    ) -> Job | None:
        """Apply `changes` to an unfinished job as one new event; None if it is finished or
        `only_if` does not match."""
        query = {"_id": job_id, "status": _NOT_TERMINAL, **(only_if or {})}
        update = {"$set": changes, "$inc": {**(increment or {}), "sequence": 1}}
        written: dict[str, Any] = {}

        async def write(session: AsyncClientSession) -> None:
            written.clear()
            document = await Job.get_pymongo_collection().find_one_and_update(
                query, update, return_document=ReturnDocument.AFTER, session=session
            )
            if document is not None:
                await self._insert_event(job_id, document["sequence"], document, session)
                written.update(document)

        async with self._client.start_session() as session:
            await session.with_transaction(write)
        if not written:
            return None
        await self._bus.publish(job_topic(job_id), {"sequence": written["sequence"]})
        job = Job.model_validate(written)
        if job.is_terminal:
            await record_finished(self._redis, job)
        return job

    async def events_after(self, job_id: str, sequence: int, limit: int = 500) -> list[JobEvent]:
        return (
            await JobEvent.find({"job_id": job_id, "sequence": {"$gt": sequence}})
            .sort([("sequence", 1)])
            .limit(limit)
            .to_list()
        )

    @staticmethod
    async def _insert_event(
        job_id: str, sequence: int, snapshot: dict[str, Any], session: AsyncClientSession
    ) -> None:
        event = {"job_id": job_id, "sequence": sequence, "snapshot": snapshot,
                 "created_at": utcnow()}
        await JobEvent.get_pymongo_collection().insert_one(event, session=session)
