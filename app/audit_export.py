"""`atelier audit export`: every kept audit event, oldest first, as JSON lines on stdout."""

from __future__ import annotations

import argparse
import asyncio
import json
import sys
from pathlib import Path
from typing import Any

from app.config import Settings


def add_audit_commands(commands: Any) -> None:
    audit = commands.add_parser("audit", help="the audit log")
    audit_commands = audit.add_subparsers(dest="audit_command", required=True)
    export = audit_commands.add_parser("export", help="print every audit event as JSON lines")
    export.add_argument("--data-dir", type=Path, help="a `serve` data dir (running or not); "
                        "without it, the database the ATELIER_* settings name")
    export.set_defaults(handler=_export)


def _export(args: argparse.Namespace) -> int:
    from app.backup.places import source_settings

    with source_settings(args.data_dir) as reachable:
        return asyncio.run(_print_events(reachable))


async def _print_events(settings: Settings) -> int:
    from beanie import init_beanie

    from app.models.audit import AuditEvent
    from app.services.audit import AuditLog
    from app.services.container import open_mongo

    mongo = open_mongo(settings, long_operations=True)
    try:
        await init_beanie(database=mongo[settings.database_name], document_models=[AuditEvent])
        async for event in AuditLog.export():
            line = json.dumps(event.model_dump(mode="json", exclude={"expires_at"}))
            sys.stdout.write(line + "\n")
    finally:
        await mongo.close()
    return 0
