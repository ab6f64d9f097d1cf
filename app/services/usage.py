"""What owners and projects use (bytes stored, assets, queued and running jobs, jobs and render
seconds this month) and the limits on an owner's usage: ATELIER_QUOTA_ASSETS and
ATELIER_QUOTA_BYTES, with per-owner overrides, and the job limits ATELIER_MAX_JOBS_PER_OWNER
and ATELIER_JOB_SLOTS_PER_OWNER."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from prometheus_client.core import GaugeMetricFamily, Metric
from pymongo.errors import PyMongoError

from app.config import OwnerQuota, Settings
from app.errors import NotFound, QuotaExceeded
from app.models.asset import Asset, AssetStatus
from app.models.common import utcnow
from app.models.job import Job, JobKind, JobStatus
from app.models.token import Scope
from app.services.auth import Principal

log = logging.getLogger(__name__)

# An asset's bytes: its files (original, GLB, thumbnail, conversions, renders), or while its
# direct upload waits for the bytes, the size it declared.
_ASSET_BYTES = {"$add": [
    {"$reduce": {"input": {"$ifNull": ["$files", []]}, "initialValue": 0,
                 "in": {"$add": ["$$value", "$$this.size_bytes"]}}},
    {"$cond": [{"$eq": ["$status", AssetStatus.PENDING_UPLOAD.value]}, "$size_bytes", 0]},
]}
# A finished render's run time in seconds (its last attempt, as the job records it).
_RENDER_SECONDS = {"$cond": [
    {"$and": [{"$eq": ["$kind", JobKind.RENDER.value]}, {"$ne": ["$started_at", None]},
              {"$ne": ["$finished_at", None]}]},
    {"$divide": [{"$subtract": ["$finished_at", "$started_at"]}, 1000]}, 0]}


def month_start(now: datetime) -> datetime:
    """Midnight UTC on the first day of `now`'s month: where "this month" begins."""
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


@dataclass(frozen=True)
class Usage:
    bytes_stored: int = 0
    assets: int = 0
    jobs_queued: int = 0
    jobs_running: int = 0
    jobs_this_month: int = 0
    render_seconds: float = 0.0


@dataclass(frozen=True)
class Limits:
    """One owner's limits on the figures of its usage; None: unlimited."""

    bytes_stored: int | None
    assets: int | None
    jobs_queued_or_running: int
    jobs_running: int


@dataclass(frozen=True)
class Quotas:
    assets: int | None = None
    bytes: int | None = None
    overrides: Mapping[str, OwnerQuota] = field(default_factory=dict)
    # The job limits JobService enforces (app/services/jobs.py JobLimits), shown with usage.
    jobs_per_owner: int = 100
    job_slots_per_owner: int = 2

    @classmethod
    def from_settings(cls, settings: Settings) -> Quotas:
        return cls(settings.quota_assets, settings.quota_bytes, settings.quota_overrides,
                   settings.max_jobs_per_owner, settings.job_slots_per_owner)

    def of(self, owner: str) -> OwnerQuota:
        override = self.overrides.get(owner, OwnerQuota())
        return OwnerQuota(
            assets=override.assets if override.assets is not None else self.assets,
            bytes=override.bytes if override.bytes is not None else self.bytes)

    def limits(self, owner: str) -> Limits:
        quota = self.of(owner)
        return Limits(bytes_stored=quota.bytes, assets=quota.assets,
                      jobs_queued_or_running=self.jobs_per_owner,
                      jobs_running=self.job_slots_per_owner)


class UsageService:
    def __init__(self, quotas: Quotas | None = None) -> None:
        self.quotas = quotas or Quotas()

    async def of(self, owner: str | None, now: datetime | None = None) -> Usage:
        """One owner's usage (None: every owner's together), in three concurrent aggregations
        over the (owner, ...) indexes; "this month" is the UTC calendar month of `now`."""
        return await self._figures({} if owner is None else {"owner": owner}, now)

    async def of_project(self, principal: Principal, project_id: str,
                         now: datetime | None = None) -> Usage:
        """What the project's assets hold and its jobs did, whoever made them, over the
        (project_id, ...) indexes; for its members (ASSETS_READ), NOT_FOUND to anyone else
        exactly as for a project that does not exist."""
        principal.require(Scope.ASSETS_READ)
        if not principal.projects.can_read(project_id):
            raise NotFound(f"no project with id {project_id}", field=["project_id"])
        return await self._figures({"project_id": project_id}, now)

    async def _figures(self, match: dict[str, Any], now: datetime | None) -> Usage:
        (assets, stored), jobs, (month_jobs, render_seconds) = await asyncio.gather(
            self._stored(match), self._jobs(match),
            self._this_month(match, month_start(now or utcnow())))
        return Usage(bytes_stored=stored, assets=assets,
                     jobs_queued=jobs.get(JobStatus.QUEUED.value, 0),
                     jobs_running=jobs.get(JobStatus.RUNNING.value, 0),
                     jobs_this_month=month_jobs, render_seconds=render_seconds)

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

    async def _this_month(self, match: dict[str, Any], since: datetime) -> tuple[int, float]:
        """Jobs created since `since`, and the render seconds among them, summed in the
        database over the (owner, created_at) index (a project's: (project_id, created_at);
        every owner's: the created_at one)."""
        pipeline = [{"$match": {**match, "created_at": {"$gte": since}}}, {"$group": {
            "_id": None, "jobs": {"$sum": 1}, "render_seconds": {"$sum": _RENDER_SECONDS}}}]
        cursor = await Job.get_pymongo_collection().aggregate(pipeline)
        found = await cursor.to_list()
        return (int(found[0]["jobs"]), float(found[0]["render_seconds"])) if found else (0, 0.0)


async def collect_totals(usage: UsageService) -> list[Metric]:
    """Gauges of every owner's usage together: one series per owner or per project would grow
    with the owners and the projects (any owner may make projects, and each has a personal
    one: unbounded label cardinality), and `viewer { usage }` and `Project.usage` give each its
    own; a database fault costs only these figures, never the rest of the scrape."""
    try:
        totals = await usage.of(None)
    except PyMongoError as fault:
        log.warning("usage totals not read: %s", fault)
        return []
    families = []
    for name, documentation, value in (
            ("atelier_stored_bytes", "Bytes of every owner's asset files", totals.bytes_stored),
            ("atelier_stored_assets", "Assets of every owner", totals.assets),
            ("atelier_jobs_this_month", "Jobs every owner created since the start of this UTC "
             "month", totals.jobs_this_month),
            ("atelier_render_seconds_this_month", "Run seconds of every owner's render jobs "
             "created this UTC month", totals.render_seconds)):
        family = GaugeMetricFamily(name, documentation)
        family.add_metric([], float(value))
        families.append(family)
    jobs = GaugeMetricFamily("atelier_jobs_unfinished", "Jobs queued or running, by status",
                             labels=["status"])
    jobs.add_metric(["queued"], float(totals.jobs_queued))
    jobs.add_metric(["running"], float(totals.jobs_running))
    return [*families, jobs]
