"""The trash sweeper, run by every worker's reaper: an entry past its retention loses its
objects in storage, then its record. Never an asset a scene (kept or trashed) draws from: that
one waits in the trash, still restorable, until no scene does.

Each entry is claimed first (no restore from then on), its objects deleted (and forgotten by
the asset's jobs, which list them as outputs), and only then its record, so a worker that dies
midway leaves a claimed entry that the next sweep, on any worker, finishes; deleting an object
already gone is no error."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from app.models.common import utcnow
from app.models.trash import TrashKind
from app.services.asset_versions import forget_versions, version_keys
from app.services.job_log import JobLog
from app.services.scenes.files import glb_key
from app.services.scenes.references import assets_in_scenes
from app.services.storage import Storage
from app.services.trash import Trash

log = logging.getLogger(__name__)
# An asset a scene still draws from is looked at again this much later.
HELD_RECHECK = timedelta(hours=1)


def object_keys(entry: dict[str, Any]) -> Iterator[str]:
    """The storage keys a trashed record owns: an asset's files (original, GLB, thumbnail,
    conversions, renders of it), a scene's GLB of each version."""
    document = entry["document"]
    if entry["kind"] == TrashKind.ASSET.value:
        yield from (stored["key"] for stored in document.get("files", []))
    else:
        yield from (glb_key(entry["_id"], version)
                    for version in range(1, int(document.get("version", 1)) + 1))


class TrashSweeper:
    def __init__(self, storage: Storage, *, batch: int = 50) -> None:
        self.storage = storage
        self.batch = batch

    async def sweep(self, now: datetime | None = None) -> int:
        """Delete one batch of the entries due by `now`; how many went."""
        now = now or utcnow()
        due = await Trash.due(now, self.batch)
        held = await assets_in_scenes({entry["_id"] for entry in due
                                       if entry["kind"] == TrashKind.ASSET.value})
        if held:  # looked at again later, so they never hold up the entries behind them
            await Trash.postpone(held, now + HELD_RECHECK)
        swept = 0
        for entry in due:
            if entry["_id"] not in held and await self.purge(entry):
                swept += 1
        if swept:
            log.info("swept %d trashed records past their retention", swept)
        return swept

    async def purge(self, entry: dict[str, Any]) -> bool:
        """Claim, delete the objects, then the record; False when a restore took it first."""
        if not await Trash.claim(entry["_id"]):
            return False
        for key in object_keys(entry):
            await self.storage.delete(key)
        if entry["kind"] == TrashKind.ASSET.value:  # its jobs listed those files too
            for key in await version_keys(entry["_id"]):
                await self.storage.delete(key)
            await forget_versions(entry["_id"])
            await JobLog.drop_asset_outputs(entry["_id"])
        await Trash.forget(entry["_id"])
        return True
