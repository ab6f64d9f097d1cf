"""`atelier restore`: a backup checked against its manifest's sha256s, then loaded into an
empty database and object store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bson import SON, json_util
from bson.json_util import CANONICAL_JSON_OPTIONS, RELAXED_JSON_OPTIONS
from pymongo.asynchronous.database import AsyncDatabase

from app.backup.manifest import Manifest, collection_path, object_path, sha256_of_file
from app.config import Settings
from app.services.container import open_mongo, open_storage
from app.services.storage import Storage
from app.usage import UsageError

INSERT_BATCH = 500


def read_verified(backup_dir: Path) -> Manifest:
    """The backup's manifest, once every file it lists matches its sha256."""
    manifest = Manifest.read(backup_dir)
    verify_backup(manifest, backup_dir)
    return manifest


async def restore_backup(settings: Settings, manifest: Manifest, backup_dir: Path) -> None:
    """Load a verified backup; UsageError, before writing, if the place is not empty."""
    mongo = open_mongo(settings)
    storage = open_storage(settings)
    try:
        database = mongo[settings.database_name]
        await _check_empty(database, settings)
        await storage.prepare()
        await _load_objects(storage, manifest, backup_dir)
        for name, entry in manifest.collections.items():
            await _load_collection(database, name, backup_dir)
            if entry.indexes:
                await database.command({"createIndexes": name,
                                        "indexes": [_index_spec(spec) for spec in entry.indexes]})
    finally:
        await storage.aclose()
        await mongo.close()


def verify_backup(manifest: Manifest, backup_dir: Path) -> None:
    """Every file's sha256 as the manifest says, before anything is written anywhere."""
    for name, entry in manifest.collections.items():
        _check_digest(collection_path(backup_dir, name), entry.sha256, f"collection {name}")
    for key, stored in manifest.objects.items():
        _check_digest(object_path(backup_dir, key), stored.sha256, f"object {key}")


def _check_digest(path: Path, expected: str, what: str) -> None:
    if not path.is_file():
        raise UsageError(f"the backup is incomplete: {what} ({path}) is missing")
    if sha256_of_file(path) != expected:
        raise UsageError(f"the backup is damaged: {what} ({path}) does not match its sha256")


async def _check_empty(database: AsyncDatabase[Any], settings: Settings) -> None:
    for name in sorted(await database.list_collection_names()):
        if not name.startswith("system.") and await database[name].find_one({}) is not None:
            raise UsageError(f"database {settings.database_name!r} is not empty (collection "
                             f"{name!r} has documents); restore into an empty one")


async def _load_objects(storage: Storage, manifest: Manifest, backup_dir: Path) -> None:
    for key, stored in manifest.objects.items():
        if await storage.info(key) is not None:
            raise UsageError(f"the object store already holds {key!r}; restore into an "
                             "empty one")
        await storage.put_file(key, object_path(backup_dir, key),
                               content_type=stored.content_type)


async def _load_collection(database: AsyncDatabase[Any], name: str, backup_dir: Path) -> None:
    await database.create_collection(name, check_exists=False)
    batch: list[Any] = []
    with collection_path(backup_dir, name).open() as handle:
        for line in handle:
            batch.append(json_util.loads(line, json_options=CANONICAL_JSON_OPTIONS))
            if len(batch) == INSERT_BATCH:
                await database[name].insert_many(batch, ordered=True)
                batch = []
    if batch:
        await database[name].insert_many(batch, ordered=True)


def _index_spec(spec: dict[str, Any]) -> dict[str, Any]:
    """A saved index as createIndexes takes it: the key in its order, no version or namespace."""
    restored = json_util.loads(json.dumps(spec), json_options=RELAXED_JSON_OPTIONS)
    options = {name: value for name, value in restored.items()
               if name not in ("v", "ns", "key")}
    return {"key": SON((field, order) for field, order in restored["key"]), **options}
