"""The AssetVersion type: one version of an asset, with its own files, stats, validation and
thumbnail."""

from __future__ import annotations

from datetime import datetime

import strawberry

from app.context import Context
from app.models.asset_version import AssetVersion as AssetVersionModel
from app.models.common import FileRole as DomainFileRole
from app.models.common import StoredFile as StoredFileModel
from app.resolvers import mapping
from app.resolvers.files import stored_files
from app.schema.asset import AssetStats, AssetStatus, ValidationReport
from app.schema.common import Connection, ErrorInfo, StoredFile
from app.schema.node import Node

Info = strawberry.Info[Context, None]


@strawberry.type(description="One version of an asset: the upload it was made from (or the "
                 "older version it restores) and what ingest derived from it.")
class AssetVersion(Node):
    number: int = strawberry.field(description=(
        "Its number: 1 for the asset's first upload, one more for each version added or "
        "restored."))
    status: AssetStatus = strawberry.field(description=(
        "Where its ingest is; only a READY version becomes (or can be restored as) current."))
    created_at: datetime = strawberry.field(description="When it was added.")
    restored_from: int | None = strawberry.field(description=(
        "The number of the version whose files it points at (assetVersionRestore); null for "
        "an upload."))
    stats: AssetStats | None = strawberry.field(description="Its counts and extent; null "
                                                "until READY.")
    validation: ValidationReport | None = strawberry.field(description=(
        "Khronos's validator's report on its GLB; null until READY."))
    error: ErrorInfo | None = strawberry.field(description="Why its ingest failed; null unless "
                                               "FAILED.")
    stored_files: strawberry.Private[list[StoredFileModel]]

    @classmethod
    def from_model(cls, version: AssetVersionModel) -> AssetVersion:
        return cls(id=strawberry.ID(version.id), number=version.number,
                   status=AssetStatus(version.status.value), created_at=version.created_at,
                   restored_from=version.restored_from,
                   stats=mapping.asset_stats(version.stats),
                   validation=mapping.validation_report(version.validation),
                   error=mapping.error_info(version.error), stored_files=version.files)

    @strawberry.field(description="Its own stored files: the ORIGINAL, and the GLB and "
                      "THUMBNAIL once READY.")
    async def files(self, info: Info) -> list[StoredFile]:
        return await stored_files(self.stored_files, info)

    @strawberry.field(description="Signed URL of its thumbnail image, once rendered.")
    async def thumbnail_url(self, info: Info) -> str | None:
        stored = next((f for f in self.stored_files if f.role is DomainFileRole.THUMBNAIL), None)
        return None if stored is None else await info.context.file_url(stored)


AssetVersionConnection = Connection[AssetVersion]
