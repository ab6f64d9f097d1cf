"""The TrashEntry document: a deleted asset or scene, its record kept whole (and its objects in
storage) until its retention runs out; restoring puts the record back as it was."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

import pymongo
from beanie import Document
from pydantic import Field
from pymongo import IndexModel


class TrashKind(StrEnum):
    ASSET = "ASSET"
    SCENE = "SCENE"


class TrashEntry(Document):
    id: str  # type: ignore[assignment]  # the asset's or scene's own id
    kind: TrashKind
    owner: str
    document: dict[str, Any] = Field(description="The record as it was stored")
    trashed_at: datetime
    purge_after: datetime
    # Set once the sweeper starts deleting its objects: from then on it cannot be restored.
    purging: bool = False

    class Settings:
        name = "trash"
        indexes = [IndexModel([("purge_after", pymongo.ASCENDING)])]
