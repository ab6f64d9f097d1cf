"""`atelier fsck`: every record whose objects are missing in storage, one line each, then a
summary; exit code 1 when any is missing, 0 when storage holds every object the database names.
Records are read as `atelier backup` reads them (every collection, every embedded file record,
a direct upload's pending key); a trash entry the sweeper has claimed is skipped, its objects
being deleted on purpose.

With `--orphans` it also lists the objects no record points at that are older than
ATELIER_STORAGE_SWEEP_GRACE_HOURS (what the workers' storage sweep deletes), and with
`--delete-orphans` deletes them, one line each as it goes; orphans alone do not fail fsck."""

from __future__ import annotations

import argparse
import asyncio
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.config import Settings

EXIT_MISSING = 1


@dataclass(frozen=True)
class MissingObject:
    collection: str
    record_id: str
    key: str


@dataclass
class FsckReport:
    records: int = 0
    objects: int = 0
    missing: list[MissingObject] = field(default_factory=list)


def add_fsck_command(commands: Any) -> None:
    fsck = commands.add_parser("fsck", help="report records whose objects are missing")
    fsck.add_argument("--data-dir", type=Path, help="a `serve` data dir (running or not); "
                      "without it, the stores the ATELIER_* settings name")
    fsck.add_argument("--orphans", action="store_true", help="also list objects no record "
                      "points at, older than ATELIER_STORAGE_SWEEP_GRACE_HOURS")
    fsck.add_argument("--delete-orphans", action="store_true",
                      help="list those objects and delete them")
    fsck.set_defaults(handler=_fsck)


def _fsck(args: argparse.Namespace) -> int:
    from app.backup.places import source_settings

    with source_settings(args.data_dir) as reachable:
        report = asyncio.run(check_objects(reachable))
        for gone in report.missing:
            print(f"{gone.collection} {gone.record_id}: object {gone.key} is missing")
        print(f"checked {report.objects} objects of {report.records} records: "
              f"{len(report.missing)} missing", flush=True)
        if args.orphans or args.delete_orphans:
            asyncio.run(_report_orphans(reachable, delete=args.delete_orphans))
    return EXIT_MISSING if report.missing else 0


async def _report_orphans(settings: Settings, *, delete: bool) -> None:
    from app.services.container import open_mongo, open_storage, storage_sweeper

    mongo = open_mongo(settings, long_operations=True)
    storage = open_storage(settings)
    sweeper = storage_sweeper(settings, storage, mongo)
    found = 0
    try:
        if delete:
            async for orphan in sweeper.delete_orphans():
                found += 1
                print(f"deleted orphan {orphan.key} ({orphan.size_bytes} bytes)", flush=True)
        else:
            for orphan in await sweeper.orphans():
                found += 1
                print(f"orphan {orphan.key} ({orphan.size_bytes} bytes, modified "
                      f"{orphan.modified_at.isoformat()})")
    finally:
        await storage.aclose()
        await mongo.close()
    hours = settings.storage_sweep_grace_hours
    print(f"{found} orphaned objects older than {hours:g} hours"
          f"{' deleted' if delete else ''}")


async def check_objects(settings: Settings) -> FsckReport:
    from app.models.trash import TrashEntry
    from app.services.container import open_mongo, open_storage
    from app.services.stored_references import referenced_objects

    mongo = open_mongo(settings, long_operations=True)
    storage = open_storage(settings)
    report = FsckReport()
    try:
        database = mongo[settings.database_name]
        for name in sorted(await database.list_collection_names()):
            if name.startswith("system."):
                continue
            async for document in database[name].find({}, sort=[("_id", 1)]):
                if name == TrashEntry.Settings.name and document.get("purging"):
                    continue
                report.records += 1
                for key, _ in referenced_objects(name, document):
                    report.objects += 1
                    if await storage.info(key) is None:
                        report.missing.append(MissingObject(name, str(document["_id"]), key))
    finally:
        await storage.aclose()
        await mongo.close()
    return report
