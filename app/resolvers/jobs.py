"""Job fields: job/jobs queries, jobCancel, jobRetry, jobPin, and the jobProgress subscription."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import strawberry

from app.context import Context
from app.errors import NotFound
from app.models.job import JobKind, JobStatus
from app.resolvers.errors import errors_as_data
from app.resolvers.idempotency import IdempotencyKey, once
from app.resolvers.job_types import Job, JobConnection
from app.resolvers.pages import After, Before, First, Last, connection
from app.schema.job import JobEvent, JobFilter, JobPayload
from app.services.idempotency import JOB_REPLAY
from app.services.job_retry import JobRetryService
from app.services.jobs import JobFilter as JobQueryFilter

Info = strawberry.Info[Context, None]
JobId = Annotated[strawberry.ID, strawberry.argument(description="The job's id (job_...)")]


@strawberry.type
class JobQuery:
    @strawberry.field(description="One of the viewer's jobs, or null when it has none with "
                      "this id.")
    async def job(self, info: Info, id: JobId) -> Job | None:
        try:
            found = await info.context.services.jobs.get_visible(info.context.viewer, id)
        except NotFound:
            return None
        return Job.from_model(found)

    @strawberry.field(description="The viewer's jobs, newest first.")
    async def jobs(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        filter: Annotated[JobFilter | None, strawberry.argument(
            description="Only the jobs that match")] = None,
        last: Last = None,
        before: Before = None,
    ) -> JobConnection:
        where = JobQueryFilter(
            status=[JobStatus(s.value) for s in filter.status] if filter.status else None,
            kind=[JobKind(k.value) for k in filter.kind] if filter.kind else None,
            asset_id=filter.asset_id,
        ) if filter else JobQueryFilter()
        page = await info.context.services.jobs.list(
            info.context.viewer, first=first, after=after, last=last, before=before, where=where
        )
        return connection(page, Job.from_model)


@strawberry.type
class JobMutation:
    @strawberry.mutation(description="Cancel a queued job now, or a running one at its next step.")
    @errors_as_data(JobPayload)
    async def job_cancel(self, info: Info, id: JobId) -> JobPayload:
        job = await info.context.services.jobs.cancel(info.context.viewer, id)
        return JobPayload(job=Job.from_model(job))

    @strawberry.mutation(description="Run a FAILED or CANCELLED job again as a new job of "
                         "the same kind, subject and parameters, checked like a new request; "
                         "the old job stays as it ended. An ingest is retried while its asset "
                         "is FAILED (not a new version's or a zip's); an import is not.")
    @errors_as_data(JobPayload)
    async def job_retry(self, info: Info, id: JobId,
                        idempotency_key: IdempotencyKey = None) -> JobPayload:
        services = info.context.services
        retries = JobRetryService(services.jobs, services.renders, services.conversions,
                                  services.assets)
        job = await once(info, idempotency_key, {"operation": "jobRetry", "id": id}, lambda: (
            retries.retry(info.context.viewer, id)), JOB_REPLAY)
        return JobPayload(job=Job.from_model(job))

    @strawberry.mutation(description="Keep a render's or conversion's outputs past "
                         "ATELIER_OUTPUT_RETENTION_DAYS (pinned: false lets them expire again).")
    @errors_as_data(JobPayload)
    async def job_pin(self, info: Info, id: JobId, pinned: Annotated[bool, strawberry.argument(
            description="true: keep the outputs; false: let them expire")] = True) -> JobPayload:
        job = await info.context.services.jobs.pin(info.context.viewer, id, pinned)
        return JobPayload(job=Job.from_model(job))


@strawberry.type
class JobSubscription:
    @strawberry.subscription(
        description="The job's current state (or every event after afterSequence), then every "
        "change; completes after a terminal state."
    )
    async def job_progress(
        self, info: Info, job_id: JobId,
        after_sequence: Annotated[int | None, strawberry.argument(
            description="A JobEvent's sequence: every event after it first, then live ones; "
            "null: the current state first")] = None,
    ) -> AsyncIterator[JobEvent]:
        stream = info.context.services.live.job_events(
            info.context.viewer, job_id, after_sequence
        )
        async for change in stream:
            yield JobEvent(sequence=change.sequence, job=Job.from_model(change.job),
                           gap=change.gap)
