"""GraphQL types of assets: the Asset, its stats and validation report, filter and payloads."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Annotated

import strawberry

from app.context import Context
from app.models import asset as models
from app.models.common import FileRole as DomainFileRole
from app.schema.common import Bounds, Connection, ErrorInfo, StoredFile, UserError
from app.schema.scalars import Long

if TYPE_CHECKING:
    from app.schema.job import Job
    from app.schema.scene import Scene

AssetStatus = strawberry.enum(models.AssetStatus, name="AssetStatus")
Info = strawberry.Info[Context, None]


@strawberry.type
class AssetStats:
    vertex_count: Long
    triangle_count: Long
    mesh_count: int
    material_count: int
    texture_count: int
    animation_count: int
    node_count: int
    bounds: Bounds | None


@strawberry.type
class ValidationIssue:
    code: str
    severity: str = strawberry.field(description="ERROR, WARNING, INFO or HINT")
    message: str
    pointer: str | None = strawberry.field(description="JSON pointer into the glTF, if any")


@strawberry.type
class ValidationReport:
    num_errors: int
    num_warnings: int
    num_infos: int
    num_hints: int
    truncated: bool
    issues: list[ValidationIssue]


@strawberry.type(description="An uploaded 3D model and everything derived from it.")
class Asset:
    id: strawberry.ID
    name: str
    filename: str
    status: AssetStatus
    source_format: str | None
    size_bytes: Long
    sha256: str | None
    tags: list[str]
    created_at: datetime
    updated_at: datetime
    model: strawberry.Private[models.Asset]

    @classmethod
    def from_model(cls, asset: models.Asset) -> Asset:
        return cls(
            id=strawberry.ID(asset.id), name=asset.name, filename=asset.filename,
            status=asset.status, source_format=asset.source_format, size_bytes=asset.size_bytes,
            sha256=asset.sha256, tags=asset.tags, created_at=asset.created_at,
            updated_at=asset.updated_at, model=asset,
        )

    @strawberry.field
    def error(self) -> ErrorInfo | None:
        return ErrorInfo.from_model(self.model.error)

    @strawberry.field
    def stats(self) -> AssetStats | None:
        stats = self.model.stats
        if stats is None:
            return None
        return AssetStats(
            vertex_count=stats.vertex_count, triangle_count=stats.triangle_count,
            mesh_count=stats.mesh_count, material_count=stats.material_count,
            texture_count=stats.texture_count, animation_count=stats.animation_count,
            node_count=stats.node_count, bounds=Bounds.from_model(stats.bounds),
        )

    @strawberry.field
    def validation(self) -> ValidationReport | None:
        report = self.model.validation
        if report is None:
            return None
        return ValidationReport(
            num_errors=report.num_errors, num_warnings=report.num_warnings,
            num_infos=report.num_infos, num_hints=report.num_hints, truncated=report.truncated,
            issues=[ValidationIssue(code=i.code, severity=i.severity, message=i.message,
                                    pointer=i.pointer) for i in report.issues],
        )

    @strawberry.field
    def files(self) -> list[StoredFile]:
        return [StoredFile.from_model(stored) for stored in self.model.files]

    @strawberry.field(description="Signed URL of the normalised GLB, once READY.")
    async def glb_url(self, info: Info) -> str | None:
        stored = self.model.file(DomainFileRole.GLB)
        return await info.context.file_url(stored) if stored else None

    @strawberry.field(description="Signed URL of the thumbnail image, once rendered.")
    async def thumbnail_url(self, info: Info) -> str | None:
        stored = self.model.file(DomainFileRole.THUMBNAIL)
        return await info.context.file_url(stored) if stored else None

    @strawberry.field(description="The ingest job that turned the upload into this asset.")
    async def ingest_job(
        self, info: Info
    ) -> Annotated[Job, strawberry.lazy("app.schema.job")] | None:
        from app.schema.job import Job

        if not self.model.ingest_job_id:
            return None
        job = await info.context.loaders.job_by_id.load(self.model.ingest_job_id)
        return Job.from_model(job) if job else None

    @strawberry.field(description="The asset's own glTF scene, read-only (version 0, the "
                      "asset's id), once READY; sceneCreateFromAsset makes an editable copy.")
    async def scene(
        self, info: Info
    ) -> Annotated[Scene, strawberry.lazy("app.schema.scene")] | None:
        from app.schema.scene import Scene

        if self.model.status is not models.AssetStatus.READY:
            return None
        found = await info.context.services.scenes.asset_scene(info.context.viewer, self.id)
        return Scene.from_model(found)


AssetConnection = Connection[Asset]


@strawberry.input
class AssetFilter:
    status: list[AssetStatus] | None = None
    tags: list[str] | None = strawberry.field(default=None, description="Assets with all these")
    source_format: list[str] | None = None
    name_contains: str | None = None


@strawberry.type
class AssetUploadPayload:
    asset: Asset | None = None
    job: Annotated[Job, strawberry.lazy("app.schema.job")] | None = None
    reused: bool = strawberry.field(default=False, description=(
        "True when you had uploaded identical bytes before: that asset (and its ingest job) "
        "is returned and nothing new is made. Pass copy: true for a new asset anyway."))
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class AssetUploadManyPayload:
    uploads: list[AssetUploadPayload] = strawberry.field(
        default_factory=list, description="One result per file, in order, each with its errors.")
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.input(description="A file to PUT directly to storage, then complete.")
class AssetUploadCreateInput:
    filename: str
    size_bytes: Long = strawberry.field(description="The exact size the PUT will have.")
    sha256: str | None = strawberry.field(default=None, description=(
        "Hex SHA-256 of the bytes: checked on completion, and lets identical bytes you "
        "uploaded before be reused without uploading them again."))
    name: str | None = None
    tags: list[str] | None = None
    copy: bool = strawberry.field(default=False, description="A new asset even for bytes "
                                  "you uploaded before.")


@strawberry.type
class UploadHeader:
    name: str
    value: str


@strawberry.type
class AssetUploadCreatePayload:
    asset: Asset | None = strawberry.field(default=None, description=(
        "PENDING_UPLOAD until assetUploadComplete; an existing asset when `reused`."))
    upload_url: str | None = strawberry.field(default=None, description=(
        "PUT the file's bytes here, with `uploadHeaders`; null when `reused`."))
    upload_headers: list[UploadHeader] = strawberry.field(default_factory=list)
    expires_at: datetime | None = strawberry.field(default=None, description=(
        "The URL's expiry; an upload not completed in time is deleted later."))
    reused: bool = False
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class AssetDeletePayload:
    deleted_id: strawberry.ID | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class AssetEvent:
    asset: Asset
