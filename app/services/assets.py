"""Assets: streamed uploads (identical bytes reused), lookups, listing, and the READY/FAILED
outcome (deleting and restoring are asset_trash.py's).

An asset and its ingest job (with the job's first event) are created in one transaction, so a
crash or an outage leaves both or neither; the job reaches the queue after the commit, and the
reaper delivers it if that hand-over is lost. Assets an older version left UPLOADED without a
job are given one by `recover_orphans`.
"""

from __future__ import annotations

import logging
import re
from collections.abc import AsyncIterable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePosixPath
from typing import Any

from pymongo.asynchronous.client_session import AsyncClientSession

from app.config import Settings
from app.errors import InvalidInput, InvalidState, NotFound, errors_under
from app.faults import ASSET_INSERTED, crash_point
from app.models.asset import Asset, AssetStatus
from app.models.common import ErrorInfo, FileRole, StoredFile, utcnow
from app.models.job import Job, JobKind
from app.models.project import personal_project_id
from app.models.token import Scope
from app.services.asset_details import KEEP, AssetEdit, CatalogLimits, edited_details
from app.services.asset_outcomes import AssetOutcomeLog
from app.services.asset_search import (
    AssetFilter,
    AssetOrder,
    asset_query,
    ordering_of,
    search_words,
)
from app.services.asset_writes import edit_asset, set_asset_status, update_asset
from app.services.auth import Principal
from app.services.jobs import JobService
from app.services.keyset import keyset_page
from app.services.page_cache import PageCache
from app.services.pagination import Page, paginate
from app.services.storage import Storage
from app.services.storage.base import ObjectInfo
from app.services.usage import UsageService

log = logging.getLogger(__name__)

_UNSAFE_FILENAME = re.compile(r"[^A-Za-z0-9._-]+")
# An identical upload returns the existing asset in these; a FAILED one is tried again.
REUSABLE_STATUSES = (AssetStatus.UPLOADED, AssetStatus.PROCESSING, AssetStatus.READY)


def safe_filename(filename: str) -> str:
    """The base name of an uploaded file, reduced to characters safe in storage keys."""
    base = PurePosixPath(filename.replace("\\", "/")).name
    cleaned = _UNSAFE_FILENAME.sub("_", base).strip("._") or "upload"
    return cleaned[-120:]


def original_key(asset_id: str, filename: str) -> str:
    return f"assets/{asset_id}/original/{safe_filename(filename)}"


@dataclass(frozen=True)
class LabelLimits:
    """How many tags an asset may have, and how long they and its name may be: a view of
    Settings."""

    max_tags: int
    max_tag_length: int
    max_name_length: int

    @classmethod
    def from_settings(cls, settings: Settings) -> LabelLimits:
        return cls(max_tags=settings.max_asset_tags,
                   max_tag_length=settings.max_asset_tag_length,
                   max_name_length=settings.max_asset_name_length)


def clean_tags(tags: list[str] | None, limits: LabelLimits) -> list[str]:
    cleaned = list(dict.fromkeys(tag.strip() for tag in tags or [] if tag.strip()))
    if len(cleaned) > limits.max_tags:
        raise InvalidInput(f"at most {limits.max_tags} tags are allowed", field=["tags"])
    if any(len(tag) > limits.max_tag_length for tag in cleaned):
        raise InvalidInput(f"a tag may have at most {limits.max_tag_length} characters",
                           field=["tags"])
    return cleaned


def clean_name(name: str | None, filename: str, limits: LabelLimits) -> str:
    chosen = (name or "").strip() or PurePosixPath(filename.replace("\\", "/")).name or "upload"
    if len(chosen) > limits.max_name_length:
        raise InvalidInput(f"name may have at most {limits.max_name_length} characters",
                           field=["name"])
    return chosen


@dataclass(frozen=True)
class Uploaded:
    asset: Asset
    job: Job | None
    reused: bool = False


def record_original(asset: Asset, key: str, stored: ObjectInfo) -> None:
    """Note the stored upload on the asset: its size, hash and ORIGINAL file."""
    asset.size_bytes, asset.sha256 = stored.size_bytes, stored.sha256
    asset.files = [f for f in asset.files if f.role is not FileRole.ORIGINAL]
    asset.files.append(StoredFile(
        role=FileRole.ORIGINAL, format=PurePosixPath(key).suffix.lstrip(".").upper() or "UNKNOWN",
        key=key, size_bytes=stored.size_bytes, content_type="application/octet-stream",
        filename=PurePosixPath(key).name))


class AssetService:
    def __init__(
        self, storage: Storage, jobs: JobService, outcomes: AssetOutcomeLog, *,
        max_upload_bytes: int, labels: LabelLimits,
        max_page_size: int, details: CatalogLimits, fault_inject: str | None = None,
        usage: UsageService | None = None, pages: PageCache[Asset] | None = None,
    ) -> None:
        self.usage = usage or UsageService()
        # No cache unless given one: only a process with a change feed may keep pages.
        self.pages = pages or PageCache(None, Asset.Settings.name, seconds=0, most=0)
        self.storage = storage
        self.jobs = jobs
        self.outcomes = outcomes
        self.max_upload_bytes = max_upload_bytes
        self.labels = labels
        self.details = details
        self.max_page_size = max_page_size
        self.fault_inject = fault_inject

    async def upload(
        self,
        principal: Principal,
        *,
        filename: str,
        chunks: AsyncIterable[bytes],
        name: str | None = None,
        tags: list[str] | None = None,
        copy: bool = False,
        project_id: str | None = None,
    ) -> Uploaded:
        """Stream a file to storage, then record the asset (in `project_id`, else the
        uploader's personal project) and queue its ingest job; identical bytes in that project
        give back the asset made of them, unless `copy`."""
        principal.require(Scope.ASSETS_WRITE)
        asset = Asset(
            owner=principal.owner,
            project_id=writable_project(principal, project_id),
            name=clean_name(name, filename, self.labels),
            filename=filename or "upload",
            tags=clean_tags(tags, self.labels),
        )
        key = original_key(asset.id, asset.filename)
        await self.jobs.ensure_capacity(asset.owner)  # before a byte is stored
        await self.usage.ensure_room(asset.owner)
        stored = await self.storage.put_stream(key, chunks, max_bytes=self.max_upload_bytes)
        try:
            existing = None if copy else await self.identical(asset.project_id, stored.sha256,
                                                              asset.id)
            if existing is None:
                record_original(asset, key, stored)
                return Uploaded(asset, await self.create_with_ingest(asset), reused=False)
        except Exception:
            # Nothing was recorded (the transaction is all or nothing): drop the bytes too.
            await self.storage.delete(key)
            raise
        await self.storage.delete(key)
        return Uploaded(existing, await Job.get(existing.ingest_job_id or ""), reused=True)

    async def identical(self, project_id: str, sha256: str | None, other_than: str
                        ) -> Asset | None:
        """The project's first asset made from the same bytes whose ingest can still finish:
        READY, or on its way with a live ingest job. A failed one (or one whose job is gone)
        is not reused, so a new try is made."""
        if sha256 is None:
            return None
        candidates = Asset.find({
            "project_id": project_id, "sha256": sha256, "_id": {"$ne": other_than},
            "status": {"$in": [s.value for s in REUSABLE_STATUSES]}}).sort("_id")
        candidate: Asset
        async for candidate in candidates:
            if candidate.status is AssetStatus.READY or await _ingest_can_run(candidate):
                return candidate
        return None

    async def create_with_ingest(self, asset: Asset) -> Job:
        """Insert the new `asset` with its ingest job, in one transaction."""

        async def insert(job: Job, session: AsyncClientSession) -> None:
            asset.ingest_job_id = job.id
            await Asset.get_pymongo_collection().insert_one(asset.model_dump(by_alias=True),
                                                            session=session)
            crash_point(ASSET_INSERTED, self.fault_inject)

        return await self.jobs.create(asset.owner, JobKind.INGEST, asset_id=asset.id,
                                      also=insert, project_id=asset.project_id)

    async def start_ingest(self, asset: Asset, *, only_if: dict[str, Any] | None = None,
                           changes: dict[str, Any] | None = None) -> Job:
        """Give the stored `asset` its ingest job, in one transaction with `changes` to the
        asset; InvalidState (and nothing written) when the asset no longer matches `only_if`."""

        async def link(job: Job, session: AsyncClientSession) -> None:
            if not await update_asset(asset.id, {**(changes or {}), "ingest_job_id": job.id},
                                      only_if=only_if, session=session):
                raise InvalidState("the asset was changed by another request",
                                   field=["asset_id"])

        job = await self.jobs.create(asset.owner, JobKind.INGEST, asset_id=asset.id, also=link,
                                     project_id=asset.project_id)
        asset.ingest_job_id = job.id
        return job

    async def recover_orphans(self, older_than_seconds: float, limit: int = 50) -> int:
        """Give an ingest job to each UPLOADED asset left without one (by a crash in an older
        version, which wrote them apart), or link the job it was made with."""
        cutoff = utcnow() - timedelta(seconds=older_than_seconds)
        orphans = Asset.find({"status": AssetStatus.UPLOADED.value, "ingest_job_id": None,
                              "updated_at": {"$lt": cutoff}}).limit(limit)
        count = 0
        async for orphan in orphans:
            made = await Job.find_one({"asset_id": orphan.id, "kind": JobKind.INGEST.value})
            if made is not None:
                await update_asset(orphan.id, {"ingest_job_id": made.id},
                                   only_if={"ingest_job_id": None})
            else:
                try:
                    await self.start_ingest(orphan, only_if={"ingest_job_id": None})
                except InvalidState:
                    continue
            count += 1
        if count:
            log.warning("recovered %d assets that had no ingest job", count)
        return count

    async def get_visible(self, principal: Principal, asset_id: str) -> Asset:
        principal.require(Scope.ASSETS_READ)
        return await self._find_visible(principal, asset_id)

    async def _find_visible(self, principal: Principal, asset_id: str) -> Asset:
        """The asset, or NOT_FOUND alike when there is none and when it is in a project the
        caller is no member of."""
        asset = await Asset.get(asset_id)
        if asset is None or not principal.projects.can_read(asset.project_id):
            raise _no_asset(asset_id)
        return asset

    async def get_writable(self, principal: Principal, asset_id: str) -> Asset:
        """The asset for a change: NOT_FOUND as `get_visible`, FORBIDDEN for a VIEWER."""
        principal.require(Scope.ASSETS_WRITE)
        asset = await self._find_visible(principal, asset_id)
        principal.projects.require_write(asset.project_id, _no_asset(asset_id))
        return asset

    async def update(self, principal: Principal, asset_id: str, edit: AssetEdit) -> Asset:
        """Set what `edit` gives, all checked first: a refusal changes nothing."""
        asset = await self.get_writable(principal, asset_id)
        fields = edited_details(edit, self.details)
        if edit.name is not KEEP:
            fields["name"] = clean_name(edit.name, asset.filename, self.labels)
        if edit.tags is not KEEP:
            fields["tags"] = clean_tags(edit.tags, self.labels)
        document = await edit_asset(asset, fields)
        if document is None:
            raise NotFound(f"no asset with id {asset_id}", field=["id"])
        updated: Asset = Asset.model_validate(document)
        return updated

    async def list(
        self, principal: Principal, *, first: int | None, after: str | None, where: AssetFilter,
        last: int | None = None, before: str | None = None, search: str | None = None,
        order: AssetOrder | None = None,
    ) -> Page[Asset]:
        """The viewer's assets matching `where` and `search`, in `order` (newest first, or
        most relevant first with a search)."""
        principal.require(Scope.ASSETS_READ)
        words = search_words(search, self.details.max_search_words)
        with errors_under("where"):
            query = asset_query(principal, where, words)
        ordering = ordering_of(order, words)

        async def read() -> Page[Asset]:
            if ordering is None:
                return await paginate(Asset, query, first=first, after=after, last=last,
                                      before=before, max_size=self.max_page_size)
            return await keyset_page(Asset, query, ordering, first=first, after=after,
                                     last=last, before=before, max_size=self.max_page_size)

        return await self.pages.page(query, (ordering, first, after, last, before), read)

    async def set_status(self, asset_id: str, status: AssetStatus, **changes: Any) -> None:
        await set_asset_status(asset_id, status, changes)

    async def finish(
        self, asset: Asset, status: AssetStatus, *, error: ErrorInfo | None = None,
        **changes: Any,
    ) -> None:
        """Record READY or FAILED with its numbered outcome event, which assetReady follows
        (through the database's change stream, so Redis plays no part)."""
        fields = {**changes, "error": error.model_dump() if error else None}
        await self.outcomes.record(asset.id, status, fields)


def writable_project(principal: Principal, project_id: str | None) -> str:
    """The project a new asset goes into: `project_id` if the caller writes it (NOT_FOUND
    when it is no member, FORBIDDEN when a VIEWER), else its personal project."""
    if project_id is None:
        return personal_project_id(principal.owner)
    principal.projects.require_write(project_id, NotFound(
        f"no project with id {project_id}", field=["project_id"]))
    return project_id


def _no_asset(asset_id: str) -> NotFound:
    return NotFound(f"no asset with id {asset_id}", field=["id"])


async def _ingest_can_run(asset: Asset) -> bool:
    job = await Job.get(asset.ingest_job_id) if asset.ingest_job_id else None
    return job is not None and not job.is_terminal
