"""Asset fields: asset/assets queries, upload (multipart, batch, direct) and delete mutations,
the assetReady subscription."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

import strawberry
from strawberry.file_uploads import Upload

from app.context import Context
from app.errors import AtelierError, InvalidInput, NotFound
from app.resolvers.asset_catalog import asset_filter, asset_order
from app.resolvers.asset_types import Asset, AssetConnection
from app.resolvers.errors import errors_as_data, user_error
from app.resolvers.idempotency import IdempotencyKey, once
from app.resolvers.job_types import Job
from app.resolvers.pages import After, Before, First, Last, connection
from app.resolvers.shared_events import shared_event
from app.schema.asset import (
    AssetDeletePayload,
    AssetEvent,
    AssetFilter,
    AssetUploadCreateInput,
    AssetUploadCreatePayload,
    AssetUploadManyPayload,
    AssetUploadPayload,
    UploadHeader,
)
from app.schema.asset_catalog import AssetOrder
from app.services.asset_outcomes import AssetOutcome
from app.services.assets import Uploaded
from app.services.idempotency import BATCH_REPLAY, UPLOADED_REPLAY, direct_upload_replay
from app.services.storage.base import CHUNK_SIZE
from app.services.uploads import BatchFile

Info = strawberry.Info[Context, None]
AssetId = Annotated[strawberry.ID, strawberry.argument(description="The asset's id (ast_...)")]
Tags = Annotated[list[str] | None, strawberry.argument(description="Labels for filtering")]
Copy = Annotated[bool, strawberry.argument(
    description="A new asset even for bytes you uploaded before (otherwise those are reused)")]


def _require_file_part(upload: Upload, field: list[str]) -> None:
    """INVALID_INPUT unless the argument is a file part: the Upload scalar also takes a literal
    or a variable's plain value, which has no bytes to read."""
    if not callable(getattr(upload, "read", None)):
        raise InvalidInput("give a file part of the multipart request", field=field)


async def _chunks(upload: Upload) -> AsyncIterator[bytes]:
    while chunk := await upload.read(CHUNK_SIZE):  # type: ignore[attr-defined]
        yield chunk


def _described(upload: Upload) -> dict[str, object]:
    """What identifies an uploaded file in an idempotent request, before its bytes are read."""
    return {"filename": _filename(upload), "size": getattr(upload, "size", None)}


def _filename(upload: Upload) -> str:
    return getattr(upload, "filename", None) or "upload"


def _upload_payload(uploaded: Uploaded) -> AssetUploadPayload:
    return AssetUploadPayload(asset=Asset.from_model(uploaded.asset), reused=uploaded.reused,
                              job=Job.from_model(uploaded.job) if uploaded.job else None)


@strawberry.type
class AssetQuery:
    @strawberry.field(description="One of the viewer's assets, or null when it has none with "
                      "this id.")
    async def asset(self, info: Info, id: AssetId) -> Asset | None:
        try:
            found = await info.context.services.assets.get_visible(info.context.viewer, id)
        except NotFound:
            return None
        info.context.loaders.asset_by_id.prime(found.id, found)
        return Asset.from_model(found)

    @strawberry.field(description="The viewer's assets: newest first, most relevant first "
                      "with a search, or in `orderBy`.")
    async def assets(
        self,
        info: Info,
        first: First = None,
        after: After = None,
        filter: Annotated[AssetFilter | None, strawberry.argument(
            description="Only the assets that match")] = None,
        last: Last = None,
        before: Before = None,
        search: Annotated[str | None, strawberry.argument(description=(
            "Only assets whose name, description or tags hold any of these words (in any "
            "case; at most ATELIER_MAX_SEARCH_WORDS), most relevant first unless `orderBy` "
            "says otherwise"))] = None,
        order_by: Annotated[AssetOrder | None, strawberry.argument(
            description="The order; null: newest first, or RELEVANCE with a search")] = None,
    ) -> AssetConnection:
        page = await info.context.services.assets.list(
            info.context.viewer, first=first, after=after, last=last, before=before,
            where=asset_filter(filter), search=search, order=asset_order(order_by))
        # Fields of the page that need these assets again (a scene, a job's asset) read none.
        info.context.loaders.asset_by_id.prime_many({asset.id: asset for asset in page.items})
        return connection(page, Asset.from_model)


@strawberry.type
class AssetMutation:
    @strawberry.mutation(description="Upload a model (GraphQL multipart request); starts ingest.")
    @errors_as_data(AssetUploadPayload)
    async def asset_upload(
        self,
        info: Info,
        file: Annotated[Upload, strawberry.argument(
            description="The model: a file part of the multipart request")],
        name: Annotated[str | None, strawberry.argument(
            description="The asset's display name; null: the file's name")] = None,
        tags: Tags = None,
        copy: Copy = False,
        idempotency_key: IdempotencyKey = None,
        project_id: Annotated[strawberry.ID | None, strawberry.argument(
            description="The project to put it in (EDITOR or OWNER there); null: the "
            "viewer's personal one")] = None,
        asset_id: Annotated[strawberry.ID | None, strawberry.argument(description=(
            "An asset you may edit: the file becomes its next version (ingested by its own "
            "job; current once READY) instead of a new asset; name, tags, copy and projectId "
            "are then ignored"))] = None,
    ) -> AssetUploadPayload:
        _require_file_part(file, ["file"])
        request = {"operation": "assetUpload", "file": _described(file), "name": name,
                   "tags": tags, "copy": copy,
                   **({"project_id": project_id} if project_id else {}),
                   **({"asset_id": asset_id} if asset_id else {})}
        services, viewer = info.context.services, info.context.viewer
        uploaded = await once(info, idempotency_key, request, lambda: (
            services.assets.upload(viewer, filename=_filename(file), chunks=_chunks(file),
                                   name=name, tags=tags, copy=copy, project_id=project_id)
            if asset_id is None else services.asset_versions.upload(
                viewer, asset_id, filename=_filename(file), chunks=_chunks(file))),
            UPLOADED_REPLAY)
        return _upload_payload(uploaded)

    @strawberry.mutation(description="Upload several models in one multipart request: each "
                         "file its own asset and ingest job.")
    @errors_as_data(AssetUploadManyPayload)
    async def asset_upload_many(
        self,
        info: Info,
        files: Annotated[list[Upload], strawberry.argument(
            description="The models, file parts of the multipart request; a .zip of models "
            "counts as its models")],
        tags: Annotated[list[str] | None, strawberry.argument(
            description="Labels for filtering, given to every asset")] = None,
        copy: Copy = False,
        idempotency_key: IdempotencyKey = None,
    ) -> AssetUploadManyPayload:
        for index, file in enumerate(files):
            _require_file_part(file, ["files", str(index)])
        batch = [BatchFile(_filename(file), _chunks(file)) for file in files]
        request = {"operation": "assetUploadMany", "files": [_described(f) for f in files],
                   "tags": tags, "copy": copy}
        results = await once(info, idempotency_key, request, lambda: (
            info.context.services.uploads.upload_many(
                info.context.viewer, batch, tags=tags, copy=copy)), BATCH_REPLAY)
        return AssetUploadManyPayload(uploads=[
            AssetUploadPayload(errors=[user_error(result)]) if isinstance(result, AtelierError)
            else _upload_payload(result) for result in results])

    @strawberry.mutation(description="Start a direct upload: PUT the bytes to the returned "
                         "uploadUrl, then call assetUploadComplete.")
    @errors_as_data(AssetUploadCreatePayload)
    async def asset_upload_create(
        self, info: Info,
        input: Annotated[AssetUploadCreateInput, strawberry.argument(
            description="The file to be PUT: its name, exact size and, best, its sha256")],
        idempotency_key: IdempotencyKey = None,
    ) -> AssetUploadCreatePayload:
        services, base_url = info.context.services, info.context.base_url
        request = {"operation": "assetUploadCreate", "input": strawberry.asdict(input)}
        created = await once(info, idempotency_key, request, lambda: services.uploads.create(
            info.context.viewer, filename=input.filename, size_bytes=input.size_bytes,
            sha256=input.sha256, name=input.name, tags=input.tags, copy=input.copy,
            base_url=base_url, asset_id=input.asset_id),
            direct_upload_replay(services.uploads, base_url))
        target = created.target
        return AssetUploadCreatePayload(
            asset=Asset.from_model(created.asset), reused=created.reused,
            upload_url=target.url if target else None,
            upload_headers=[UploadHeader(name=k, value=v)
                            for k, v in (target.headers if target else {}).items()],
            expires_at=target.expires_at if target else None)

    @strawberry.mutation(description="Finish a direct upload: checks the size and sha256 "
                         "declared, then starts ingest.")
    @errors_as_data(AssetUploadPayload)
    async def asset_upload_complete(
        self, info: Info, asset_id: Annotated[strawberry.ID, strawberry.argument(
            description="The PENDING_UPLOAD asset assetUploadCreate returned, or the asset "
            "whose next version it declared (the newest declaration is completed)")]
    ) -> AssetUploadPayload:
        uploaded = await info.context.services.uploads.complete(info.context.viewer, asset_id)
        return _upload_payload(uploaded)

    @strawberry.mutation(description="Move an asset to the trash (cancelling its running "
                         "ingest): hidden from every read, restorable with assetRestore for "
                         "ATELIER_TRASH_RETENTION_DAYS, then swept with its files. A direct "
                         "upload never completed is removed at once.")
    @errors_as_data(AssetDeletePayload)
    async def asset_delete(self, info: Info, id: AssetId) -> AssetDeletePayload:
        deleted = await info.context.services.asset_trash.delete(info.context.viewer, id)
        return AssetDeletePayload(deleted_id=strawberry.ID(deleted.id))


def _asset_event(outcome: AssetOutcome) -> AssetEvent:
    return AssetEvent(asset=Asset.from_model(outcome.asset), cursor=outcome.cursor,
                      version=outcome.version)


@strawberry.type
class AssetSubscription:
    @strawberry.subscription(
        description="An asset reached READY or FAILED: the one given (its outcome, then the "
        "stream ends), or any the viewer may see. With afterCursor (an event's cursor), every "
        "outcome after it first, so a client that reconnects misses none."
    )
    async def asset_ready(
        self, info: Info,
        asset_id: Annotated[strawberry.ID | None, strawberry.argument(
            description="One asset to wait for; null: every asset the viewer may see")] = None,
        after_cursor: Annotated[str | None, strawberry.argument(
            description="An AssetEvent's cursor: replay every outcome after it first")] = None,
    ) -> AsyncIterator[AssetEvent]:
        stream = info.context.services.live.asset_outcomes(info.context.viewer, asset_id,
                                                           after_cursor)
        async for outcome in stream:
            yield shared_event(outcome, _asset_event)
