"""Conversions: check a request and the viewer's rights before queueing a CONVERT job, reuse an
identical job instead of redoing its work, and store the file a job makes on its asset."""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath

from beanie import SortDirection
from redis.asyncio import Redis
from redis.exceptions import LockError

from app.config import Settings
from app.errors import Conflict, InvalidState, NotFound, errors_under
from app.geometry.convert import ConversionRequest, ConvertedFile, ConvertLimits
from app.models.asset import Asset, AssetStatus
from app.models.common import FileRole, StoredFile
from app.models.job import Job, JobKind, JobStatus
from app.models.token import Scope
from app.services.asset_versions import version_glb
from app.services.asset_writes import list_asset_file
from app.services.assets import safe_filename
from app.services.auth import Principal
from app.services.jobs import JobService
from app.services.storage import Storage

# A job in one of these states has done, or will do, the work a new identical request asks for.
REUSABLE_STATUSES = [JobStatus.QUEUED.value, JobStatus.RUNNING.value, JobStatus.SUCCEEDED.value]


def conversion_limits(settings: Settings) -> ConvertLimits:
    return ConvertLimits(max_source_bytes=settings.convert_max_source_bytes,
                         max_triangles=settings.max_triangles,
                         max_texture_pixels=settings.max_image_pixels,
                         max_output_bytes=settings.convert_max_output_bytes,
                         max_seconds=settings.job_timeout_seconds,
                         max_lod_levels=settings.lod_max_levels)


def cache_key(source_sha256: str, request: ConversionRequest) -> str:
    """Names one output of one source: equal sources and equal requests give equal keys."""
    return hashlib.sha256(f"{source_sha256}\n{request.key}".encode()).hexdigest()[:32]


def output_stem(asset: Asset) -> str:
    """The converted file's name before its suffix: the asset's name, made storage-safe."""
    return PurePosixPath(safe_filename(asset.name)).stem or "model"


class ConversionService:
    def __init__(self, jobs: JobService, storage: Storage, redis: Redis, limits: ConvertLimits,
                 *, lock_seconds: float = 10.0) -> None:
        self.jobs = jobs
        self.storage = storage
        self.redis = redis
        self.limits = limits
        self.lock_seconds = lock_seconds

    async def request(self, principal: Principal, asset_id: str, request: ConversionRequest
                      ) -> Job:
        """The CONVERT job for this asset and request: an identical one that is queued,
        running or succeeded, else a new one. Every check happens before a job exists."""
        principal.require(Scope.ASSETS_WRITE)
        with errors_under("request"):
            request.check(self.limits.max_lod_levels)
        asset = await self._convertible_asset(principal, asset_id)
        key = cache_key(str(asset.sha256), request)
        # Serialises identical requests across API processes, so two never both create a job.
        lock = self.redis.lock(f"atelier:convert:{asset.id}:{key}", timeout=self.lock_seconds,
                               blocking_timeout=self.lock_seconds)
        try:
            async with lock:
                return await self._reusable_job(asset.id, key) or await self.jobs.create(
                    principal.owner, JobKind.CONVERT, asset_id=asset.id,
                    params={**request.to_params(), "cache_key": key},
                    asset_version=asset.current_version, project_id=asset.project_id)
        except LockError:
            raise Conflict("an identical conversion request is being handled; try again",
                           field=["asset_id"]) from None

    async def source(self, job: Job) -> tuple[Asset, StoredFile]:
        """The asset a job converts and its normalised GLB; NotFound once the asset is gone."""
        asset = await Asset.get(job.asset_id or "")
        glb = await version_glb(asset, job.asset_version) if asset else None
        if asset is None or glb is None:
            raise NotFound("the asset was deleted before it could be converted")
        return asset, glb

    async def store_output(self, job: Job, converted: ConvertedFile) -> StoredFile:
        """Store the file under the asset's converted/<cache key>/ and list it on the asset
        (once, however often the job runs)."""
        key = f"assets/{job.asset_id}/converted/{job.params['cache_key']}/{converted.filename}"
        stored = await self.storage.put_file(key, converted.path,
                                             content_type=converted.content_type)
        output = StoredFile(role=FileRole.CONVERTED, format=converted.format.value, key=key,
                            size_bytes=stored.size_bytes, content_type=converted.content_type,
                            filename=converted.filename, job_id=job.id)
        if not await list_asset_file(job.asset_id or "", output):
            await self.storage.delete(key)  # deleted meanwhile: nothing would list the file
            raise NotFound("the asset was deleted while it was being converted")
        return output

    async def _convertible_asset(self, principal: Principal, asset_id: str) -> Asset:
        asset = await Asset.get(asset_id)
        missing = NotFound(f"no asset with id {asset_id}", field=["asset_id"])
        if asset is None:
            raise missing
        principal.projects.require_write(asset.project_id, missing)
        ready = asset.status is AssetStatus.READY and asset.sha256 is not None
        if not ready or asset.file(FileRole.GLB) is None:
            raise InvalidState(f"the asset is {asset.status.value}; only READY assets convert",
                               field=["asset_id"])
        return asset

    async def _reusable_job(self, asset_id: str, key: str) -> Job | None:
        # Served by the jobs' asset_id index: an asset has few jobs.
        return await Job.find(
            {"asset_id": asset_id, "kind": JobKind.CONVERT.value, "params.cache_key": key,
             "status": {"$in": REUSABLE_STATUSES}, "cancel_requested": False,
             # A succeeded job whose outputs expired has nothing left to give.
             "$or": [{"status": {"$ne": JobStatus.SUCCEEDED.value}},
                     {"outputs.0": {"$exists": True}}]}
        ).sort([("_id", SortDirection.DESCENDING)]).first_or_none()
