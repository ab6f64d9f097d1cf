"""What owners use (bytes stored, assets, queued and running jobs) and the quotas on it:
ATELIER_QUOTA_ASSETS and ATELIER_QUOTA_BYTES, with per-owner overrides."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from prometheus_client.core import GaugeMetricFamily, Metric
from pymongo.errors import PyMongoError

from app.config import OwnerQuota, Settings
from app.errors import QuotaExceeded
from app.models.asset import Asset, AssetStatus
from app.models.job import Job, JobStatus

log = logging.getLogger(__name__)

# An asset's bytes: its files (original, GLB, thumbnail, conversions, renders), or while its
# direct upload waits for the bytes, the size it declared.
_ASSET_BYTES = {"$add": [
    {"$reduce": {"input": {"$ifNull": ["$files", []]}, "initialValue": 0,
                 "in": {"$add": ["$$value", "$$this.size_bytes"]}}},
    {"$cond": [{"$eq": ["$status", AssetStatus.PENDING_UPLOAD.value]}, "$size_bytes", 0]},
]}


@dataclass(frozen=True)
class Usage:
    bytes_stored: int = 0
    assets: int = 0
    jobs_queued: int = 0
    jobs_running: int = 0


@dataclass(frozen=True)
class Quotas:
    assets: int | None = None
    bytes: int | None = None
    overrides: Mapping[str, OwnerQuota] = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings: Settings) -> Quotas:
        return cls(settings.quota_assets, settings.quota_bytes, settings.quota_overrides)

    def of(self, owner: str) -> OwnerQuota:
        override = self.overrides.get(owner, OwnerQuota())
        return OwnerQuota(
            assets=override.assets if override.assets is not None else self.assets,
            bytes=override.bytes if override.bytes is not None else self.bytes)


class UsageService:
    def __init__(self, quotas: Quotas | None = None) -> None:
        self.quotas = quotas or Quotas()

    async def of(self, owner: str | None) -> Usage:
        """One owner's usage (None: every owner's together), in two concurrent aggregations
        over the (owner, ...) indexes."""
        match: dict[str, Any] = {} if owner is None else {"owner": owner}
        (assets, stored), jobs = await asyncio.gather(self._stored(match), self._jobs(match))
        return Usage(bytes_stored=stored, assets=assets,
                     jobs_queued=jobs.get(JobStatus.QUEUED.value, 0),
                     jobs_running=jobs.get(JobStatus.RUNNING.value, 0))

    async def ensure_room(self, owner: str, *, adding_bytes: int = 0) -> None:
        """QUOTA_EXCEEDED, with the limit and the current figure, when one more asset (of
        `adding_bytes`, when known) would pass the owner's quotas; checked before a byte is
        stored. Without quotas it reads nothing."""
        quota = self.quotas.of(owner)
        if quota.assets is None and quota.bytes is None:
            return
        assets, stored = await self._stored({"owner": owner})
        if quota.assets is not None and assets >= quota.assets:
            raise QuotaExceeded(f"{assets} assets are stored; the limit is {quota.assets} "
                                "per owner, delete some first")
        if quota.bytes is not None and stored + adding_bytes > quota.bytes:
            adding = f" and this upload adds {adding_bytes}" if adding_bytes else ""
            raise QuotaExceeded(f"{stored} bytes are stored{adding}; the limit is "
                                f"{quota.bytes} bytes per owner, delete some first")

    async def _stored(self, match: dict[str, Any]) -> tuple[int, int]:
        pipeline = [{"$match": match}, {"$group": {
            "_id": None, "assets": {"$sum": 1}, "bytes": {"$sum": _ASSET_BYTES}}}]
        cursor = await Asset.get_pymongo_collection().aggregate(pipeline)
        found = await cursor.to_list()
        return (int(found[0]["assets"]), int(found[0]["bytes"])) if found else (0, 0)

    async def _jobs(self, match: dict[str, Any]) -> dict[str, int]:
        unfinished = [JobStatus.QUEUED.value, JobStatus.RUNNING.value]
        pipeline = [{"$match": {**match, "status": {"$in": unfinished}}},
                    {"$group": {"_id": "$status", "count": {"$sum": 1}}}]
        cursor = await Job.get_pymongo_collection().aggregate(pipeline)
        return {str(row["_id"]): int(row["count"]) for row in await cursor.to_list()}


async def collect_totals(usage: UsageService) -> list[Metric]:
    """Gauges of every owner's usage together (per-owner labels would be unbounded); a
    database fault costs only these figures, never the rest of the scrape."""
    try:
        totals = await usage.of(None)
    except PyMongoError as fault:
        log.warning("usage totals not read: %s", fault)
        return []
    families = []
    for name, documentation, value in (
            ("atelier_stored_bytes", "Bytes of every owner's asset files", totals.bytes_stored),
            ("atelier_stored_assets", "Assets of every owner", totals.assets)):
        family = GaugeMetricFamily(name, documentation)
        family.add_metric([], float(value))
        families.append(family)
    jobs = GaugeMetricFamily("atelier_jobs_unfinished", "Jobs queued or running, by status",
                             labels=["status"])
    jobs.add_metric(["queued"], float(totals.jobs_queued))
    jobs.add_metric(["running"], float(totals.jobs_running))
    return [*families, jobs]
