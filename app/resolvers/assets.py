"""Asset fields: asset/assets queries, upload and delete mutations, the assetReady subscription."""

from __future__ import annotations

from collections.abc import AsyncIterator

import strawberry
from strawberry.file_uploads import Upload

from app.context import Context
from app.errors import NotFound
from app.resolvers.errors import errors_as_data
from app.resolvers.pages import connection
from app.schema.asset import (
    Asset,
    AssetConnection,
    AssetDeletePayload,
    AssetEvent,
    AssetFilter,
    AssetUploadPayload,
)
from app.schema.job import Job
from app.services.assets import AssetFilter as AssetQueryFilter
from app.services.storage.base import CHUNK_SIZE

Info = strawberry.Info[Context, None]


async def _chunks(upload: Upload) -> AsyncIterator[bytes]:
    while chunk := await upload.read(CHUNK_SIZE):  # type: ignore[attr-defined]
        yield chunk


@strawberry.type
class AssetQuery:
    @strawberry.field
    async def asset(self, info: Info, id: strawberry.ID) -> Asset | None:
        try:
            found = await info.context.services.assets.get_visible(info.context.viewer, id)
        except NotFound:
            return None
        return Asset.from_model(found)

    @strawberry.field(description="The viewer's assets, newest first.")
    async def assets(
        self,
        info: Info,
        first: int | None = None,
        after: str | None = None,
        filter: AssetFilter | None = None,
    ) -> AssetConnection:
        where = AssetQueryFilter(
            status=filter.status, tags=filter.tags, source_format=filter.source_format,
            name_contains=filter.name_contains,
        ) if filter else AssetQueryFilter()
        page = await info.context.services.assets.list(
            info.context.viewer, first=first, after=after, where=where
        )
        return connection(page, Asset.from_model)


@strawberry.type
class AssetMutation:
    @strawberry.mutation(description="Upload a model (GraphQL multipart request); starts ingest.")
    @errors_as_data(AssetUploadPayload)
    async def asset_upload(
        self,
        info: Info,
        file: Upload,
        name: str | None = None,
        tags: list[str] | None = None,
    ) -> AssetUploadPayload:
        asset, job = await info.context.services.assets.upload(
            info.context.viewer,
            filename=getattr(file, "filename", None) or "upload",
            chunks=_chunks(file),
            name=name,
            tags=tags,
        )
        return AssetUploadPayload(asset=Asset.from_model(asset), job=Job.from_model(job))

    @strawberry.mutation(description="Delete an asset and its files.")
    @errors_as_data(AssetDeletePayload)
    async def asset_delete(self, info: Info, id: strawberry.ID) -> AssetDeletePayload:
        deleted = await info.context.services.assets.delete(info.context.viewer, id)
        return AssetDeletePayload(deleted_id=strawberry.ID(deleted.id))


@strawberry.type
class AssetSubscription:
    @strawberry.subscription(
        description="An asset reached READY or FAILED: the one given (then the stream ends), "
        "or any the viewer may see."
    )
    async def asset_ready(
        self, info: Info, asset_id: strawberry.ID | None = None
    ) -> AsyncIterator[AssetEvent]:
        stream = info.context.services.live.asset_outcomes(info.context.viewer, asset_id)
        async for asset in stream:
            yield AssetEvent(asset=Asset.from_model(asset))
