"""The Job type: its own fields, plus its outputs and the asset and scene it works on, each
read through a DataLoader and shown only to a viewer who may see it."""

from __future__ import annotations

import strawberry
from strawberry.scalars import JSON

from app.context import Context
from app.models import job as models
from app.models.common import StoredFile as StoredFileModel
from app.resolvers import mapping
from app.resolvers.asset_types import Asset
from app.resolvers.files import stored_files
from app.resolvers.scene_types import Scene
from app.schema.common import Connection, StoredFile
from app.schema.job import JobFields, JobKind, JobPriority, JobStatus

Info = strawberry.Info[Context, None]


@strawberry.type(description="Work done by a worker: ingest, conversion or render.")
class Job(JobFields):
    stored_outputs: strawberry.Private[list[StoredFileModel]]

    @classmethod
    def from_model(cls, job: models.Job) -> Job:
        return cls(
            id=strawberry.ID(job.id), kind=JobKind(job.kind.value),
            status=JobStatus(job.status.value), priority=JobPriority[job.priority.name],
            progress=job.progress, stage=job.stage,
            message=job.message, attempts=job.attempts, sequence=job.sequence,
            cancel_requested=job.cancel_requested, pinned=job.pinned,
            created_at=job.created_at,
            started_at=job.started_at, finished_at=job.finished_at, params=JSON(job.params),
            error=mapping.error_info(job.error),
            compression=mapping.compression_report(job.compression),
            asset_version=job.asset_version or (1 if job.asset_id else None),
            asset_id=job.asset_id, scene_id=job.scene_id,
            stored_outputs=job.outputs)

    @strawberry.field(description="The files this job produced.")
    async def outputs(self, info: Info) -> list[StoredFile]:
        return await stored_files(self.stored_outputs, info)

    @strawberry.field(description="The asset the job works on; null when it has none, it is "
                      "deleted, or the viewer may not see it.")
    async def asset(self, info: Info) -> Asset | None:
        if not self.asset_id:
            return None
        asset = await info.context.loaders.asset_by_id.load(self.asset_id)
        if asset is None or not info.context.viewer.projects.can_read(asset.project_id):
            return None
        return Asset.from_model(asset)

    @strawberry.field(description="The scene the job works on (a render of a scene).")
    async def scene(self, info: Info) -> Scene | None:
        if not self.scene_id:
            return None
        scene = await info.context.loaders.scene_by_id.load(self.scene_id)
        if scene is None or not info.context.viewer.projects.can_read(scene.project_id):
            return None
        return Scene.from_model(scene)


JobConnection = Connection[Job]
