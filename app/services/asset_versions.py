"""Asset versions: an upload that adds a version to an existing asset (ingested by its own job),
the versions of an asset newest first, restoring an older one, and each version's outcome.

A version becomes current when its ingest reaches READY: its files, stats, validation and
thumbnail become the asset's, in one transaction with the outcome event assetReady follows
(the outgoing current version keeps the files the asset gathered meanwhile, conversions
included). A FAILED version leaves the current one current. An asset that stores no versions
reads as version 1 (app/models/asset_version.py); adding version 2 stores it first."""

from __future__ import annotations

from collections.abc import AsyncIterable, Awaitable, Callable
from typing import Any

from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.errors import DuplicateKeyError

from app.errors import Conflict, InvalidState, NotFound
from app.models.asset import TERMINAL_ASSET_STATUSES, Asset, AssetStatus
from app.models.asset_version import (
    CURRENT_FIELDS,
    VERSION_PREFIX,
    AssetVersion,
    derived_first_version,
    first_version_id,
)
from app.models.common import ErrorInfo, FileRole, StoredFile, new_id, utcnow
from app.models.job import JobKind
from app.models.token import Scope
from app.services.assets import AssetService, Uploaded, record_original, safe_filename
from app.services.auth import Principal
from app.services.pagination import Page, encode_cursor, key_window, paginate
from app.services.storage import ObjectInfo

# An ingest job's params name the version it ingests; none: the asset's first upload.
VERSION_PARAM = "asset_version"


def version_folder(number: int) -> str:
    """The storage folder, under the asset's, of a version's own objects."""
    return f"v{number}/"


def current_changes(version: AssetVersion) -> dict[str, Any]:
    """The asset's fields (encoded) that show `version` as the current one."""
    changes: dict[str, Any] = version.model_dump(include=set(CURRENT_FIELDS))
    return {**changes, "current_version": version.number, "status": AssetStatus.READY.value,
            "error": None}


class AssetVersionService:
    def __init__(self, assets: AssetService, max_page_size: int,
                 follow: Callable[[str], Awaitable[object]] | None = None) -> None:
        self.assets = assets
        self.max_page_size = max_page_size
        # Moves the scenes drawing an asset as latest to its current version. It runs after
        # the version's transaction: were the process to die between, those scenes keep
        # drawing the version they recorded (their files stay consistent) until the next
        # version or restore of the asset, or the next edit using it, follows it.
        self.follow = follow

    async def upload(self, principal: Principal, asset_id: str, *, filename: str,
                     chunks: AsyncIterable[bytes]) -> Uploaded:
        """Stream a file as the next version of the viewer's asset and queue its ingest; the
        asset is unchanged until that version is READY. NOT_FOUND (nothing stored) for an
        asset the viewer does not have."""
        asset = await self.addable(principal, asset_id)
        number = await _next_number(asset.id)
        key = (f"assets/{asset.id}/{version_folder(number)}original/"
               f"{safe_filename(filename or 'upload')}")
        stored = await self.assets.storage.put_stream(key, chunks,
                                                      max_bytes=self.assets.max_upload_bytes)
        return await self.add(asset, filename or "upload", stored, number)

    async def addable(self, principal: Principal, asset_id: str, adding_bytes: int = 0
                      ) -> Asset:
        """The asset a new version may be added to now, every check done before a byte is
        stored: NOT_FOUND, FORBIDDEN (a VIEWER), INVALID_STATE (its ingest not finished),
        QUOTA_EXCEEDED."""
        principal.require(Scope.ASSETS_WRITE)
        asset = await self._asset(principal, asset_id)
        if asset.status not in TERMINAL_ASSET_STATUSES:
            raise InvalidState(f"the asset is {asset.status.value}; a new version can be added "
                               "once it is READY or FAILED", field=["asset_id"])
        await self.assets.jobs.ensure_capacity(asset.owner)
        await self.assets.usage.ensure_room(asset.owner, adding_bytes=adding_bytes)
        return asset

    async def add(self, asset: Asset, filename: str, stored: ObjectInfo,
                  number: int | None = None) -> Uploaded:
        """Record the stored object as version `number` (default: the next) and queue its
        ingest, together; the object is deleted when that fails."""
        number = number or await _next_number(asset.id)
        key = stored.key
        scratch = asset.model_copy(update={"files": []})
        record_original(scratch, key, stored)
        version = AssetVersion(asset_id=asset.id, owner=asset.owner, number=number,
                               filename=filename, size_bytes=stored.size_bytes,
                               sha256=stored.sha256, files=scratch.files)

        async def insert(job: Any, session: AsyncClientSession) -> None:
            version.ingest_job_id = job.id
            documents = [version.model_dump(by_alias=True)]
            if number == 2:  # the asset's own upload becomes a stored version 1
                documents.insert(0, derived_first_version(asset).model_dump(by_alias=True))
            await AssetVersion.get_pymongo_collection().insert_many(documents, session=session)

        try:
            job = await self.assets.jobs.create(asset.owner, JobKind.INGEST, asset_id=asset.id,
                                                params={VERSION_PARAM: number}, also=insert,
                                                asset_version=number,
                                                project_id=asset.project_id)
        except DuplicateKeyError as exc:
            await self.assets.storage.delete(key)
            raise Conflict("another version was added at the same time; try again",
                           field=["asset_id"]) from exc
        except Exception:
            await self.assets.storage.delete(key)
            raise
        return Uploaded(asset, job)

    async def list(self, principal: Principal, asset: Asset, *, first: int | None,
                   after: str | None, last: int | None = None, before: str | None = None
                   ) -> Page[AssetVersion]:
        """The asset's versions, newest first (its derived version 1 when it stores none)."""
        principal.require(Scope.ASSETS_READ)
        query = {"asset_id": asset.id}
        if await AssetVersion.find_one(query) is not None:
            return await paginate(AssetVersion, query, first=first, after=after, last=last,
                                  before=before, max_size=self.max_page_size)
        only = derived_first_version(asset)
        window = key_window([only.id], first=first, after=after, last=last, before=before,
                            cap=self.max_page_size)
        items = [only][window.start:window.stop]

        async def count() -> int:
            return 1

        return Page(items=items, count=count, has_next_page=window.has_next_page,
                    has_previous_page=window.has_previous_page,
                    cursors=[encode_cursor(item.id) for item in items])

    async def current(self, asset: Asset) -> AssetVersion:
        """The version the asset shows now."""
        stored = await AssetVersion.find_one({"asset_id": asset.id,
                                              "number": asset.current_version})
        return stored or derived_first_version(asset)

    async def get_visible(self, principal: Principal, version_id: str) -> AssetVersion | None:
        """The version with this id if the viewer may see its asset (None alike otherwise)."""
        principal.require(Scope.ASSETS_READ)
        stored = await AssetVersion.get(version_id)
        asset = await Asset.get(stored.asset_id if stored else
                                f"ast_{version_id.removeprefix(VERSION_PREFIX + '_')}")
        if asset is None or not principal.projects.can_read(asset.project_id):
            return None
        if stored is None and first_version_id(asset.id) == version_id and \
                await AssetVersion.find_one({"asset_id": asset.id}) is None:
            return derived_first_version(asset)
        return stored

    async def restore(self, principal: Principal, asset_id: str, number: int) -> Asset:
        """Make version `number` current again as a new version pointing at its files (none
        copied); NOT_FOUND for a version the asset does not have, INVALID_STATE for one that
        never became READY."""
        principal.require(Scope.ASSETS_WRITE)
        asset = await self._asset(principal, asset_id)
        if asset.status not in TERMINAL_ASSET_STATUSES:
            raise InvalidState(f"the asset is {asset.status.value}; wait for it to finish",
                               field=["asset_id"])
        stored = await AssetVersion.find_one({"asset_id": asset.id, "number": number})
        old = stored or (derived_first_version(asset) if number == 1 and
                         await AssetVersion.find_one({"asset_id": asset.id}) is None else None)
        if old is None:
            raise NotFound(f"the asset has no version {number}", field=["number"])
        if old.status is not AssetStatus.READY:
            raise InvalidState(f"version {number} is {old.status.value}; only a READY version "
                               "can be restored", field=["number"])
        new_number = await _next_number(asset.id)
        restored = old.model_copy(update={
            "id": new_id(VERSION_PREFIX), "number": new_number, "restored_from": number,
            "created_at": utcnow(), "ingest_job_id": None})

        async def write(session: AsyncClientSession) -> None:
            if new_number == 2:  # the asset's own upload becomes a stored version 1
                await _insert(derived_first_version(asset), session)
            await self._keep_current_files(asset, session)
            await _insert(restored, session)

        try:
            written = await self.assets.outcomes.record_version(
                asset.id, new_number, AssetStatus.READY, current_changes(restored), write)
        except DuplicateKeyError as exc:
            raise Conflict("another version was added at the same time; try again",
                           field=["asset_id"]) from exc
        if not written:
            raise NotFound(f"no asset with id {asset_id}", field=["asset_id"])
        if self.follow is not None:
            await self.follow(asset.id)
        return await self._asset(principal, asset_id)

    async def set_processing(self, version: AssetVersion) -> None:
        await AssetVersion.get_pymongo_collection().update_one(
            {"_id": version.id}, {"$set": {"status": AssetStatus.PROCESSING.value}})

    async def finish(self, version: AssetVersion, status: AssetStatus, *,
                     error: ErrorInfo | None = None, **changes: Any) -> None:
        """Record the version's READY (it becomes current unless a newer one already is) or
        FAILED (the current one stays), with its outcome event."""
        done = AssetVersion.model_validate({**version.model_dump(), **changes,
                                            "status": status, "error": error})
        asset = await Asset.get(version.asset_id)
        if asset is None:
            return
        becomes_current = status is AssetStatus.READY and version.number > asset.current_version

        async def write(session: AsyncClientSession) -> None:
            if becomes_current:
                await self._keep_current_files(asset, session)
            await AssetVersion.get_pymongo_collection().update_one(
                {"_id": version.id}, {"$set": done.model_dump(
                    include={"status", "error", *CURRENT_FIELDS})}, session=session)

        await self.assets.outcomes.record_version(
            asset.id, version.number, status,
            current_changes(done) if becomes_current else {}, write)
        if status is AssetStatus.READY and self.follow is not None:
            await self.follow(asset.id)

    @staticmethod
    async def _keep_current_files(asset: Asset, session: AsyncClientSession) -> None:
        """The outgoing current version keeps the files the asset lists now (a conversion
        made since it became current included)."""
        await AssetVersion.get_pymongo_collection().update_one(
            {"asset_id": asset.id, "number": asset.current_version},
            {"$set": {"files": [f.model_dump() for f in asset.files]}}, session=session)

    async def _asset(self, principal: Principal, asset_id: str) -> Asset:
        """The asset for a change: NOT_FOUND alike when there is none and when the viewer is
        no member of its project, FORBIDDEN for a VIEWER there."""
        return await self.assets.get_writable(principal, asset_id)


async def version_glb(asset: Asset, number: int | None) -> StoredFile | None:
    """The GLB of version `number` of the asset (None: the current one), if it has one."""
    if number is None or number == asset.current_version:
        return asset.file(FileRole.GLB)
    version = await AssetVersion.find_one({"asset_id": asset.id, "number": number})
    return next((f for f in version.files if f.role is FileRole.GLB), None) if version else None


async def _next_number(asset_id: str) -> int:
    newest = await AssetVersion.find({"asset_id": asset_id}).sort("-number").limit(1).to_list()
    return newest[0].number + 1 if newest else 2


async def _insert(version: AssetVersion, session: AsyncClientSession) -> None:
    await AssetVersion.get_pymongo_collection().insert_one(version.model_dump(by_alias=True),
                                                           session=session)


async def version_keys(asset_id: str) -> list[str]:
    """The storage keys every version of the asset names (a swept asset's)."""
    return [stored["key"] async for document in AssetVersion.get_pymongo_collection().find(
        {"asset_id": asset_id}, {"files.key": 1}) for stored in document.get("files", [])]


async def forget_versions(asset_id: str) -> None:
    """Delete the asset's version records, once their objects are gone."""
    await AssetVersion.get_pymongo_collection().delete_many({"asset_id": asset_id})


async def unlist_version_files(asset_id: str, keys: list[str]) -> None:
    """Take expired outputs off every version of the asset too."""
    await AssetVersion.get_pymongo_collection().update_many(
        {"asset_id": asset_id}, {"$pull": {"files": {"key": {"$in": keys}}}})

