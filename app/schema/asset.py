"""GraphQL types of assets: an asset's own fields, stats and validation report, its filter,
the inputs and payloads of uploads, and its live event."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from app.schema.common import Bounds, ErrorInfo, UserError
from app.schema.scalars import Long

if TYPE_CHECKING:
    from app.resolvers.asset_types import Asset
    from app.resolvers.job_types import Job

# Payloads and events hold the full Asset and Job, whose data fields live in app/resolvers.
AssetRef = Annotated["Asset", strawberry.lazy("app.resolvers.asset_types")]
JobRef = Annotated["Job", strawberry.lazy("app.resolvers.job_types")]


@strawberry.enum
class AssetStatus(Enum):
    PENDING_UPLOAD = "PENDING_UPLOAD"
    UPLOADED = "UPLOADED"
    PROCESSING = "PROCESSING"
    READY = "READY"
    FAILED = "FAILED"


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


@strawberry.type
class AssetFields:
    """An asset's own fields; those that need data (files' URLs, ingestJob, scene) are
    resolved on app/resolvers/asset_types.py's Asset."""

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
    error: ErrorInfo | None
    stats: AssetStats | None
    validation: ValidationReport | None
    ingest_job_id: strawberry.Private[str | None]


@strawberry.input
class AssetFilter:
    status: list[AssetStatus] | None = None
    tags: list[str] | None = strawberry.field(default=None, description="Assets with all these")
    source_format: list[str] | None = None
    name_contains: str | None = None


@strawberry.type
class AssetUploadPayload:
    asset: AssetRef | None = None
    job: JobRef | None = None
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
    asset: AssetRef | None = strawberry.field(default=None, description=(
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
    asset: AssetRef
    cursor: str = strawberry.field(description=(
        "This outcome's place in the outcome log: give it as assetReady's afterCursor to get "
        "every outcome after it, exactly once, on any API process."))
