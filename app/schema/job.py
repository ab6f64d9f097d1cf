"""GraphQL types of jobs: the Job, its live events, filter and payload."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.scalars import JSON

from app.context import Context
from app.models import job as models
from app.schema.common import Connection, ErrorInfo, StoredFile, UserError

if TYPE_CHECKING:
    from app.schema.asset import Asset
    from app.schema.scene import Scene

JobKind = strawberry.enum(models.JobKind, name="JobKind")
JobStatus = strawberry.enum(models.JobStatus, name="JobStatus")
Info = strawberry.Info[Context, None]


@strawberry.type(description="Work done by a worker: ingest, conversion or render.")
class Job:
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
    model: strawberry.Private[models.Job]

    @classmethod
    def from_model(cls, job: models.Job) -> Job:
        return cls(
            id=strawberry.ID(job.id), kind=job.kind, status=job.status, progress=job.progress,
            stage=job.stage, message=job.message, attempts=job.attempts, sequence=job.sequence,
            cancel_requested=job.cancel_requested, created_at=job.created_at,
            started_at=job.started_at, finished_at=job.finished_at, params=job.params, model=job,
        )

    @strawberry.field
    def error(self) -> ErrorInfo | None:
        return ErrorInfo.from_model(self.model.error)

    @strawberry.field(description="The files this job produced.")
    def outputs(self) -> list[StoredFile]:
        return [StoredFile.from_model(stored) for stored in self.model.outputs]

    @strawberry.field
    async def asset(
        self, info: Info
    ) -> Annotated[Asset, strawberry.lazy("app.schema.asset")] | None:
        from app.schema.asset import Asset

        if not self.model.asset_id:
            return None
        asset = await info.context.loaders.asset_by_id.load(self.model.asset_id)
        if asset is None or not info.context.viewer.can_access(asset.owner):
            return None
        return Asset.from_model(asset)

    @strawberry.field(description="The scene the job works on (a render of a scene).")
    async def scene(
        self, info: Info
    ) -> Annotated[Scene, strawberry.lazy("app.schema.scene")] | None:
        from app.schema.scene import Scene

        if not self.model.scene_id:
            return None
        scene = await info.context.loaders.scene_by_id.load(self.model.scene_id)
        if scene is None or not info.context.viewer.can_access(scene.owner):
            return None
        return Scene.from_model(scene)


JobConnection = Connection[Job]


@strawberry.input
class JobFilter:
    status: list[JobStatus] | None = None
    kind: list[JobKind] | None = None
    asset_id: strawberry.ID | None = None


@strawberry.type
class JobPayload:
    job: Job | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type(description="One change of a job; `sequence` rises by one per job.")
class JobEvent:
    sequence: int
    job: Job
