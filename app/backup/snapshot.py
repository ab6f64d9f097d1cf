"""`atelier backup`: every collection read at one point in time, then the objects its records
reference copied from the store, then the manifest.

The point in time is one multi-document transaction with read concern `snapshot`: on a
MongoDB replica set and on SecantusDB alike every read inside it sees the database as of the
transaction's first read, whatever commits meanwhile. MongoDB ends a transaction after
`transactionLifetimeLimitSeconds` (60 s by default), which bounds the size of a database
dumped this way; SecantusDB only reaps transactions that sit idle that long.
"""

from __future__ import annotations

import asyncio
import hashlib
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bson import json_util
from bson.json_util import CANONICAL_JSON_OPTIONS, RELAXED_JSON_OPTIONS
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.read_concern import ReadConcern

from app.backup.manifest import (
    DATABASE_DIR,
    CollectionEntry,
    Manifest,
    ObjectEntry,
    collection_path,
    object_path,
)
from app.config import Settings
from app.services.container import open_mongo, open_storage
from app.services.storage import Storage
from app.usage import UsageError

CONSISTENCY = "one snapshot transaction (read concern snapshot) over every collection"
OCTET_STREAM = "application/octet-stream"


async def take_backup(settings: Settings, backup_dir: Path) -> Manifest:
    _check_empty_destination(backup_dir)
    (backup_dir / DATABASE_DIR).mkdir(parents=True)
    mongo = open_mongo(settings)
    storage = open_storage(settings)
    try:
        database = mongo[settings.database_name]
        manifest = Manifest(created_at=datetime.now(UTC).isoformat(),
                            database_name=settings.database_name, consistency=CONSISTENCY)
        references: dict[str, str] = {}
        async with mongo.start_session() as session, await session.start_transaction(
                read_concern=ReadConcern("snapshot")):
            for name in sorted(await database.list_collection_names()):
                if not name.startswith("system."):
                    manifest.collections[name] = await _dump_collection(
                        database, name, backup_dir, session, references)
        for name in manifest.collections:
            manifest.collections[name].indexes = await _index_specs(database, name)
        await _copy_objects(storage, references, backup_dir, manifest)
    finally:
        await storage.aclose()
        await mongo.close()
    manifest.write(backup_dir)
    return manifest


def _check_empty_destination(backup_dir: Path) -> None:
    if backup_dir.exists() and (not backup_dir.is_dir() or any(backup_dir.iterdir())):
        raise UsageError(f"--to {backup_dir} is not empty; back up into a new or empty folder")


async def _dump_collection(database: AsyncDatabase[Any], name: str, backup_dir: Path,
                           session: AsyncClientSession, references: dict[str, str]
                           ) -> CollectionEntry:
    """Canonical extended JSON, one document a line, in `_id` order (so equal data gives
    equal files); the objects each document references are noted on the way."""
    digest = hashlib.sha256()
    count = 0
    with collection_path(backup_dir, name).open("w") as handle:
        async for document in database[name].find({}, session=session, sort=[("_id", 1)]):
            line = json_util.dumps(document, json_options=CANONICAL_JSON_OPTIONS) + "\n"
            handle.write(line)
            digest.update(line.encode())
            count += 1
            references.update(referenced_objects(name, document))
    return CollectionEntry(documents=count, sha256=digest.hexdigest())


def referenced_objects(collection: str, document: Any) -> Iterator[tuple[str, str]]:
    """(key, content type) of every stored object a record names: each embedded file record
    (role, key, size, type), and a direct upload's pending key."""
    if collection == "pending_uploads" and isinstance(document.get("key"), str):
        yield document["key"], OCTET_STREAM
    yield from _stored_files(document)


def _stored_files(value: Any) -> Iterator[tuple[str, str]]:
    if isinstance(value, dict):
        if {"key", "size_bytes", "content_type"} <= value.keys() and isinstance(value["key"], str):
            yield value["key"], str(value["content_type"])
        for child in value.values():
            yield from _stored_files(child)
    elif isinstance(value, list):
        for child in value:
            yield from _stored_files(child)


async def _index_specs(database: AsyncDatabase[Any], name: str) -> list[dict[str, Any]]:
    """Each index but `_id_` as relaxed extended JSON, its key as a list of [field, order]
    pairs (a JSON object would not keep the order of a compound key everywhere)."""
    specs = []
    async for spec in await database[name].list_indexes():
        if spec["name"] != "_id_":
            relaxed = json_util.loads(json_util.dumps(spec, json_options=RELAXED_JSON_OPTIONS),
                                      json_options=RELAXED_JSON_OPTIONS)
            specs.append({**relaxed, "key": [[field, order] for field, order
                                             in spec["key"].items()]})
    return specs


async def _copy_objects(storage: Storage, references: dict[str, str], backup_dir: Path,
                        manifest: Manifest) -> None:
    for key, content_type in sorted(references.items()):
        path = object_path(backup_dir, key)
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            entry = await _copy_object(storage, key, path, content_type)
        except FileNotFoundError:
            manifest.missing_objects.append(key)
            continue
        manifest.objects[key] = entry


async def _copy_object(storage: Storage, key: str, path: Path, content_type: str
                       ) -> ObjectEntry:
    digest = hashlib.sha256()
    size = 0
    try:
        with await asyncio.to_thread(path.open, "wb") as handle:
            async for chunk in storage.get_stream(key):
                digest.update(chunk)
                size += len(chunk)
                await asyncio.to_thread(handle.write, chunk)
    except FileNotFoundError:
        await asyncio.to_thread(path.unlink, missing_ok=True)
        raise
    return ObjectEntry(sha256=digest.hexdigest(), size_bytes=size, content_type=content_type)
