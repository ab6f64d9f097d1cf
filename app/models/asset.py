"""The Asset document: one uploaded model, its files, stats and validation report."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

import pymongo
from beanie import Document, Insert, Replace, Save, SaveChanges, before_event
from pydantic import BaseModel, Field, model_validator
from pymongo import IndexModel

from app.models.common import (
    AssetStats,
    ErrorInfo,
    FileRole,
    StoredFile,
    ValidationSummary,
    new_id,
    utcnow,
)
from app.models.project import personal_project_id
from app.models.quality import QualityReport
from app.models.search_terms import search_keys


class AssetStatus(StrEnum):
    PENDING_UPLOAD = "PENDING_UPLOAD"
    UPLOADED = "UPLOADED"
    PROCESSING = "PROCESSING"
    READY = "READY"
    FAILED = "FAILED"


TERMINAL_ASSET_STATUSES = frozenset({AssetStatus.READY, AssetStatus.FAILED})


class AssetLicense(BaseModel):
    """The terms an asset may be used under: an SPDX expression or a custom text (one of
    them), and whom to credit."""

    spdx_id: str | None = None
    text: str | None = None
    attribution: str | None = None


class SourceMetadata(BaseModel):
    """What the uploaded file says about itself, read at ingest (app/geometry/source_facts.py)."""

    generator: str | None = None
    copyright: str | None = None
    unit_meters: float | None = None
    up_axis: str | None = None


def _project_then(*keys: str) -> IndexModel:
    """An index of one project's assets in the order of `keys`, ties broken by `_id`."""
    return IndexModel([("project_id", pymongo.ASCENDING),
                       *((key, pymongo.ASCENDING) for key in keys), ("_id", pymongo.DESCENDING)])


class Asset(Document):
    id: str = Field(default_factory=lambda: new_id("ast"))  # type: ignore[assignment]
    owner: str
    # The project it belongs to; empty (as stored before projects) means its owner's personal
    # project, and the reaper writes that in (app/services/projects.py).
    project_id: str = ""
    name: str
    filename: str
    status: AssetStatus = AssetStatus.UPLOADED
    source_format: str | None = None
    size_bytes: int = 0
    sha256: str | None = None
    tags: list[str] = Field(default_factory=list)
    description: str | None = None
    license: AssetLicense | None = None
    metadata: dict[str, Any] = Field(default_factory=dict)
    source_metadata: SourceMetadata | None = None
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    error: ErrorInfo | None = None
    stats: AssetStats | None = None
    validation: ValidationSummary | None = None
    quality: QualityReport | None = None  # None for assets ingested before the report existed
    files: list[StoredFile] = Field(default_factory=list)
    ingest_job_id: str | None = None
    # The version whose files and stats these are (app/models/asset_version.py).
    current_version: int = 1
    # Derived from the fields above whenever an asset is made or saved (assetUpdate sets them
    # with what it changes): the words search matches, those of the name alone (which weigh
    # more in relevance) and the case-folded name the NAME order sorts on.
    search_terms: list[str] = Field(default_factory=list)
    name_terms: list[str] = Field(default_factory=list)
    name_key: str = ""

    class Settings:
        name = "assets"
        indexes = [
            # Quotas count an owner's assets; the project migration finds an owner's.
            IndexModel([("owner", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
            # Pages filter by project (app/services/access.py), and status or tags, and sort
            # newest first: the equality fields then `_id`, so MongoDB walks the index in page
            # order and stops at the page.
            IndexModel([("project_id", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
            IndexModel([("project_id", pymongo.ASCENDING), ("status", pymongo.ASCENDING),
                        ("_id", pymongo.DESCENDING)]),
            IndexModel([("project_id", pymongo.ASCENDING), ("sha256", pymongo.ASCENDING)]),
            IndexModel([("project_id", pymongo.ASCENDING), ("tags", pymongo.ASCENDING),
                        ("_id", pymongo.DESCENDING)]),
            # Search, the other filters and each order of `assets(orderBy:)`, keyset on _id.
            _project_then("search_terms"),
            _project_then("source_format"),
            _project_then("license.spdx_id"),
            _project_then("stats.animation_count"),
            _project_then("created_at"),
            _project_then("updated_at"),
            _project_then("name_key"),
            _project_then("size_bytes"),
            _project_then("stats.triangle_count"),
        ]

    @model_validator(mode="after")
    def _in_a_project(self) -> Asset:
        self.project_id = self.project_id or personal_project_id(self.owner)
        return self

    @model_validator(mode="after")
    def _with_search_keys(self) -> Asset:
        # A stored asset carries its keys (every write derives them, and the reaper fills in
        # those of older documents): deriving them again on each load would cost every read.
        if not self.name_key:
            self.refresh_search_keys()
        return self

    @before_event(Insert, Replace, Save, SaveChanges)
    def refresh_search_keys(self) -> None:
        """Derive the stored search keys from the name, description and tags."""
        for key, value in search_keys(self.name, self.description, self.tags).items():
            setattr(self, key, value)

    def file(self, role: FileRole) -> StoredFile | None:
        return next((f for f in self.files if f.role == role), None)
