"""Which stored objects the database points at, read from the records themselves rather than
from a list of known fields, so a new kind of record (an asset's versions, a project's files)
is covered the moment it embeds a file record: `atelier backup` copies these objects, `atelier
fsck` checks them and the storage sweep keeps them.

A record points at an object by any embedded file record (a mapping with `key`, `size_bytes`
and `content_type`, at any depth: an asset's files, each of its versions' files, a job's
outputs, a trashed asset's files) or by a direct upload's pending key. A scene's GLBs are
composed per version under `scenes/<id>/` and named by no record, so a scene, kept or trashed,
holds that whole prefix."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

from pymongo.asynchronous.database import AsyncDatabase
from pymongo.asynchronous.mongo_client import AsyncMongoClient
from pymongo.read_concern import ReadConcern

from app.models.scene import Scene
from app.models.trash import TrashEntry, TrashKind
from app.models.upload import PendingUpload

OCTET_STREAM = "application/octet-stream"
PENDING_UPLOADS = PendingUpload.Settings.name
SCENES = Scene.Settings.name
TRASH = TrashEntry.Settings.name


def referenced_objects(collection: str, document: Any) -> Iterator[tuple[str, str]]:
    """(key, content type) of every stored object a record names."""
    if collection == PENDING_UPLOADS and isinstance(document.get("key"), str):
        yield document["key"], OCTET_STREAM
    yield from _stored_files(document)


def held_prefixes(collection: str, document: Any) -> Iterator[str]:
    """Key prefixes a record holds whole: a scene's (or a trashed scene's) composed GLBs."""
    if collection == SCENES or (collection == TRASH
                                and document.get("kind") == TrashKind.SCENE.value):
        yield f"scenes/{document['_id']}/"


def _stored_files(value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        if {"key", "size_bytes", "content_type"} <= value.keys() and isinstance(value["key"], str):
            yield value["key"], str(value["content_type"])
        for child in value.values():
            yield from _stored_files(child)
    elif isinstance(value, list):
        for child in value:
            yield from _stored_files(child)


async def snapshot_documents(mongo: AsyncMongoClient[Any], database_name: str
                             ) -> AsyncIterator[tuple[str, Any]]:
    """(collection, document) of every collection, read in one snapshot transaction (as
    `atelier backup` reads them), so a record moving between collections meanwhile (an asset
    into the trash and back) is seen once, never missed."""
    database: AsyncDatabase[Any] = mongo[database_name]
    async with mongo.start_session() as session, await session.start_transaction(
            read_concern=ReadConcern("snapshot")):
        for name in sorted(await database.list_collection_names()):
            if name.startswith("system."):
                continue
            async for document in database[name].find({}, session=session):
                yield name, document
