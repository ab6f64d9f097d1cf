"""One version of an asset: the upload it was made from and what ingest derived from it.

An asset that was only ever uploaded once stores no version: it reads as version 1, derived
from the asset itself (`derived_first_version`). Adding a second version stores the first as
it is then, so every version keeps its own files, stats, validation and thumbnail. A restored
version points at an older one's files (`restored_from`); nothing is copied."""

from __future__ import annotations

from datetime import datetime

import pymongo
from beanie import Document
from pydantic import Field
from pymongo import IndexModel

from app.models.asset import Asset, AssetStatus, SourceMetadata
from app.models.common import AssetStats, ErrorInfo, StoredFile, ValidationSummary, new_id, utcnow
from app.models.quality import QualityReport

VERSION_PREFIX = "ver"
# The fields a version holds that the asset shows while that version is current.
CURRENT_FIELDS = ("source_format", "size_bytes", "sha256", "stats", "validation", "quality",
                  "source_metadata", "files")


class AssetVersion(Document):
    id: str = Field(default_factory=lambda: new_id(VERSION_PREFIX))  # type: ignore[assignment]
    asset_id: str
    owner: str
    number: int
    status: AssetStatus = AssetStatus.UPLOADED
    filename: str
    source_format: str | None = None
    size_bytes: int = 0
    sha256: str | None = None
    stats: AssetStats | None = None
    validation: ValidationSummary | None = None
    quality: QualityReport | None = None
    source_metadata: SourceMetadata | None = None
    files: list[StoredFile] = Field(default_factory=list)
    error: ErrorInfo | None = None
    ingest_job_id: str | None = None
    restored_from: int | None = None
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "asset_versions"
        indexes = [
            IndexModel([("asset_id", pymongo.ASCENDING), ("number", pymongo.ASCENDING)],
                       unique=True),
            IndexModel([("asset_id", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
        ]


def first_version_id(asset_id: str) -> str:
    """Version 1's id, fixed by the asset's (so the derived and the stored one are the same
    node, and it sorts before every later version, whose ids are made after the asset's)."""
    return f"{VERSION_PREFIX}_{asset_id.partition('_')[2]}"


def derived_first_version(asset: Asset) -> AssetVersion:
    """Version 1 of an asset that stores no versions: the asset as it is."""
    return AssetVersion(
        id=first_version_id(asset.id), asset_id=asset.id, owner=asset.owner, number=1,
        status=asset.status, filename=asset.filename, error=asset.error,
        ingest_job_id=asset.ingest_job_id, created_at=asset.created_at,
        **{name: getattr(asset, name) for name in CURRENT_FIELDS})
