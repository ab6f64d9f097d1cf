"""GraphQL types of jobs: a job's own fields, its live event, filter and payload."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.scalars import JSON

from app.schema.common import ErrorInfo, UserError

if TYPE_CHECKING:
    from app.resolvers.job_types import Job

# The payload and event hold the full Job, whose data fields live in app/resolvers.
JobRef = Annotated["Job", strawberry.lazy("app.resolvers.job_types")]


@strawberry.enum
class JobKind(Enum):
    INGEST = "INGEST"
    CONVERT = "CONVERT"
    RENDER = "RENDER"


@strawberry.enum
class JobStatus(Enum):
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


@strawberry.type
class JobFields:
    """A job's own fields; outputs' URLs, asset and scene are resolved on
    app/resolvers/job_types.py's Job."""

    id: strawberry.ID
    kind: JobKind
    status: JobStatus
    progress: float = strawberry.field(description="0..1")
    stage: str | None
    message: str | None
    attempts: int
    sequence: int = strawberry.field(description="Rises by one with every change of the job")
    cancel_requested: bool
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    params: JSON
    error: ErrorInfo | None
    asset_id: strawberry.Private[str | None]
    scene_id: strawberry.Private[str | None]


@strawberry.input
class JobFilter:
    status: list[JobStatus] | None = None
    kind: list[JobKind] | None = None
    asset_id: strawberry.ID | None = None


@strawberry.type
class JobPayload:
    job: JobRef | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(description="One change of a job; `sequence` rises by one per job.")
class JobEvent:
    sequence: int
    job: JobRef
    gap: bool = strawberry.field(default=False, description=(
        "The events after afterSequence have expired: this is the job's current state."))
