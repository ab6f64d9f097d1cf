"""The write path of stored assets: every update of an asset document goes through one of these
typed functions (new assets are inserted on the Beanie document), each keeping its condition
(`only_if`) and its transaction (`session`), and each refreshing `updated_at`; moves to and from
the trash keep the document exactly as it was."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from pymongo.asynchronous.client_session import AsyncClientSession

from app.models.asset import Asset, AssetStatus
from app.models.asset_event import AssetEvent
from app.models.common import StoredFile, utcnow
from app.models.search_terms import search_keys as model_search_keys
from app.services.point_writes import delete_by_id, update_by_id

SEARCH_KEYS = frozenset({"search_terms", "name_terms", "name_key"})
SEARCHED = frozenset({"name", "description", "tags"})


def search_keys(asset: Asset) -> dict[str, Any]:
    """The search keys of `asset` as it is now, to set with a change of what they derive from."""
    asset.refresh_search_keys()
    keys: dict[str, Any] = asset.model_dump(include=SEARCH_KEYS)
    return keys


def _set(changes: Mapping[str, Any]) -> dict[str, Any]:
    """The `$set` of `changes` (encoded values of Asset fields) and a fresh `updated_at`."""
    unknown = set(changes) - set(Asset.model_fields)
    if unknown:
        raise ValueError(f"not fields of an asset: {sorted(unknown)}")
    if SEARCHED & changes.keys() and not changes.keys() >= SEARCH_KEYS:
        raise ValueError("a change of the name, description or tags sets the search keys too")
    return {"$set": {**changes, "updated_at": utcnow()}}


async def update_asset(asset_id: str, changes: Mapping[str, Any], *,
                       only_if: Mapping[str, Any] | None = None,
                       session: AsyncClientSession | None = None) -> bool:
    """Set `changes` on the asset if it still matches `only_if`; whether it did."""
    update = _set(changes)
    updated = await Asset.get_pymongo_collection().update_one(
        {"_id": asset_id, **(only_if or {})}, update, session=session)
    return bool(updated.matched_count)


async def edit_asset(asset: Asset, fields: Mapping[str, Any]) -> dict[str, Any] | None:
    """Set `fields` (attribute values) on the stored `asset` of the same owner, with the
    search keys they change; the document after, or None when it is gone."""
    edited = asset.model_copy(update=fields)
    encoded = {**edited.model_dump(include=set(fields)), **search_keys(edited)}
    return await update_by_id(Asset.get_pymongo_collection(), asset.id, _set(encoded),
                              conditions={"owner": asset.owner})


async def set_asset_status(asset_id: str, status: AssetStatus, changes: Mapping[str, Any], *,
                           session: AsyncClientSession | None = None) -> dict[str, Any] | None:
    """Give the asset `status` and `changes`; the document after, or None when it is gone."""
    update = _set({**changes, "status": status.value})
    return await update_by_id(Asset.get_pymongo_collection(), asset_id, update, session=session)


async def update_asset_document(asset_id: str, changes: Mapping[str, Any], *,
                                session: AsyncClientSession | None = None
                                ) -> dict[str, Any] | None:
    """Set `changes` on the asset; the document after, or None when it is gone."""
    return await update_by_id(Asset.get_pymongo_collection(), asset_id, _set(changes),
                              session=session)


async def list_asset_file(asset_id: str, stored: StoredFile,
                          session: AsyncClientSession | None = None) -> bool:
    """Add a file to an asset's `files` once, keyed on its storage key, without rewriting the
    asset (a job run twice lists it once), in `session`'s transaction if given; False when the
    asset no longer exists."""
    listed = await Asset.get_pymongo_collection().update_one(
        {"_id": asset_id, "files.key": {"$ne": stored.key}},
        {"$push": {"files": stored.model_dump()}, **_set({})}, session=session)
    return bool(listed.matched_count) or await Asset.get(asset_id, session=session) is not None


async def unlist_asset_files(asset_id: str, keys: list[str]) -> None:
    """Take the files stored under `keys` off the asset's `files` (expired outputs)."""
    await Asset.get_pymongo_collection().update_one(
        {"_id": asset_id}, {"$pull": {"files": {"key": {"$in": keys}}}, **_set({})})


async def take_asset(asset_id: str, session: AsyncClientSession) -> dict[str, Any] | None:
    """Remove the asset's document (into the trash, in the caller's transaction): it as it
    was stored, or None when it is gone."""
    return await delete_by_id(Asset.get_pymongo_collection(), asset_id, session)


async def put_asset(document: Mapping[str, Any], session: AsyncClientSession) -> None:
    """Insert an asset's document exactly as it was stored (back from the trash)."""
    await Asset.get_pymongo_collection().insert_one(dict(document), session=session)


async def backfill_search_keys(batch: int = 500) -> int:
    """Give the assets stored before search existed their search keys (their `updated_at`
    kept: nothing a client set changed); how many were given them."""
    collection = Asset.get_pymongo_collection()
    done = 0
    while documents := await collection.find(
            {"name_key": {"$exists": False}}, {"name": 1, "description": 1, "tags": 1}
    ).limit(batch).to_list():
        for document in documents:
            keys = model_search_keys(document.get("name", ""), document.get("description"),
                                     document.get("tags") or [])
            await collection.update_one({"_id": document["_id"], "name_key": {"$exists": False}},
                                        {"$set": keys})
        done += len(documents)
    return done


async def backfill_project(owner: str, project_id: str) -> int:
    """Put the owner's assets stored before projects (and their retained outcome events'
    snapshots) in `project_id`, `updated_at` kept; how many assets moved."""
    moved = await Asset.get_pymongo_collection().update_many(
        {"owner": owner, "project_id": None}, {"$set": {"project_id": project_id}})
    await AssetEvent.get_pymongo_collection().update_many(
        {"owner": owner, "snapshot.project_id": None},
        {"$set": {"snapshot.project_id": project_id}})
    return int(moved.modified_count)
