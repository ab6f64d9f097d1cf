"""Ways in besides one multipart file: direct uploads (declare, PUT the bytes to storage,
complete), batches of files, and the models of a bundle zip; and the expiry of direct uploads
that are never completed."""

from __future__ import annotations

import asyncio
import hashlib
import re
from collections.abc import AsyncIterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from arq.connections import ArqRedis
from pymongo.errors import DuplicateKeyError

from app.config import Settings
from app.errors import (
    AtelierError,
    Conflict,
    InvalidInput,
    InvalidState,
    LimitExceeded,
    NotFound,
    TooLarge,
)
from app.geometry.bundles import BundleMember
from app.models.asset import TERMINAL_ASSET_STATUSES, Asset, AssetStatus
from app.models.common import new_id, utcnow
from app.models.job import Job
from app.models.project import personal_project_id
from app.models.token import Scope
from app.models.upload import PendingUpload
from app.services.asset_versions import AssetVersionService
from app.services.assets import (
    AssetService,
    Uploaded,
    clean_name,
    clean_tags,
    original_key,
    record_original,
    safe_filename,
)
from app.services.auth import Principal
from app.services.storage import Storage
from app.services.storage.base import CHUNK_SIZE, ObjectInfo, UploadTarget, sha256_of_stream

EXPIRE_FUNCTION = "expire_uploads"
# An ingest job's params list its bundle's other models once the zip is unpacked.
BUNDLE_MEMBERS = "bundle_members"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


@dataclass(frozen=True)
class UploadLimits:
    max_upload_bytes: int
    max_batch_files: int
    url_ttl_seconds: int
    pending_expiry_seconds: int

    @classmethod
    def from_settings(cls, settings: Settings) -> UploadLimits:
        return cls(settings.max_upload_bytes, settings.max_batch_files,
                   settings.upload_url_ttl_seconds, settings.pending_upload_expiry_seconds)


@dataclass(frozen=True)
class DirectUpload:
    """A PENDING_UPLOAD asset and where to PUT its bytes; no target when identical bytes
    already made an asset, which is returned instead."""

    asset: Asset
    target: UploadTarget | None
    reused: bool = False


@dataclass(frozen=True)
class BatchFile:
    filename: str
    chunks: AsyncIterable[bytes]


class UploadService:
    def __init__(self, assets: AssetService, versions: AssetVersionService, storage: Storage,
                 arq: ArqRedis, queue_name: str, limits: UploadLimits) -> None:
        self.assets = assets
        self.versions = versions
        self.storage = storage
        self.arq = arq
        self.queue_name = queue_name
        self.limits = limits

    @classmethod
    def from_settings(cls, assets: AssetService, versions: AssetVersionService, storage: Storage,
                      arq: ArqRedis, settings: Settings) -> UploadService:
        return cls(assets, versions, storage, arq, settings.queue_name,
                   UploadLimits.from_settings(settings))

    async def create(self, principal: Principal, *, filename: str, size_bytes: int,
                     sha256: str | None, name: str | None, tags: list[str] | None, copy: bool,
                     base_url: str, asset_id: str | None = None) -> DirectUpload:
        """Declare a direct upload: a PENDING_UPLOAD asset (or, with `asset_id`, the next
        version of that asset) and a signed URL to PUT it to."""
        principal.require(Scope.ASSETS_WRITE)
        declared_hash = _checked_upload(filename, size_bytes, sha256, self.limits)
        if asset_id is not None:
            return await self._create_version(principal, asset_id, filename, size_bytes,
                                              declared_hash, base_url)
        await self.assets.jobs.ensure_capacity(principal.owner)
        await self.assets.usage.ensure_room(principal.owner, adding_bytes=size_bytes)
        existing = None if copy else await self.assets.identical(
            personal_project_id(principal.owner), declared_hash, "")
        if existing is not None:
            return DirectUpload(existing, None, reused=True)
        asset = Asset(owner=principal.owner, name=clean_name(name, filename, self.assets.labels),
                      filename=filename,
                      tags=clean_tags(tags, self.assets.labels), status=AssetStatus.PENDING_UPLOAD,
                      size_bytes=size_bytes, sha256=declared_hash)
        key = original_key(asset.id, filename)
        target = await self.storage.upload_target(
            key, content_type="application/octet-stream", base_url=base_url,
            expires_in=self.limits.url_ttl_seconds, size_bytes=size_bytes)
        expires_at = self._expiry()
        await asset.insert()
        await PendingUpload(id=asset.id, owner=asset.owner, key=key, size_bytes=size_bytes,
                            sha256=declared_hash, copy_requested=copy,
                            expires_at=expires_at).insert()
        await self._expire_at(expires_at, asset.id)
        return DirectUpload(asset, target)

    async def _create_version(self, principal: Principal, asset_id: str, filename: str,
                              size_bytes: int, sha256: str | None, base_url: str
                              ) -> DirectUpload:
        """A direct upload of the asset's next version; the asset is unchanged until it is
        completed and ingested. A declaration replaces the asset's earlier one not completed
        (a client retrying), so completing it takes the newest."""
        asset = await self.versions.addable(principal, asset_id, adding_bytes=size_bytes)
        pending_id = new_id("upl")
        key = f"assets/{asset.id}/uploads/{pending_id}/{safe_filename(filename)}"
        target = await self.storage.upload_target(
            key, content_type="application/octet-stream", base_url=base_url,
            expires_in=self.limits.url_ttl_seconds, size_bytes=size_bytes)
        for earlier in await PendingUpload.find({"version_of": asset.id}).to_list():
            await self._expire(earlier)
        expires_at = self._expiry()
        await PendingUpload(id=pending_id, owner=asset.owner, key=key, size_bytes=size_bytes,
                            sha256=sha256, version_of=asset.id, filename=filename,
                            expires_at=expires_at).insert()
        await self._expire_at(expires_at, pending_id)
        return DirectUpload(asset, target)

    def _expiry(self) -> datetime:
        return utcnow() + timedelta(seconds=max(self.limits.pending_expiry_seconds,
                                                self.limits.url_ttl_seconds))

    async def _expire_at(self, expires_at: datetime, upload_id: str) -> None:
        # One sweep due when this upload expires; it removes every upload expired by then.
        await self.arq.enqueue_job(EXPIRE_FUNCTION, _defer_until=expires_at,
                                   _job_id=f"{EXPIRE_FUNCTION}:{upload_id}",
                                   _queue_name=self.queue_name)

    async def resume(self, asset_id: str, base_url: str) -> DirectUpload:
        """A direct upload declared before, with its URL signed anew while it still waits for
        its bytes (for a client retrying `create` after a lost answer)."""
        asset = await Asset.get(asset_id)
        if asset is None:
            raise NotFound(f"no asset with id {asset_id}", field=["asset_id"])
        pending = await PendingUpload.get(asset_id)
        if pending is None:
            return DirectUpload(asset, None)
        target = await self.storage.upload_target(
            pending.key, content_type="application/octet-stream", base_url=base_url,
            expires_in=self.limits.url_ttl_seconds, size_bytes=pending.size_bytes)
        return DirectUpload(asset, target)

    async def complete(self, principal: Principal, asset_id: str) -> Uploaded:
        """Check the PUT bytes against the declaration, then start ingest (or give back the
        asset identical bytes already made)."""
        principal.require(Scope.ASSETS_WRITE)
        asset = await self.assets.get_writable(principal, asset_id)
        pending = await PendingUpload.get(asset.id)
        if pending is None and asset.status is not AssetStatus.PENDING_UPLOAD:
            newest = await PendingUpload.find({"version_of": asset.id}).sort(
                "-created_at").limit(1).to_list()
            if newest:
                return await self._complete_version(asset, newest[0])
        if asset.status is not AssetStatus.PENDING_UPLOAD or pending is None:
            raise InvalidState(f"the asset is {asset.status.value}; only an asset in "
                               "PENDING_UPLOAD can be completed", field=["asset_id"])
        if pending.expires_at < utcnow():
            await self._expire(pending)
            raise InvalidState("the upload expired and was removed", field=["asset_id"])
        stored = await self._verified(pending)
        existing = None if pending.copy_requested else await self.assets.identical(
            asset.project_id, stored.sha256, asset.id)
        if existing is not None:
            await self._expire(pending)  # the same bytes as the existing asset: not kept twice
            return await self._reused(existing)
        record_original(asset, pending.key, stored)
        try:
            # The asset becomes UPLOADED together with its ingest job, or not at all.
            job = await self.assets.start_ingest(
                asset, only_if={"status": AssetStatus.PENDING_UPLOAD.value},
                changes={"status": AssetStatus.UPLOADED.value, "sha256": stored.sha256,
                         "size_bytes": stored.size_bytes,
                         "files": [f.model_dump() for f in asset.files]})
        except InvalidState:
            raise InvalidState("the upload was completed by another request",
                               field=["asset_id"]) from None
        await pending.delete()
        asset.status = AssetStatus.UPLOADED
        return Uploaded(asset, job)

    async def _complete_version(self, asset: Asset, pending: PendingUpload) -> Uploaded:
        """Check a new version's PUT bytes, then record the version and queue its ingest."""
        if pending.expires_at < utcnow():
            await self._expire(pending)
            raise InvalidState("the upload expired and was removed", field=["asset_id"])
        if asset.status not in TERMINAL_ASSET_STATUSES:
            raise InvalidState(f"the asset is {asset.status.value}; a new version can be added "
                               "once it is READY or FAILED", field=["asset_id"])
        stored = await self._verified(pending)
        claimed = await PendingUpload.get_pymongo_collection().delete_one({"_id": pending.id})
        if claimed.deleted_count == 0:
            raise InvalidState("the upload was completed by another request",
                               field=["asset_id"])
        return await self.versions.add(asset, pending.filename or "upload", stored)

    async def upload_many(self, principal: Principal, files: Sequence[BatchFile], *,
                          tags: list[str] | None, copy: bool
                          ) -> list[Uploaded | AtelierError]:
        """Each file its own asset and ingest job; one file's failure does not stop the rest."""
        principal.require(Scope.ASSETS_WRITE)
        if not files:
            raise InvalidInput("no files were given", field=["files"])
        if len(files) > self.limits.max_batch_files:
            raise LimitExceeded(f"{len(files)} files were given; the limit is "
                                f"{self.limits.max_batch_files} per request", field=["files"])
        results: list[Uploaded | AtelierError] = []
        for file in files:
            try:
                results.append(await self.assets.upload(
                    principal, filename=file.filename, chunks=file.chunks, tags=tags, copy=copy))
            except AtelierError as error:
                results.append(error)
        return results

    async def add_bundle_member(self, bundle: Asset, job_id: str, number: int,
                                member: BundleMember) -> Asset:
        """Make model `number` of the zip `bundle` its own UPLOADED asset, ingested by the
        bundle's own job `job_id` (one job per bundle, not one per member). Its id comes from
        the bundle's, so a redelivered job finds the members it already made."""
        asset = Asset(id=f"{bundle.id}-{number}", owner=bundle.owner, name=member.name,
                      filename=member.filename, tags=bundle.tags, ingest_job_id=job_id)
        found = await Asset.get(asset.id)
        if found is not None:
            return found
        key = original_key(asset.id, member.filename)
        size = (await self.storage.put_file(key, member.path)).size_bytes
        record_original(asset, key, ObjectInfo(key, size, await _sha256_of_file(member.path)))
        try:
            await asset.insert()
        except DuplicateKeyError:
            return await Asset.get(asset.id) or asset
        return asset

    async def record_bundle(self, job_id: str, member_ids: list[str]) -> None:
        """Note on the bundle's job which assets it still has to ingest (its next turns read
        them); not an event, clients see the members as assets."""
        await self.assets.jobs.log.set_param(job_id, BUNDLE_MEMBERS, member_ids)

    async def expire_pending(self) -> int:
        """Delete every PENDING_UPLOAD asset past its expiry, with any bytes PUT for it."""
        count = 0
        async for pending in PendingUpload.find({"expires_at": {"$lt": utcnow()}}):
            await self._expire(pending)
            count += 1
        return count

    async def _expire(self, pending: PendingUpload) -> None:
        await Asset.find_one({"_id": pending.id,
                              "status": AssetStatus.PENDING_UPLOAD.value}).delete()
        await self.storage.delete(pending.key)
        await pending.delete()

    async def _verified(self, pending: PendingUpload) -> ObjectInfo:
        info = await self.storage.info(pending.key)
        if info is None:
            raise InvalidState("nothing has been uploaded to the upload URL yet",
                               field=["asset_id"])
        # An upload URL only creates its object: bytes that fail the check are removed, so the
        # client can PUT again.
        if info.size_bytes != pending.size_bytes:
            await self.storage.delete(pending.key)
            raise Conflict(f"{info.size_bytes} bytes were uploaded but {pending.size_bytes} "
                           "were declared", field=["size_bytes"])
        stored = await sha256_of_stream(self.storage.get_stream(pending.key))
        if pending.sha256 is not None and stored.sha256 != pending.sha256:
            await self.storage.delete(pending.key)
            raise Conflict(f"the uploaded bytes have sha256 {stored.sha256}, not the declared "
                           f"{pending.sha256}", field=["sha256"])
        return ObjectInfo(pending.key, stored.size_bytes, stored.sha256)

    async def _reused(self, existing: Asset) -> Uploaded:
        return Uploaded(existing, await Job.get(existing.ingest_job_id or ""), reused=True)


def _checked_upload(filename: str, size_bytes: int, sha256: str | None,
                    limits: UploadLimits) -> str | None:
    """The declared sha256 in lower case, after checking the declaration."""
    if not filename.strip():
        raise InvalidInput("a file name is required", field=["filename"])
    if size_bytes < 1:
        raise InvalidInput("sizeBytes must be at least 1", field=["size_bytes"])
    if size_bytes > limits.max_upload_bytes:
        raise TooLarge(f"the file is larger than the limit of {limits.max_upload_bytes} bytes",
                       field=["size_bytes"])
    if sha256 is None:
        return None
    if not _SHA256.match(sha256.lower()):
        raise InvalidInput("sha256 must be 64 hexadecimal digits", field=["sha256"])
    return sha256.lower()


async def _sha256_of_file(path: Path) -> str:
    def digest() -> str:
        hasher = hashlib.sha256()
        with path.open("rb") as stream:
            while chunk := stream.read(CHUNK_SIZE):
                hasher.update(chunk)
        return hasher.hexdigest()

    return await asyncio.to_thread(digest)
