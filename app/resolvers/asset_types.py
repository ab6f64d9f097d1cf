"""The Asset type: its own fields, plus those that need data, each through a DataLoader or the
request's URL signing: files, glbUrl, thumbnailUrl, ingestJob and scene."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.scalars import JSON

from app.context import Context
from app.models import asset as models
from app.models.common import FileRole as DomainFileRole
from app.models.common import StoredFile as StoredFileModel
from app.resolvers import mapping
from app.resolvers.asset_version_types import AssetVersion, AssetVersionConnection
from app.resolvers.files import stored_files, stored_files_now
from app.resolvers.pages import After, Before, First, Last, connection
from app.resolvers.quality import quality_report
from app.schema.asset import AssetFields, AssetStatus
from app.schema.asset_catalog import AssetLicense, AssetSourceMetadata
from app.schema.common import Connection, StoredFile
from app.schema.scalars import Long

if TYPE_CHECKING:
    from app.resolvers.job_types import Job
    from app.resolvers.project_types import Project
    from app.resolvers.scene_types import Scene

Info = strawberry.Info[Context, None]


@strawberry.type(description="An uploaded 3D model and everything derived from it.")
class Asset(AssetFields):
    stored_files: strawberry.Private[list[StoredFileModel]]
    record: strawberry.Private[models.Asset]
    project_id: strawberry.Private[str]

    @classmethod
    def from_model(cls, asset: models.Asset) -> Asset:
        return cls(
            id=strawberry.ID(asset.id), name=asset.name, filename=asset.filename,
            status=AssetStatus(asset.status.value), source_format=asset.source_format,
            size_bytes=Long(asset.size_bytes), sha256=asset.sha256, tags=asset.tags,
            description=asset.description, license=_license(asset.license),
            metadata=JSON(asset.metadata), source_metadata=_source(asset.source_metadata),
            created_at=asset.created_at, updated_at=asset.updated_at,
            error=mapping.error_info(asset.error), stats=mapping.asset_stats(asset.stats),
            validation=mapping.validation_report(asset.validation),
            quality=quality_report(asset.quality),
            ingest_job_id=asset.ingest_job_id, stored_files=asset.files,
            project_id=asset.project_id, record=asset)

    # The file fields are plain functions that hand back an awaitable only when a URL must be
    # awaited (S3): a coroutine per field would cost each asset of a page a task and a gather.
    @strawberry.field(graphql_type=list[StoredFile], description="Its stored files: the "
                      "ORIGINAL, the GLB and THUMBNAIL once READY, and each conversion's "
                      "CONVERTED output (renders are only their jobs' outputs).")
    def files(self, info: Info) -> list[StoredFile] | Awaitable[list[StoredFile]]:
        ready = stored_files_now(self.stored_files, info)
        return stored_files(self.stored_files, info) if ready is None else ready

    @strawberry.field(graphql_type=str | None,
                      description="Signed URL of the normalised GLB, once READY.")
    def glb_url(self, info: Info) -> str | Awaitable[str] | None:
        return self._url_of(DomainFileRole.GLB, info)

    @strawberry.field(graphql_type=str | None,
                      description="Signed URL of the thumbnail image, once rendered.")
    def thumbnail_url(self, info: Info) -> str | Awaitable[str] | None:
        return self._url_of(DomainFileRole.THUMBNAIL, info)

    @strawberry.field(description="The ingest job that turned the upload into this asset.")
    async def ingest_job(
        self, info: Info
    ) -> Annotated[Job, strawberry.lazy("app.resolvers.job_types")] | None:
        from app.resolvers.job_types import Job

        if not self.ingest_job_id:
            return None
        job = await info.context.loaders.job_by_id.load(self.ingest_job_id)
        return Job.from_model(job) if job else None

    @strawberry.field(description="The asset's own glTF scene, read-only (version 0, the "
                      "asset's id), once READY; sceneCreateFromAsset makes an editable copy.")
    async def scene(
        self, info: Info
    ) -> Annotated[Scene, strawberry.lazy("app.resolvers.scene_types")] | None:
        from app.resolvers.scene_types import Scene

        if self.status is not AssetStatus.READY:
            return None
        return Scene.from_model(await info.context.loaders.asset_scene_by_asset_id.load(self.id))

    @strawberry.field(description="The project it belongs to (its uploader's personal one "
                      "unless another was named).")
    async def project(
        self, info: Info
    ) -> Annotated[Project, strawberry.lazy("app.resolvers.project_types")] | None:
        from app.resolvers.project_types import project_of

        found = await info.context.loaders.project_by_id.load(self.project_id)
        return project_of(found) if found is not None else None

    @strawberry.field(description="The version its files, stats and validation are now: the "
                      "newest READY one, or the one assetVersionRestore made.")
    async def current_version(self, info: Info) -> AssetVersion:
        return AssetVersion.from_model(
            await info.context.services.asset_versions.current(self.record))

    @strawberry.field(description="Its versions, newest first, each with its own files and "
                      "stats (an upload with assetUpload's assetId adds one).")
    async def versions(self, info: Info, first: First = None, after: After = None,
                       last: Last = None, before: Before = None) -> AssetVersionConnection:
        page = await info.context.services.asset_versions.list(
            info.context.viewer, self.record, first=first, after=after, last=last,
            before=before)
        return connection(page, AssetVersion.from_model)

    def _url_of(self, role: DomainFileRole, info: Info) -> str | Awaitable[str] | None:
        stored = next((f for f in self.stored_files if f.role is role), None)
        if stored is None:
            return None
        signed = info.context.file_url_now(stored)
        return info.context.file_url(stored) if signed is None else signed


def _license(terms: models.AssetLicense | None) -> AssetLicense | None:
    return None if terms is None else AssetLicense(
        spdx_id=terms.spdx_id, text=terms.text, attribution=terms.attribution)


def _source(facts: models.SourceMetadata | None) -> AssetSourceMetadata | None:
    return None if facts is None else AssetSourceMetadata(
        generator=facts.generator, copyright=facts.copyright, unit_meters=facts.unit_meters,
        up_axis=facts.up_axis)


AssetConnection = Connection[Asset]
