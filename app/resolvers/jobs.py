"""Job fields: job/jobs queries, jobCancel, and the jobProgress subscription."""

from __future__ import annotations

from collections.abc import AsyncIterator

import strawberry

from app.context import Context
from app.errors import NotFound
from app.models.job import JobKind, JobStatus
from app.resolvers.errors import errors_as_data
from app.resolvers.job_types import Job, JobConnection
from app.resolvers.pages import connection
from app.schema.job import JobEvent, JobFilter, JobPayload
from app.services.jobs import JobFilter as JobQueryFilter

Info = strawberry.Info[Context, None]


@strawberry.type
class JobQuery:
    @strawberry.field
    async def job(self, info: Info, id: strawberry.ID) -> Job | None:
        try:
            found = await info.context.services.jobs.get_visible(info.context.viewer, id)
        except NotFound:
            return None
        return Job.from_model(found)

    @strawberry.field(description="The viewer's jobs, newest first.")
    async def jobs(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: JobFilter | None = None,
    ) -> JobConnection:
        where = JobQueryFilter(
            status=[JobStatus(s.value) for s in filter.status] if filter.status else None,
            kind=[JobKind(k.value) for k in filter.kind] if filter.kind else None,
            asset_id=filter.asset_id,
        ) if filter else JobQueryFilter()
        page = await info.context.services.jobs.list(
            info.context.viewer, first=first, after=after, where=where
        )
        return connection(page, Job.from_model)


@strawberry.type
class JobMutation:
    @strawberry.mutation(description="Cancel a queued job now, or a running one at its next step.")
    @errors_as_data(JobPayload)
    async def job_cancel(self, info: Info, id: strawberry.ID) -> JobPayload:
        job = await info.context.services.jobs.cancel(info.context.viewer, id)
        return JobPayload(job=Job.from_model(job))


@strawberry.type
class JobSubscription:
    @strawberry.subscription(
        description="The job's current state (or every event after afterSequence), then every "
        "change; completes after a terminal state."
    )
    async def job_progress(
        self, info: Info, job_id: strawberry.ID, after_sequence: int | None = None
    ) -> AsyncIterator[JobEvent]:
        stream = info.context.services.live.job_events(
            info.context.viewer, job_id, after_sequence
        )
        async for change in stream:
            yield JobEvent(sequence=change.sequence, job=Job.from_model(change.job),
                           gap=change.gap)
