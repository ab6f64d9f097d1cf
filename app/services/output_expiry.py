"""Expiry of renders and conversions: the outputs of a finished RENDER or CONVERT job that is
not pinned are deleted ATELIER_OUTPUT_RETENTION_DAYS after it finished, by every worker's
reaper. They are taken off the asset's `files` first (no URL is handed out for them again),
then deleted in storage, then forgotten by the job, so a worker that dies midway leaves work
the next sweep finishes. The outputs of an asset in the trash wait: they go with it when it is
swept, or expire once it is restored."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

from app.models.common import utcnow
from app.models.job import Job, JobKind
from app.models.trash import TrashEntry
from app.services.asset_versions import unlist_version_files
from app.services.asset_writes import unlist_asset_files
from app.services.job_log import JobLog
from app.services.storage import Storage

log = logging.getLogger(__name__)
OUTPUT_KINDS = (JobKind.RENDER, JobKind.CONVERT)


class OutputExpiry:
    def __init__(self, storage: Storage, retention: timedelta, *, batch: int = 50) -> None:
        self.storage = storage
        self.retention = retention
        self.batch = batch

    async def sweep(self, now: datetime | None = None) -> int:
        """Expire the outputs of up to one batch of jobs finished before the retention, as of
        `now`; how many jobs lost theirs."""
        cutoff = (now or utcnow()) - self.retention
        due = Job.find({"kind": {"$in": [kind.value for kind in OUTPUT_KINDS]},
                        "finished_at": {"$lte": cutoff}, "pinned": {"$ne": True},
                        "outputs.0": {"$exists": True}})
        expired = 0
        job: Job
        async for job in due:
            if job.asset_id is not None and await TrashEntry.get(job.asset_id) is not None:
                continue
            await self.expire(job)
            expired += 1
            if expired == self.batch:
                break
        if expired:
            log.info("expired the outputs of %d renders and conversions", expired)
        return expired

    async def expire(self, job: Job) -> None:
        keys = [output.key for output in job.outputs]
        if job.asset_id is not None:
            await unlist_asset_files(job.asset_id, keys)
            await unlist_version_files(job.asset_id, keys)
        for key in keys:
            await self.storage.delete(key)
        await JobLog.drop_outputs(job.id)
