"""The Asset document: one uploaded model, its files, stats and validation report."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import pymongo
from beanie import Document
from pydantic import Field
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


class AssetStatus(StrEnum):
    PENDING_UPLOAD = "PENDING_UPLOAD"
    UPLOADED = "UPLOADED"
    PROCESSING = "PROCESSING"
    READY = "READY"
    FAILED = "FAILED"


TERMINAL_ASSET_STATUSES = frozenset({AssetStatus.READY, AssetStatus.FAILED})


class Asset(Document):
    id: str = Field(default_factory=lambda: new_id("ast"))  # type: ignore[assignment]
    owner: str
    name: str
    filename: str
    status: AssetStatus = AssetStatus.UPLOADED
    source_format: str | None = None
    size_bytes: int = 0
    sha256: str | None = None
    tags: list[str] = Field(default_factory=list)
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)
    error: ErrorInfo | None = None
    stats: AssetStats | None = None
    validation: ValidationSummary | None = None
    files: list[StoredFile] = Field(default_factory=list)
    ingest_job_id: str | None = None

    class Settings:
        name = "assets"
        indexes = [
            # Pages filter by owner (and status or tags) and sort newest first: the equality
            # fields then `_id`, so MongoDB walks the index in page order and stops at the page.
            IndexModel([("owner", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
            IndexModel([("owner", pymongo.ASCENDING), ("status", pymongo.ASCENDING),
                        ("_id", pymongo.DESCENDING)]),
            IndexModel([("owner", pymongo.ASCENDING), ("sha256", pymongo.ASCENDING)]),
            IndexModel([("owner", pymongo.ASCENDING), ("tags", pymongo.ASCENDING),
                        ("_id", pymongo.DESCENDING)]),
        ]

    def file(self, role: FileRole) -> StoredFile | None:
        return next((f for f in self.files if f.role == role), None)
