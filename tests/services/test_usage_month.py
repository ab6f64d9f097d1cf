"""Usage this month on the real database: jobs created since the first of the UTC month and
the run seconds of the renders among them, summed in the database, a job of the month before
left out; and each owner's limits from the quota settings and its overrides."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models.job import Job, JobKind, JobStatus
from app.services.container import Services, opened_services
from app.services.usage import Limits, month_start

NOW = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
FIRST_OF_MONTH = datetime(2026, 3, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="usage_service_test", secret_key="test",
                        storage_dir=tmp_path_factory.mktemp("usage-objects"),
                        quota_assets=10, max_jobs_per_owner=7, job_slots_per_owner=3,
                        quota_overrides={"capped": {"bytes": 500}})
    async with opened_services(settings) as opened:
        yield opened


async def job(owner: str, kind: JobKind, created_at: datetime, seconds: float | None = None
              ) -> Job:
    """A job as stored; with `seconds`, one that ran that long and succeeded."""
    stored = Job(owner=owner, kind=kind, created_at=created_at, status=JobStatus.QUEUED)
    if seconds is not None:
        stored.status = JobStatus.SUCCEEDED
        stored.started_at = created_at + timedelta(seconds=1)
        stored.finished_at = stored.started_at + timedelta(seconds=seconds)
    await stored.insert()
    return stored


def test_the_month_starts_at_midnight_utc_on_the_first() -> None:
    assert month_start(NOW) == FIRST_OF_MONTH
    assert month_start(FIRST_OF_MONTH) == FIRST_OF_MONTH


async def test_jobs_and_render_seconds_this_month_leave_out_the_month_before(
        services: Services) -> None:
    owner = "mia-" + uuid.uuid4().hex[:8]
    await job(owner, JobKind.RENDER, FIRST_OF_MONTH, seconds=2.5)
    await job(owner, JobKind.RENDER, NOW - timedelta(hours=1), seconds=1.25)
    await job(owner, JobKind.INGEST, NOW - timedelta(hours=2), seconds=40)  # not a render
    await job(owner, JobKind.RENDER, NOW - timedelta(minutes=1))  # not run yet
    await job(owner, JobKind.RENDER, FIRST_OF_MONTH - timedelta(microseconds=1000), seconds=90)
    await job("someone-else-" + uuid.uuid4().hex[:8], JobKind.RENDER, NOW, seconds=7)

    usage = await services.usage.of(owner, NOW)

    assert usage.jobs_this_month == 4
    assert usage.render_seconds == pytest.approx(3.75)


async def test_every_owners_figures_together_include_each_owner(services: Services) -> None:
    before = await services.usage.of(None, NOW)
    await job("ann-" + uuid.uuid4().hex[:8], JobKind.RENDER, NOW, seconds=3)
    await job("bob-" + uuid.uuid4().hex[:8], JobKind.CONVERT, NOW, seconds=3)

    after = await services.usage.of(None, NOW)

    assert after.jobs_this_month == before.jobs_this_month + 2
    assert after.render_seconds == pytest.approx(before.render_seconds + 3)


def test_limits_come_from_the_settings_and_the_owners_override(services: Services) -> None:
    quotas = services.usage.quotas

    assert quotas.limits("capped") == Limits(bytes_stored=500, assets=10,
                                             jobs_queued_or_running=7, jobs_running=3)
    assert quotas.limits("anyone") == Limits(bytes_stored=None, assets=10,
                                             jobs_queued_or_running=7, jobs_running=3)


def scanned_index(plan: dict[str, Any]) -> dict[str, int] | None:
    """The key pattern of the index an explained plan scans, wherever it sits in the plan."""
    if plan.get("stage") == "IXSCAN":
        return dict(plan["keyPattern"])
    for value in plan.values():
        found = scanned_index(value) if isinstance(value, dict) else None
        if found is not None:
            return found
    return None


@pytest.mark.parametrize(("match", "index"), [
    ({"owner": "mia"}, {"owner": 1, "created_at": 1}),
    ({}, {"created_at": 1}),
], ids=["one owner", "every owner"])
async def test_this_months_figures_are_read_through_an_index(
        services: Services, match: dict[str, Any], index: dict[str, int]) -> None:
    collection = Job.get_pymongo_collection()
    explained = await collection.database.command("explain", {
        "aggregate": collection.name, "cursor": {},
        "pipeline": [{"$match": {**match, "created_at": {"$gte": FIRST_OF_MONTH}}},
                     {"$group": {"_id": None, "jobs": {"$sum": 1}}}]})

    assert scanned_index(explained) == index
