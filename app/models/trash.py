"""The TrashEntry document: a deleted asset or scene, its record kept whole (and its objects in
storage) until its retention runs out; restoring puts the record back as it was."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

import pymongo
from beanie import Document
from pydantic import BaseModel, Field
from pymongo import IndexModel


class TrashKind(StrEnum):
    ASSET = "ASSET"
    SCENE = "SCENE"


def _newest_deleted(*keys: str) -> IndexModel:
    return IndexModel([*((key, pymongo.ASCENDING) for key in keys),
                       ("trashed_at", pymongo.DESCENDING), ("_id", pymongo.DESCENDING)])


class TrashEntry(Document):
    id: str  # type: ignore[assignment]  # the asset's or scene's own id
    kind: TrashKind
    owner: str
    # Copied out of `document` when it is put away, so the trash lists from an index without
    # reading the records (entries from before they were copied are given them by the reaper).
    project_id: str = ""
    name: str = ""
    document: dict[str, Any] = Field(description="The record as it was stored")
    trashed_at: datetime
    purge_after: datetime
    # Set once the sweeper starts deleting its objects: from then on it cannot be restored.
    purging: bool = False

    class Settings:
        name = "trash"
        indexes = [
            IndexModel([("purge_after", pymongo.ASCENDING)]),
            # The `trash` list, newest deleted first: restorable entries of the caller's
            # projects (every one for an admin), and of one kind when its scopes read one.
            # SecantusDB scans an index only for a query on a prefix of its fields with an
            # `$in` (the projects') last, hence one index per shape of the query
            # (app/services/trash_list.py).
            _newest_deleted("purging", "project_id"),
            _newest_deleted("purging", "kind", "project_id"),
        ]


class TrashSummary(BaseModel):
    """A trash entry without the record it keeps: what the trash list reads."""

    id: str = Field(alias="_id")
    kind: TrashKind
    name: str
    trashed_at: datetime
    purge_after: datetime
