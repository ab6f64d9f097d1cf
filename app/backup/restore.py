"""`atelier restore`: a backup, from a folder or an S3 prefix, checked against its manifest's
sha256s, then loaded into an empty database and object store; each object is hashed again as
it is loaded, so one changed between the check and the load is refused too."""

from __future__ import annotations

import hashlib
import json
from collections.abc import AsyncIterable, AsyncIterator
from typing import Any

from bson import SON, json_util
from bson.json_util import CANONICAL_JSON_OPTIONS, RELAXED_JSON_OPTIONS
from pymongo.asynchronous.database import AsyncDatabase

from app.backup.locations import BackupLocation
from app.backup.manifest import Manifest, collection_file, object_file, read_manifest
from app.config import Settings
from app.services.container import open_mongo, open_storage
from app.services.storage import Storage
from app.usage import UsageError

INSERT_BATCH = 500


async def read_verified(location: BackupLocation) -> Manifest:
    """The backup's manifest, once every file it lists matches its sha256."""
    manifest = await read_manifest(location)
    await verify_backup(manifest, location)
    return manifest


async def restore_backup(settings: Settings, manifest: Manifest,
                         location: BackupLocation) -> None:
    """Load a verified backup; UsageError, before writing, if the place is not empty."""
    mongo = open_mongo(settings, long_operations=True)
    storage = open_storage(settings)
    try:
        database = mongo[settings.database_name]
        await _check_empty(database, settings)
        await storage.prepare()
        await _load_objects(storage, manifest, location)
        for name, entry in manifest.collections.items():
            await _load_collection(database, name, location)
            if entry.indexes:
                await database.command({"createIndexes": name,
                                        "indexes": [_index_spec(spec) for spec in entry.indexes]})
    finally:
        await storage.aclose()
        await mongo.close()


async def verify_backup(manifest: Manifest, location: BackupLocation) -> None:
    """Every file's sha256 as the manifest says, before anything is written anywhere."""
    for name, entry in manifest.collections.items():
        await _check_digest(location, collection_file(name), entry.sha256, f"collection {name}")
    for key, stored in manifest.objects.items():
        await _check_digest(location, object_file(key), stored.sha256, f"object {key}")


async def _check_digest(location: BackupLocation, path: str, expected: str, what: str) -> None:
    digest = hashlib.sha256()
    try:
        async for chunk in location.read(path):
            digest.update(chunk)
    except FileNotFoundError:
        raise UsageError(f"the backup is incomplete: {what} ({path}) is missing") from None
    _check_equal(digest.hexdigest(), expected, what, path)


def _check_equal(digest: str, expected: str, what: str, path: str) -> None:
    if digest != expected:
        raise UsageError(f"the backup is damaged: {what} ({path}) does not match its sha256")


async def _check_empty(database: AsyncDatabase[Any], settings: Settings) -> None:
    for name in sorted(await database.list_collection_names()):
        if not name.startswith("system.") and await database[name].find_one({}) is not None:
            raise UsageError(f"database {settings.database_name!r} is not empty (collection "
                             f"{name!r} has documents); restore into an empty one")


async def _load_objects(storage: Storage, manifest: Manifest,
                        location: BackupLocation) -> None:
    for key, stored in manifest.objects.items():
        if await storage.info(key) is not None:
            raise UsageError(f"the object store already holds {key!r}; restore into an "
                             "empty one")
        path = object_file(key)
        loaded = await storage.put_stream(key, location.read(path),
                                          content_type=stored.content_type)
        if loaded.sha256 != stored.sha256:
            await storage.delete(key)
            _check_equal(str(loaded.sha256), stored.sha256, f"object {key}", path)


async def _load_collection(database: AsyncDatabase[Any], name: str,
                           location: BackupLocation) -> None:
    await database.create_collection(name, check_exists=False)
    batch: list[Any] = []
    async for line in _lines(location.read(collection_file(name))):
        batch.append(json_util.loads(line, json_options=CANONICAL_JSON_OPTIONS))
        if len(batch) == INSERT_BATCH:
            await database[name].insert_many(batch, ordered=True)
            batch = []
    if batch:
        await database[name].insert_many(batch, ordered=True)


async def _lines(chunks: AsyncIterable[bytes]) -> AsyncIterator[str]:
    """The lines of a JSON-lines stream, whatever its chunks' boundaries."""
    rest = b""
    async for chunk in chunks:
        *complete, rest = (rest + chunk).split(b"\n")
        for line in complete:
            yield line.decode()
    if rest:
        yield rest.decode()


def _index_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """A saved index as createIndexes takes it: the key in its order, no version or namespace."""
    restored = json_util.loads(json.dumps(spec), json_options=RELAXED_JSON_OPTIONS)
    options = {name: value for name, value in restored.items()
               if name not in ("v", "ns", "key")}
    return {"key": SON((field, order) for field, order in restored["key"]), **options}
