"""The `atelier backup` and `atelier restore` subcommands."""

from __future__ import annotations

import argparse
import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from app.backup.manifest import Manifest
    from app.config import Settings

PLACE_HELP = ("a `serve` data dir (running or not); without it, the stores the ATELIER_* "
              "settings name")


def add_backup_commands(commands: Any) -> None:
    """Register both subcommands on `atelier`'s subparsers."""
    backup = commands.add_parser("backup", help="write a consistent snapshot to a folder or "
                                 "an S3 prefix")
    backup.add_argument("--to", required=True, help="a new or empty folder, or "
                        "s3://bucket/prefix with nothing under it")
    backup.add_argument("--data-dir", type=Path, help=PLACE_HELP)
    backup.set_defaults(handler=_backup)

    restore = commands.add_parser("restore", help="load a backup into an empty place")
    restore.add_argument("--from", dest="source", required=True,
                         help="a folder or s3://bucket/prefix `atelier backup` wrote")
    restore.add_argument("--data-dir", type=Path, help=f"{PLACE_HELP}; must be empty")
    restore.set_defaults(handler=_restore)


def _backup(args: argparse.Namespace) -> int:
    # Imported here, as cli.py does, so other subcommands do not load the server's modules.
    from app.backup.places import settings_for, source_settings

    with source_settings(args.data_dir) as settings:
        manifest = asyncio.run(_take(settings, args.to, settings_for(args.data_dir)))
    documents = sum(entry.documents for entry in manifest.collections.values())
    print(f"backed up {documents} records in {len(manifest.collections)} collections and "
          f"{len(manifest.objects)} objects to {args.to}")
    if manifest.missing_objects:
        print(f"{len(manifest.missing_objects)} objects were deleted after the snapshot "
              "and are listed as missing_objects in the manifest")
    return 0


async def _take(settings: Settings, named: str, env: Settings) -> Manifest:
    from app.backup.locations import backup_location
    from app.backup.snapshot import take_backup

    location = backup_location(named, env)
    try:
        return await take_backup(settings, location)
    finally:
        await location.aclose()


def _restore(args: argparse.Namespace) -> int:
    from app.backup.locations import backup_location
    from app.backup.places import settings_for, target_settings
    from app.backup.restore import read_verified, restore_backup

    location = backup_location(args.source, settings_for(args.data_dir))
    try:
        manifest = asyncio.run(read_verified(location))
        with target_settings(args.data_dir) as settings:
            asyncio.run(restore_backup(settings, manifest, location))
    finally:
        asyncio.run(location.aclose())
    documents = sum(entry.documents for entry in manifest.collections.values())
    print(f"restored {documents} records and {len(manifest.objects)} objects from "
          f"{args.source} (taken {manifest.created_at})")
    return 0
