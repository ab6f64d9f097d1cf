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
    the upload URL must match, and when the asset is deleted if nobody completes it. A new
    version's direct upload has an id of its own and names its asset in `version_of`."""

    id: str  # type: ignore[assignment]  # the asset's id, or an upl_ id for a version's
    owner: str
    key: str
    size_bytes: int
    sha256: str | None = None
    copy_requested: bool = False
    version_of: str | None = None
    filename: str | None = None  # a version's; an asset's is on the asset
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime

    class Settings:
        name = "pending_uploads"
        indexes = [IndexModel([("expires_at", pymongo.ASCENDING)]),
                   IndexModel([("version_of", pymongo.ASCENDING),
                               ("created_at", pymongo.DESCENDING)])]
