"""The durable, ordered log of assets reaching READY or FAILED, which `assetReady` resumes from."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pymongo
from beanie import Document
from pydantic import Field
from pymongo import IndexModel

from app.models.common import utcnow


class AssetEvent(Document):
    """One outcome of an asset, with the asset as it was then. `sequence` rises by one per
    outcome across all assets, in commit order, so it is a resume point for any subscriber."""

    sequence: int
    asset_id: str
    owner: str
    status: str
    snapshot: dict[str, Any]
    version: int | None = None  # the version it is about; None: the asset's current one
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime

    class Settings:
        name = "asset_events"
        indexes = [
            IndexModel([("sequence", pymongo.ASCENDING)], unique=True),
            IndexModel([("owner", pymongo.ASCENDING), ("sequence", pymongo.ASCENDING)]),
            # assetReady replays the outcomes of the subscriber's projects.
            IndexModel([("snapshot.project_id", pymongo.ASCENDING),
                        ("sequence", pymongo.ASCENDING)]),
            IndexModel([("asset_id", pymongo.ASCENDING), ("sequence", pymongo.ASCENDING)]),
            IndexModel([("expires_at", pymongo.ASCENDING)], expireAfterSeconds=0),
        ]


class Counter(Document):
    """A named number handed out in order, one increment per transaction that takes it."""

    id: str  # type: ignore[assignment]
    value: int = 0

    class Settings:
        name = "counters"
