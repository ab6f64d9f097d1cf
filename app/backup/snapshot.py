"""`atelier backup`: every collection read at one point in time, then the objects its records
reference copied from the store, then the manifest, into a folder or an S3 prefix
(locations.py), streamed: neither a collection nor an object is held whole in memory.

The point in time is one multi-document transaction with read concern `snapshot`: on a
MongoDB replica set and on SecantusDB alike every read inside it sees the database as of the
transaction's first read, whatever commits meanwhile. MongoDB ends a transaction after
`transactionLifetimeLimitSeconds` (60 s by default), which bounds the size of a database
dumped this way; SecantusDB only reaps transactions that sit idle that long.
"""

from __future__ import annotations

import hashlib
from collections.abc import AsyncIterable, AsyncIterator
from datetime import UTC, datetime
from typing import Any

from bson import json_util
from bson.json_util import CANONICAL_JSON_OPTIONS, RELAXED_JSON_OPTIONS
from pymongo.asynchronous.client_session import AsyncClientSession
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.read_concern import ReadConcern

from app.backup.locations import BackupLocation
from app.backup.manifest import (
    CollectionEntry,
    Manifest,
    ObjectEntry,
    collection_file,
    object_file,
    write_manifest,
)
from app.config import Settings
from app.services.container import open_mongo, open_storage
from app.services.storage import Storage
from app.services.storage.base import CHUNK_SIZE
from app.services.stored_references import referenced_objects

CONSISTENCY = "one snapshot transaction (read concern snapshot) over every collection"


async def take_backup(settings: Settings, location: BackupLocation) -> Manifest:
    await location.check_empty()
    mongo = open_mongo(settings, long_operations=True)
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
                        database, name, location, session, references)
        for name in manifest.collections:
            manifest.collections[name].indexes = await _index_specs(database, name)
        await _copy_objects(storage, references, location, manifest)
        await write_manifest(location, manifest)
    finally:
        await storage.aclose()
        await mongo.close()
    return manifest


async def _dump_collection(database: AsyncDatabase[Any], name: str, location: BackupLocation,
                           session: AsyncClientSession, references: dict[str, str]
                           ) -> CollectionEntry:
    """Canonical extended JSON, one document a line, in `_id` order (so equal data gives
    equal files); the objects each document references are noted on the way."""
    digest = hashlib.sha256()
    count = 0

    async def lines() -> AsyncIterator[bytes]:
        nonlocal count
        async for document in database[name].find({}, session=session, sort=[("_id", 1)]):
            line = (json_util.dumps(document, json_options=CANONICAL_JSON_OPTIONS)
                    + "\n").encode()
            digest.update(line)
            count += 1
            references.update(referenced_objects(name, document))
            yield line

    await location.write(collection_file(name), _rechunked(lines()))
    return CollectionEntry(documents=count, sha256=digest.hexdigest())


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


async def _copy_objects(storage: Storage, references: dict[str, str],
                        location: BackupLocation, manifest: Manifest) -> None:
    for key, content_type in sorted(references.items()):
        try:
            manifest.objects[key] = await _copy_object(storage, key, location, content_type)
        except FileNotFoundError:
            manifest.missing_objects.append(key)


async def _copy_object(storage: Storage, key: str, location: BackupLocation,
                       content_type: str) -> ObjectEntry:
    """Streamed from the store into the backup, hashed on the way; FileNotFoundError (and
    nothing written) when the object was deleted after the snapshot."""
    digest = hashlib.sha256()
    size = 0

    async def hashed() -> AsyncIterator[bytes]:
        nonlocal size
        async for chunk in storage.get_stream(key):
            digest.update(chunk)
            size += len(chunk)
            yield chunk

    await location.write(object_file(key), hashed())
    return ObjectEntry(sha256=digest.hexdigest(), size_bytes=size, content_type=content_type)


async def _rechunked(pieces: AsyncIterable[bytes]) -> AsyncIterator[bytes]:
    """Small pieces (a line each) gathered into chunks of CHUNK_SIZE or so."""
    buffer = bytearray()
    async for piece in pieces:
        buffer += piece
        if len(buffer) >= CHUNK_SIZE:
            yield bytes(buffer)
            buffer.clear()
    if buffer:
        yield bytes(buffer)
