"""The backup's manifest: what a backup holds (collections, objects) and their sha256s."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from dataclasses import asdict, dataclass, field
from typing import Any

from app.backup.locations import BackupLocation
from app.usage import UsageError

FORMAT = 1
MANIFEST_NAME = "manifest.json"
DATABASE_DIR = "database"
OBJECTS_DIR = "objects"


@dataclass
class CollectionEntry:
    documents: int
    sha256: str
    # Index specs as relaxed extended JSON (what listIndexes answered, less `_id_`).
    indexes: list[dict[str, Any]] = field(default_factory=list)


@dataclass
class ObjectEntry:
    sha256: str
    size_bytes: int
    content_type: str


@dataclass
class Manifest:
    created_at: str
    database_name: str
    consistency: str
    collections: dict[str, CollectionEntry] = field(default_factory=dict)
    objects: dict[str, ObjectEntry] = field(default_factory=dict)
    # Referenced by a record in the snapshot but deleted from the store before it was copied.
    missing_objects: list[str] = field(default_factory=list)
    format: int = FORMAT

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), indent=2, sort_keys=True).encode()

    @classmethod
    def from_json(cls, raw_bytes: bytes, where: str) -> Manifest:
        raw = json.loads(raw_bytes)
        if raw.get("format") != FORMAT:
            raise UsageError(f"{where} is backup format {raw.get('format')!r}; this version "
                             f"reads format {FORMAT}")
        return cls(
            created_at=raw["created_at"], database_name=raw["database_name"],
            consistency=raw["consistency"], missing_objects=raw["missing_objects"],
            collections={name: CollectionEntry(**entry)
                         for name, entry in raw["collections"].items()},
            objects={key: ObjectEntry(**entry) for key, entry in raw["objects"].items()},
        )


async def write_manifest(location: BackupLocation, manifest: Manifest) -> None:
    """Written last: a place without a manifest is no backup."""
    await location.write(MANIFEST_NAME, _one_chunk(manifest.to_json()))


async def read_manifest(location: BackupLocation) -> Manifest:
    try:
        raw = b"".join([chunk async for chunk in location.read(MANIFEST_NAME)])
    except FileNotFoundError:
        raise UsageError(f"{location.description} holds no {MANIFEST_NAME}: not a complete "
                         "backup") from None
    return Manifest.from_json(raw, f"{location.description} {MANIFEST_NAME}")


def collection_file(name: str) -> str:
    return f"{DATABASE_DIR}/{name}.jsonl"


def object_file(key: str) -> str:
    return f"{OBJECTS_DIR}/{key}"


async def _one_chunk(data: bytes) -> AsyncIterator[bytes]:
    yield data
