"""assetImportFromStorage: one IMPORT job per request lists a bucket prefix in a worker and
makes each model object there an asset with its own INGEST job, like an upload.

The request only checks and records: the bucket must be open for imports (import_buckets.py),
quotas and the per-owner job cap hold, and the job is BULK, so the ingests it queues are handed
to workers before its next turn. Models are told by their extension (the ingest judges their
bytes); each streams into storage through `AssetService.upload`, which hashes it on the way, so
an object whose bytes the owner already imported gives back that asset: running the same import
again resumes it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from app.errors import InvalidInput, TooLarge
from app.geometry.formats import EXTENSIONS
from app.models.job import Job, JobKind, JobPriority
from app.models.token import Scope
from app.services.assets import AssetService, Uploaded, clean_tags
from app.services.auth import Principal
from app.services.import_buckets import ImportBuckets, SourceObject
from app.services.jobs import JobService

MAX_PREFIX_LENGTH = 1024  # S3's longest key


@dataclass(frozen=True)
class StorageImport:
    """What an IMPORT job carries out, as its params hold it."""

    bucket: str
    prefix: str
    tags: list[str]

    def params(self) -> dict[str, Any]:
        return {"bucket": self.bucket, "prefix": self.prefix, "tags": self.tags}

    @classmethod
    def from_params(cls, params: dict[str, Any]) -> StorageImport:
        return cls(str(params["bucket"]), str(params["prefix"]), list(params.get("tags", [])))


def split_models(objects: list[SourceObject]) -> tuple[list[SourceObject], list[SourceObject]]:
    """The objects named as models, and the others."""
    named = [PurePosixPath(item.key).suffix.lower() in EXTENSIONS for item in objects]
    return ([item for item, model in zip(objects, named, strict=True) if model],
            [item for item, model in zip(objects, named, strict=True) if not model])


class StorageImportService:
    def __init__(self, buckets: ImportBuckets, assets: AssetService, jobs: JobService) -> None:
        self.buckets = buckets
        self.assets = assets
        self.jobs = jobs

    async def start(self, principal: Principal, *, bucket: str, prefix: str,
                    tags: list[str] | None) -> Job:
        """Record the IMPORT job that will read `prefix` of `bucket`; nothing is read yet."""
        principal.require(Scope.ASSETS_WRITE)
        self.buckets.check(bucket)
        if len(prefix) > MAX_PREFIX_LENGTH:
            raise InvalidInput(f"a prefix may have at most {MAX_PREFIX_LENGTH} characters",
                               field=["prefix"])
        request = StorageImport(bucket, prefix, clean_tags(tags, self.assets.labels))
        await self.assets.usage.ensure_room(principal.owner)
        return await self.jobs.create(principal.owner, JobKind.IMPORT, params=request.params(),
                                      priority=JobPriority.BULK)

    async def import_object(self, owner: str, request: StorageImport, item: SourceObject
                            ) -> Uploaded:
        """Stream one model object into an asset of `owner` with its INGEST job, or give back
        the asset the same bytes already made."""
        if item.size_bytes > self.assets.max_upload_bytes:
            raise TooLarge(f"{item.size_bytes} bytes is more than the upload limit of "
                           f"{self.assets.max_upload_bytes}")
        principal = Principal(owner=owner, scopes=frozenset({Scope.ASSETS_WRITE}))
        async with self.buckets.open(request.bucket, item.key) as chunks:
            return await self.assets.upload(principal, filename=PurePosixPath(item.key).name,
                                            chunks=chunks, tags=request.tags)
