"""Deleting and restoring assets. A delete cancels a running ingest and moves the asset to the
trash, where it is hidden from every read (they find no such asset) until it is restored or
swept; a restore puts it back as it was, files included, and starts again an ingest the delete
cut short. A direct upload never completed is no file yet: deleting it removes it at once."""

from __future__ import annotations

import functools

from app.models.asset import TERMINAL_ASSET_STATUSES, Asset, AssetStatus
from app.models.job import Job
from app.models.token import Scope
from app.models.trash import TrashKind
from app.models.upload import PendingUpload
from app.services.asset_writes import put_asset, take_asset
from app.services.assets import AssetService
from app.services.auth import Principal
from app.services.trash import Trash, not_found, trashed_project


class AssetTrash:
    def __init__(self, assets: AssetService, trash: Trash) -> None:
        self.assets = assets
        self.trash = trash

    async def delete(self, principal: Principal, asset_id: str) -> Asset:
        asset = await self.assets.get_writable(principal, asset_id)
        job = await _ingest_job(asset)
        if job is not None and not job.is_terminal:  # it may finish meanwhile: then it stays
            await self.assets.jobs.stop_unless_finished(principal, job.id)
        if asset.status is AssetStatus.PENDING_UPLOAD:
            await self._remove_direct_upload(asset)
        else:
            await self.trash.put_away(TrashKind.ASSET, asset.id,
                                      functools.partial(take_asset, asset.id))
        return asset

    async def restore(self, principal: Principal, asset_id: str) -> Asset:
        """The asset back from the trash; NOT_FOUND once swept, or when another owner's;
        QUOTA_EXCEEDED when the owner has since filled its quotas (the trash counts for none)."""
        principal.require(Scope.ASSETS_WRITE)
        entry = await self.trash.visible(principal, TrashKind.ASSET, asset_id)
        principal.projects.require_write(trashed_project(entry),
                                         not_found(TrashKind.ASSET, asset_id))
        stored = sum(int(f["size_bytes"]) for f in entry["document"].get("files", []))
        await self.assets.usage.ensure_room(entry["owner"], adding_bytes=stored)
        document = await self.trash.bring_back(principal, TrashKind.ASSET, asset_id, put_asset)
        asset: Asset = Asset.model_validate(document)
        if asset.status not in TERMINAL_ASSET_STATUSES:
            job = await _ingest_job(asset)
            if job is None or job.is_terminal:  # cancelled by the delete: ingest it again
                await self.assets.start_ingest(
                    asset, changes={"status": AssetStatus.UPLOADED.value})
                asset.status = AssetStatus.UPLOADED
        return asset

    async def _remove_direct_upload(self, asset: Asset) -> None:
        await asset.delete()
        pending = await PendingUpload.get(asset.id)
        if pending is not None:
            await self.assets.storage.delete(pending.key)
            await pending.delete()


async def _ingest_job(asset: Asset) -> Job | None:
    return await Job.get(asset.ingest_job_id) if asset.ingest_job_id else None
