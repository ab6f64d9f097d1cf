"""The PendingUpload document: what a direct upload declared, until it completes or expires."""

from __future__ import annotations

from datetime import datetime

import pymongo
from beanie import Document
from pydantic import Field
from pymongo import IndexModel

from app.models.common import utcnow


class PendingUpload(Document):
    """One per asset in PENDING_UPLOAD (same id): the declared size and hash the bytes PUT to
    the upload URL must match, and when the asset is deleted if nobody completes it."""

    id: str  # type: ignore[assignment]  # the asset's id
    owner: str
    key: str
    size_bytes: int
    sha256: str | None = None
    copy_requested: bool = False
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime

    class Settings:
        name = "pending_uploads"
        indexes = [IndexModel([("expires_at", pymongo.ASCENDING)])]
