"""The backup's manifest: what a backup holds (collections, objects) and their sha256s."""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.usage import UsageError

FORMAT = 1
MANIFEST_NAME = "manifest.json"
DATABASE_DIR = "database"
OBJECTS_DIR = "objects"
CHUNK_SIZE = 1024 * 1024


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

    def write(self, backup_dir: Path) -> None:
        """Written last and atomically: a folder without a manifest is no backup."""
        draft = backup_dir / f".{MANIFEST_NAME}.draft"
        draft.write_text(json.dumps(asdict(self), indent=2, sort_keys=True))
        with draft.open("rb") as handle:
            os.fsync(handle.fileno())
        draft.rename(backup_dir / MANIFEST_NAME)

    @classmethod
    def read(cls, backup_dir: Path) -> Manifest:
        path = backup_dir / MANIFEST_NAME
        if not path.is_file():
            raise UsageError(f"{backup_dir} holds no {MANIFEST_NAME}: not a complete backup")
        raw = json.loads(path.read_text())
        if raw.get("format") != FORMAT:
            raise UsageError(f"{path} is backup format {raw.get('format')!r}; this version "
                             f"reads format {FORMAT}")
        return cls(
            created_at=raw["created_at"], database_name=raw["database_name"],
            consistency=raw["consistency"], missing_objects=raw["missing_objects"],
            collections={name: CollectionEntry(**entry)
                         for name, entry in raw["collections"].items()},
            objects={key: ObjectEntry(**entry) for key, entry in raw["objects"].items()},
        )


def collection_path(backup_dir: Path, name: str) -> Path:
    return backup_dir / DATABASE_DIR / f"{name}.jsonl"


def object_path(backup_dir: Path, key: str) -> Path:
    """Where an object's copy lives; a key that would leave the folder is refused."""
    root = (backup_dir / OBJECTS_DIR).resolve()
    path = (root / key).resolve()
    if not key or not path.is_relative_to(root) or path == root:
        raise UsageError(f"the backup names an object key outside its folder: {key!r}")
    return path


def sha256_of_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_SIZE):
            digest.update(chunk)
    return digest.hexdigest()
