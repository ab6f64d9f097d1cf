"""GraphQL types of assets: an asset's own fields, stats and validation report, its filter,
the inputs and payloads of uploads, and its live event."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry
from strawberry.scalars import JSON

from app.schema.asset_catalog import AssetLicense, AssetSourceMetadata
from app.schema.common import Bounds, ErrorInfo, UserError
from app.schema.enums import described
from app.schema.node import Node
from app.schema.quality import QualityReport
from app.schema.scalars import Long

if TYPE_CHECKING:
    from app.resolvers.asset_types import Asset
    from app.resolvers.job_types import Job

# Payloads and events hold the full Asset and Job, whose data fields live in app/resolvers.
AssetRef = Annotated["Asset", strawberry.lazy("app.resolvers.asset_types")]
JobRef = Annotated["Job", strawberry.lazy("app.resolvers.job_types")]


@described(description="Where an asset is on its way from upload to a usable model.", values={
    "PENDING_UPLOAD": "Made by assetUploadCreate; waiting for the PUT and assetUploadComplete.",
    "UPLOADED": "The bytes are stored and the ingest job is queued.",
    "PROCESSING": "Ingest is running.",
    "READY": "Ingested: the normalised GLB, stats, validation report and thumbnail are there.",
    "FAILED": "Ingest refused the file; see `error`.",
})
class AssetStatus(Enum):
    PENDING_UPLOAD = "PENDING_UPLOAD"
    UPLOADED = "UPLOADED"
    PROCESSING = "PROCESSING"
    READY = "READY"
    FAILED = "FAILED"


@strawberry.type(description="Counts and extent of the normalised GLB, as ingest measured them.")
class AssetStats:
    vertex_count: Long = strawberry.field(description=(
        "Vertices over every mesh primitive, each primitive counted once however many nodes "
        "draw it (as Khronos's validator counts)."))
    triangle_count: Long = strawberry.field(description=(
        "Triangles over every mesh primitive, each counted once like vertexCount."))
    mesh_count: int = strawberry.field(description="glTF meshes.")
    material_count: int = strawberry.field(description="glTF materials.")
    texture_count: int = strawberry.field(description="glTF textures.")
    animation_count: int = strawberry.field(description="glTF animations.")
    node_count: int = strawberry.field(description="glTF nodes.")
    bounds: Bounds | None = strawberry.field(description=(
        "World-space box of every mesh instance of the default scene; null when none can be "
        "read."))


@strawberry.type(description="One finding of Khronos's glTF validator about the normalised GLB.")
class ValidationIssue:
    code: str = strawberry.field(description="The validator's code, as ACCESSOR_MIN_MISMATCH.")
    severity: str = strawberry.field(description="ERROR, WARNING, INFO or HINT")
    message: str = strawberry.field(description="The validator's explanation.")
    pointer: str | None = strawberry.field(description="JSON pointer into the glTF, if any")


@strawberry.type(description="What Khronos's glTF validator found in the normalised GLB.")
class ValidationReport:
    num_errors: int = strawberry.field(description="Findings of severity ERROR.")
    num_warnings: int = strawberry.field(description="Findings of severity WARNING.")
    num_infos: int = strawberry.field(description="Findings of severity INFO.")
    num_hints: int = strawberry.field(description="Findings of severity HINT.")
    truncated: bool = strawberry.field(description=(
        "True when the findings passed the server's cap: `issues` and the counts hold those "
        "kept, errors in preference to the rest."))
    issues: list[ValidationIssue] = strawberry.field(description="The findings kept, in order.")


@strawberry.type
class AssetFields(Node):
    """An asset's own fields; those that need data (files' URLs, ingestJob, scene) are
    resolved on app/resolvers/asset_types.py's Asset."""

    name: str = strawberry.field(description="Its display name (the file's name by default).")
    filename: str = strawberry.field(description="The name of the file as uploaded.")
    status: AssetStatus = strawberry.field(description="Where it is between upload and READY.")
    source_format: str | None = strawberry.field(description=(
        "The format detected from the bytes (GLB, GLTF, OBJ, STL, PLY, OFF, FBX, DAE, 3MF, USD, "
        "IFC, STEP, IGES); "
        "null until ingest has read them."))
    size_bytes: Long = strawberry.field(description="The upload's length in bytes.")
    sha256: str | None = strawberry.field(description=(
        "Hex SHA-256 of the uploaded bytes; null until they are stored."))
    tags: list[str] = strawberry.field(description=(
        "Labels given at upload or by assetUpdate, for filtering and search."))
    description: str | None = strawberry.field(description=(
        "Free text set by assetUpdate, searched by `assets(search:)`; null when none."))
    license: AssetLicense | None = strawberry.field(description=(
        "The terms it may be used under; null when none was given."))
    metadata: JSON = strawberry.field(description=(
        "Your own keys, set by assetUpdate: a JSON object, empty when none."))
    source_metadata: AssetSourceMetadata | None = strawberry.field(description=(
        "What the uploaded file says about itself (generator, copyright, unit, up axis); "
        "null until READY."))
    created_at: datetime = strawberry.field(description="When it was created.")
    updated_at: datetime = strawberry.field(description="When it last changed.")
    error: ErrorInfo | None = strawberry.field(description="Why ingest failed; null unless FAILED.")
    stats: AssetStats | None = strawberry.field(description="Counts and extent; null until READY.")
    validation: ValidationReport | None = strawberry.field(description=(
        "Khronos's validator's report on the normalised GLB; null until READY."))
    quality: QualityReport | None = strawberry.field(description=(
        "Mesh-quality report; null until READY, for assets ingested before it existed, and "
        "for models too large to check within the job's memory limit."))
    ingest_job_id: strawberry.Private[str | None]


@strawberry.input(description="Which assets to list; every field given must match.")
class AssetFilter:
    status: list[AssetStatus] | None = strawberry.field(
        default=None, description="Assets in any of these states")
    tags: list[str] | None = strawberry.field(default=None, description="Assets with all these")
    source_format: list[str] | None = strawberry.field(
        default=None, description="Assets detected as any of these formats (as GLB, STL)")
    name_contains: str | None = strawberry.field(
        default=None, description="Assets whose name contains this text, in any case")
    tags_any: list[str] | None = strawberry.field(
        default=None, description="Assets with at least one of these tags")
    created_after: datetime | None = strawberry.field(
        default=None, description="Assets created at or after this time")
    created_before: datetime | None = strawberry.field(
        default=None, description="Assets created before this time")
    updated_after: datetime | None = strawberry.field(
        default=None, description="Assets last changed at or after this time")
    updated_before: datetime | None = strawberry.field(
        default=None, description="Assets last changed before this time")
    min_triangles: Long | None = strawberry.field(
        default=None, description="READY assets with at least this many triangles")
    max_triangles: Long | None = strawberry.field(
        default=None, description="READY assets with at most this many triangles")
    has_animations: bool | None = strawberry.field(default=None, description=(
        "true: READY assets with at least one animation; false: READY assets with none"))
    license: list[str] | None = strawberry.field(default=None, description=(
        "Assets under any of these SPDX licence expressions (any case, as CC-BY-4.0)"))


@strawberry.type(description="The result of an upload: the asset and its ingest job.")
class AssetUploadPayload:
    asset: AssetRef | None = strawberry.field(default=None, description=(
        "The new asset (or the earlier one, when `reused`); null on error."))
    job: JobRef | None = strawberry.field(default=None, description=(
        "Its ingest job, to follow with jobProgress; null on error."))
    reused: bool = strawberry.field(default=False, description=(
        "True when you had uploaded identical bytes before: that asset (and its ingest job) "
        "is returned and nothing new is made. Pass copy: true for a new asset anyway."))
    errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "Why the upload failed; empty on success."))


@strawberry.type(description="The results of a batch upload, one per file.")
class AssetUploadManyPayload:
    uploads: list[AssetUploadPayload] = strawberry.field(
        default_factory=list, description="One result per file, in order, each with its errors.")
    errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "Why the whole batch failed (each file's own failure is in `uploads`); empty otherwise."))


@strawberry.input(description="A file to PUT directly to storage, then complete.")
class AssetUploadCreateInput:
    filename: str = strawberry.field(description=(
        "The file's name; its extension (.glb, .stl, .zip...) helps format detection."))
    size_bytes: Long = strawberry.field(description="The exact size the PUT will have.")
    sha256: str | None = strawberry.field(default=None, description=(
        "Hex SHA-256 of the bytes: checked on completion, and lets identical bytes you "
        "uploaded before be reused without uploading them again."))
    name: str | None = strawberry.field(
        default=None, description="The asset's display name; null: the filename")
    tags: list[str] | None = strawberry.field(default=None, description="Labels for filtering")
    copy: bool = strawberry.field(default=False, description="A new asset even for bytes "
                                  "you uploaded before.")
    asset_id: strawberry.ID | None = strawberry.field(default=None, description=(
        "An asset you may edit: the file becomes its next version once completed with "
        "assetUploadComplete(assetId: this id); name, tags and copy are then ignored."))


@strawberry.type(description="A header the direct-upload PUT must carry.")
class UploadHeader:
    name: str = strawberry.field(description="The header's name.")
    value: str = strawberry.field(description="Its value, exactly.")


@strawberry.type(description="A started direct upload: where to PUT the bytes, and until when.")
class AssetUploadCreatePayload:
    asset: AssetRef | None = strawberry.field(default=None, description=(
        "PENDING_UPLOAD until assetUploadComplete; an existing asset when `reused`."))
    upload_url: str | None = strawberry.field(default=None, description=(
        "PUT the file's bytes here, with `uploadHeaders`; null when `reused`."))
    upload_headers: list[UploadHeader] = strawberry.field(
        default_factory=list, description="Headers the PUT must carry, as given.")
    expires_at: datetime | None = strawberry.field(default=None, description=(
        "The URL's expiry; an upload not completed in time is deleted later."))
    reused: bool = strawberry.field(default=False, description=(
        "True when you had uploaded bytes with this sha256 before: `asset` is that asset and "
        "nothing needs uploading."))
    errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "Why the upload could not start; empty on success."))


@strawberry.type(description="The result of assetDelete.")
class AssetDeletePayload:
    deleted_id: strawberry.ID | None = strawberry.field(
        default=None, description=(
            "The id of the asset moved to the trash (assetRestore brings it back); null on "
            "error."))
    errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "Why nothing was deleted; empty on success."))


@strawberry.type(description="An asset reached READY or FAILED.")
class AssetEvent:
    asset: AssetRef = strawberry.field(description="The asset as it is at that outcome.")
    cursor: str = strawberry.field(description=(
        "This outcome's place in the outcome log: give it as assetReady's afterCursor to get "
        "every outcome after it, exactly once, on any API process."))
    version: int = strawberry.field(description=(
        "The number of the version that reached READY or FAILED (a FAILED new version leaves "
        "`asset` at its current one)."))
