"""GraphQL types of jobs: a job's own fields, its live event, filter and payload."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.scalars import JSON

from app.schema.common import ErrorInfo, UserError
from app.schema.convert import CompressionReport
from app.schema.enums import described
from app.schema.node import Node

if TYPE_CHECKING:
    from app.resolvers.job_types import Job

# The payload and event hold the full Job, whose data fields live in app/resolvers.
JobRef = Annotated["Job", strawberry.lazy("app.resolvers.job_types")]


@described(description="What a job does.", values={
    "INGEST": "Turns an upload into a READY asset: detection, validation, GLB, stats, thumbnail.",
    "CONVERT": "assetConvert: writes another format.",
    "RENDER": "renderSubmit: draws images.",
    "IMPORT": "assetImportFromStorage: lists a bucket prefix and makes an asset, with its own "
              "INGEST job, of each model there.",
})
class JobKind(Enum):
    INGEST = "INGEST"
    CONVERT = "CONVERT"
    RENDER = "RENDER"
    IMPORT = "IMPORT"


@described(description="Where a job is; SUCCEEDED, FAILED and CANCELLED are final.", values={
    "QUEUED": "Waiting for a worker.",
    "RUNNING": "A worker is doing it.",
    "SUCCEEDED": "Done; `outputs` holds its files.",
    "FAILED": "Ended with an error; see `error`.",
    "CANCELLED": "Stopped by jobCancel.",
})
class JobStatus(Enum):
    QUEUED = "QUEUED"
    RUNNING = "RUNNING"
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"
    CANCELLED = "CANCELLED"


@described(description="Which waiting work a job goes ahead of.", values={
    "BULK": "A storage import: handed to a worker after its owner's other waiting jobs, so the "
            "ingests it queued go first.",
    "STANDARD": "Ingests, conversions and turntables: waits its turn among its owner's jobs.",
    "INTERACTIVE": "A render of one image: handed to a worker before its owner's other waiting "
                   "jobs, and ahead of other owners' waiting work.",
})
class JobPriority(Enum):
    BULK = "BULK"
    STANDARD = "STANDARD"
    INTERACTIVE = "INTERACTIVE"


@strawberry.type
class JobFields(Node):
    """A job's own fields; outputs' URLs, asset and scene are resolved on
    app/resolvers/job_types.py's Job."""

    kind: JobKind = strawberry.field(description="What the job does.")
    status: JobStatus = strawberry.field(description="Where the job is.")
    priority: JobPriority = strawberry.field(description="Which waiting work it goes ahead of.")
    progress: float = strawberry.field(description="0..1")
    stage: str | None = strawberry.field(description=(
        "The step it is at, as a short machine word (as `download`, `done`, `failed`); null "
        "before it starts."))
    message: str | None = strawberry.field(description=(
        "A line for a person about the current step or the outcome; null when none."))
    attempts: int = strawberry.field(description=(
        "How many times a worker has started it (more than one after a crash or a retry)."))
    sequence: int = strawberry.field(description="Rises by one with every change of the job")
    cancel_requested: bool = strawberry.field(description=(
        "jobCancel was called: a running job stops at its next step."))
    pinned: bool = strawberry.field(description=(
        "jobPin was called: a render's or conversion's outputs are kept past "
        "ATELIER_OUTPUT_RETENTION_DAYS."))
    created_at: datetime = strawberry.field(description="When it was queued.")
    started_at: datetime | None = strawberry.field(description=(
        "When a worker first started it; null while QUEUED."))
    finished_at: datetime | None = strawberry.field(description=(
        "When it reached a final status; null before."))
    params: JSON = strawberry.field(description=(
        "The request it carries out (a conversion's format and preset, a render's camera and "
        "size), as JSON."))
    error: ErrorInfo | None = strawberry.field(description="Why it failed; null unless FAILED.")
    compression: CompressionReport | None = strawberry.field(description=(
        "A COMPRESS conversion's budget and each attribute's bytes and measured error; null "
        "for other jobs and before it succeeds."))
    asset_version: int | None = strawberry.field(description=(
        "The number of the asset version it works on: the one an ingest makes (1 for an "
        "asset's first upload), the one a render or conversion reads (the asset's current "
        "version when it was asked for, whatever is current by the time it runs); null for a "
        "scene's jobs."))
    asset_id: strawberry.Private[str | None]
    scene_id: strawberry.Private[str | None]


@strawberry.input(description="Which jobs to list; every field given must match.")
class JobFilter:
    status: list[JobStatus] | None = strawberry.field(
        default=None, description="Jobs in any of these states")
    kind: list[JobKind] | None = strawberry.field(
        default=None, description="Jobs of any of these kinds")
    asset_id: strawberry.ID | None = strawberry.field(
        default=None, description="Jobs on this asset")


@strawberry.type(description="The result of a mutation that starts or changes a job.")
class JobPayload:
    job: JobRef | None = strawberry.field(default=None, description="The job; null on error.")
    errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "Why nothing was done; empty on success."))


@strawberry.type(description="One change of a job; `sequence` rises by one per job.")
class JobEvent:
    sequence: int = strawberry.field(description=(
        "The change's number for this job: one more than the last, so a gap shows a missed "
        "event; give it as afterSequence to resume."))
    job: JobRef = strawberry.field(description="The job as of this change.")
    gap: bool = strawberry.field(default=False, description=(
        "The events after afterSequence have expired: this is the job's current state."))
