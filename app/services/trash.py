"""The trash: deleted assets and scenes kept whole for the retention, then swept
(`trash_sweep.py`), and the write path of the `trash` collection.

Putting a record away and bringing it back each move it between its own collection and the
trash in one transaction, so it is always in exactly one of them. Once the sweeper has claimed
an entry (`purging`), its objects may be gone: it is no longer restorable, and a restore
answers NOT_FOUND as for an id that never was."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection
from datetime import datetime, timedelta
from typing import Any, TypeVar

import pymongo
from pymongo import AsyncMongoClient
from pymongo.asynchronous.client_session import AsyncClientSession

from app.errors import NotFound
from app.models.common import utcnow
from app.models.project import personal_project_id
from app.models.trash import TrashEntry, TrashKind
from app.services.auth import Principal

T = TypeVar("T")
# Takes the record out of its collection in the transaction: it as stored, or None when gone.
Take = Callable[[AsyncClientSession], Awaitable[dict[str, Any] | None]]
# Inserts a record, as it was stored, back into its collection in the transaction.
Put = Callable[[dict[str, Any], AsyncClientSession], Awaitable[None]]
NOUNS = {TrashKind.ASSET: "asset", TrashKind.SCENE: "scene"}


def not_found(kind: TrashKind, record_id: str) -> NotFound:
    return NotFound(f"no {NOUNS[kind]} with id {record_id}", field=["id"])


class Trash:
    def __init__(self, client: AsyncMongoClient[Any], retention: timedelta, *,
                 transaction_seconds: float) -> None:
        self._client = client
        self.retention = retention
        self.transaction_seconds = transaction_seconds

    async def put_away(self, kind: TrashKind, record_id: str, take: Take,
                       now: datetime | None = None) -> dict[str, Any]:
        """Move the record to the trash, to be swept once the retention has passed."""
        trashed_at = now or utcnow()

        async def write(session: AsyncClientSession) -> dict[str, Any]:
            document = await take(session)
            if document is None:
                raise not_found(kind, record_id)
            await TrashEntry.get_pymongo_collection().insert_one({
                "_id": record_id, "kind": kind.value, "owner": document["owner"],
                "project_id": project_of(document["owner"], document),
                "name": str(document.get("name", "")),
                "document": document, "trashed_at": trashed_at,
                "purge_after": trashed_at + self.retention, "purging": False}, session=session)
            return document

        return await self._transaction(write)

    @staticmethod
    async def visible(principal: Principal, kind: TrashKind, record_id: str) -> dict[str, Any]:
        """The viewer's trash entry that can still be restored; NOT_FOUND for another owner's,
        a swept one, or one the sweeper has started on."""
        entry: dict[str, Any] | None = await TrashEntry.get_pymongo_collection().find_one(
            {"_id": record_id, "kind": kind.value, "purging": False})
        if entry is None or not _may_read(principal, entry):
            raise not_found(kind, record_id)
        return entry

    async def bring_back(self, principal: Principal, kind: TrashKind, record_id: str,
                         put: Put) -> dict[str, Any]:
        """Put the viewer's trashed record back as it was (NOT_FOUND as for `visible`)."""
        collection = TrashEntry.get_pymongo_collection()
        unclaimed = {"_id": record_id, "kind": kind.value, "purging": False}
        entry = await self.visible(principal, kind, record_id)

        async def write(session: AsyncClientSession) -> None:
            removed = await collection.delete_one(unclaimed, session=session)
            if not removed.deleted_count:
                raise not_found(kind, record_id)
            await put(entry["document"], session)

        await self._transaction(write)
        document: dict[str, Any] = entry["document"]
        return document

    @staticmethod
    async def claim(record_id: str) -> bool:
        """Mark an entry as being swept, so it can no longer be restored; whether it is still
        in the trash (a restore may have just taken it)."""
        claimed = await TrashEntry.get_pymongo_collection().update_one(
            {"_id": record_id}, {"$set": {"purging": True}})
        return bool(claimed.matched_count)

    @staticmethod
    async def postpone(record_ids: Collection[str], until: datetime) -> None:
        """Keep entries the sweeper may not delete yet until `until`, then look again."""
        await TrashEntry.get_pymongo_collection().update_many(
            {"_id": {"$in": sorted(record_ids)}, "purging": False},
            {"$set": {"purge_after": until}})

    @staticmethod
    async def forget(record_id: str) -> None:
        """Remove a claimed entry, its objects already deleted."""
        await TrashEntry.get_pymongo_collection().delete_one({"_id": record_id, "purging": True})

    @staticmethod
    async def due(now: datetime, limit: int) -> list[dict[str, Any]]:
        """Entries whose retention has passed, those past it longest first."""
        found = TrashEntry.get_pymongo_collection().find({"purge_after": {"$lte": now}})
        return await found.sort("purge_after", pymongo.ASCENDING).limit(limit).to_list()

    async def _transaction(self, write: Callable[[AsyncClientSession], Awaitable[T]]) -> T:
        with pymongo.timeout(self.transaction_seconds):
            async with self._client.start_session() as session:
                return await session.with_transaction(write)


def trashed_project(entry: dict[str, Any]) -> str:
    """The project of a trashed asset or scene (its owner's personal one when stored before
    projects)."""
    return project_of(entry["owner"], entry["document"])


def project_of(owner: str, document: dict[str, Any]) -> str:
    return str(document.get("project_id") or personal_project_id(owner))


async def backfill_summaries() -> int:
    """Give entries put away before the trash copied their project and name those fields,
    so the `trash` list finds them; idempotent. How many it gave."""
    collection = TrashEntry.get_pymongo_collection()
    given = 0
    # An entry being swept is never listed again, so only restorable ones need them.
    async for entry in collection.find({"purging": False, "project_id": None}):
        updated = await collection.update_one({"_id": entry["_id"], "project_id": None}, {
            "$set": {"project_id": trashed_project(entry),
                     "name": str(entry["document"].get("name", ""))}})
        given += updated.modified_count
    return given


def _may_read(principal: Principal, entry: dict[str, Any]) -> bool:
    return principal.projects.can_read(trashed_project(entry))
