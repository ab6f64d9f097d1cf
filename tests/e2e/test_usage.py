"""`viewer { usage }` (this month's jobs and render seconds, and the limits beside each figure),
the usage gauges in /metrics, and the asset and byte quotas (with a per-owner override),
refused with QUOTA_EXCEEDED before a byte is stored."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from pymongo import MongoClient

from app.embedded.database import EmbeddedDatabase
from app.models.common import utcnow
from app.services.usage import month_start
from tests.conftest import ADMIN_TOKEN, OWNER_SCOPES, TOKEN_CREATE, new_owner_api
from tests.e2e.test_ingest import upload_and_wait
from tests.e2e.test_render import finished, submit
from tests.e2e.test_uploads import create
from tests.support import models
from tests.support.client import Api
from tests.support.stack import start_api

VIEWER = "{ viewer { owner scopes usage { bytesStored assets jobsQueued jobsRunning } } }"
ASSET_COUNT = "{ assets { totalCount } }"
THIS_MONTH = """{ viewer { owner usage { jobsThisMonth renderSeconds
  limits { bytesStored assets jobsQueuedOrRunning jobsRunning } } } }"""
TIMES = "query($id: ID!) { job(id: $id) { status startedAt finishedAt } }"
ROOMY_OWNER = "roomy-" + uuid.uuid4().hex[:8]
QUOTA_BYTES = 1_000_000


def stored_keys(storage_dir: Path) -> set[str]:
    root = storage_dir / "assets"
    return {str(path.relative_to(root)) for path in root.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def quota_api(stack_dir: Path, env: dict[str, str]) -> Iterator[str]:
    """An API on the suite's stores whose owners may keep one asset and 1 MB, except one."""
    quotas = {"ATELIER_QUOTA_ASSETS": "1", "ATELIER_QUOTA_BYTES": str(QUOTA_BYTES),
              "ATELIER_QUOTA_OVERRIDES": json.dumps({ROOMY_OWNER: {"assets": 3}})}
    api, url = start_api({**env, **quotas}, stack_dir / "quota-api.log")
    yield url
    api.stop()


async def owner_named(url: str, owner: str) -> Api:
    admin = Api(url, ADMIN_TOKEN)
    created = (await admin.graphql(TOKEN_CREATE, {"input": {
        "owner": owner, "name": "t", "scopes": OWNER_SCOPES}}))
    return admin.with_token(created["apiTokenCreate"]["secret"])


async def test_viewer_usage_counts_the_owners_files_and_jobs(api: Api) -> None:
    empty = (await api.graphql(VIEWER))["viewer"]
    assert empty["usage"] == {"bytesStored": 0, "assets": 0, "jobsQueued": 0, "jobsRunning": 0}
    assert "ASSETS_WRITE" in empty["scopes"]

    asset = await upload_and_wait(api, models.box_stl(), "box.stl")
    usage = (await api.graphql(VIEWER))["viewer"]["usage"]

    assert usage == {"bytesStored": sum(file["sizeBytes"] for file in asset["files"]),
                     "assets": 1, "jobsQueued": 0, "jobsRunning": 0}


async def test_metrics_show_usage_totals(api: Api) -> None:
    await api.upload(models.box_stl(), "box.stl")

    async with httpx.AsyncClient() as http:
        text = (await http.get(f"{api.base_url}/metrics")).text

    samples = metric_samples(text)
    assert samples["atelier_stored_assets"] >= 1
    assert samples["atelier_stored_bytes"] >= len(models.box_stl())
    assert {'atelier_jobs_unfinished{status="queued"}',
            'atelier_jobs_unfinished{status="running"}'} <= samples.keys()
    assert samples["atelier_jobs_this_month"] >= 1  # the upload's ingest
    assert "atelier_render_seconds_this_month" in samples
    assert "atelier_storage_sweep_failures_total" in samples  # how the sweeps went, beside


def metric_samples(text: str) -> dict[str, float]:
    return {line.split(" ")[0]: float(line.split(" ")[1]) for line in text.splitlines()
            if line.startswith("atelier_")}


def insert_job_of_last_month(database: EmbeddedDatabase, env: dict[str, str], owner: str
                             ) -> None:
    """A finished 100-second render created the day before this month began, as stored."""
    created = month_start(utcnow()) - timedelta(days=1)
    document: dict[str, Any] = {
        "_id": "job_" + uuid.uuid4().hex, "owner": owner, "kind": "RENDER",
        "status": "SUCCEEDED", "created_at": created, "started_at": created,
        "finished_at": created + timedelta(seconds=100), "dispatched": True}
    with MongoClient[dict[str, Any]](database.url, tz_aware=True) as client:
        client[env["ATELIER_DATABASE_NAME"]]["jobs"].insert_one(document)


async def test_a_render_counts_its_run_seconds_this_month_and_last_months_job_does_not(
        api: Api, database: EmbeddedDatabase, env: dict[str, str]) -> None:
    asset = await upload_and_wait(api, models.box_stl(), "box.stl")
    owner = (await api.graphql(THIS_MONTH))["viewer"]["owner"]
    insert_job_of_last_month(database, env, owner)
    submitted = await submit(api, assetId=asset["id"], width=32, height=32)
    assert submitted["errors"] == []
    await finished(api, submitted["job"]["id"])
    times = (await api.graphql(TIMES, {"id": submitted["job"]["id"]}))["job"]

    usage = (await api.graphql(THIS_MONTH))["viewer"]["usage"]
    async with httpx.AsyncClient() as http:
        samples = metric_samples((await http.get(f"{api.base_url}/metrics")).text)

    run = (datetime.fromisoformat(times["finishedAt"])
           - datetime.fromisoformat(times["startedAt"])).total_seconds()
    assert times["status"] == "SUCCEEDED" and run > 0
    assert usage["jobsThisMonth"] == 2  # the ingest and the render, not last month's
    assert usage["renderSeconds"] == pytest.approx(run, abs=1e-3)
    assert usage["limits"] == {"bytesStored": None, "assets": None,
                               "jobsQueuedOrRunning": 100, "jobsRunning": 2}
    assert samples["atelier_jobs_this_month"] >= 2
    assert samples["atelier_render_seconds_this_month"] >= run - 1e-3


async def test_the_limits_beside_the_figures_follow_the_quotas_and_the_owners_override(
        quota_api: str) -> None:
    roomy = await owner_named(quota_api, ROOMY_OWNER)
    other = await new_owner_api(Api(quota_api, ADMIN_TOKEN))

    limits = [(await who.graphql(THIS_MONTH))["viewer"]["usage"]["limits"]
              for who in (roomy, other, Api(quota_api, ADMIN_TOKEN))]

    assert limits == [
        {"bytesStored": QUOTA_BYTES, "assets": 3, "jobsQueuedOrRunning": 100, "jobsRunning": 2},
        {"bytesStored": QUOTA_BYTES, "assets": 1, "jobsQueuedOrRunning": 100, "jobsRunning": 2},
        None]  # an admin's figures are every owner's together


async def test_an_upload_past_the_asset_quota_is_refused_before_storing(
        quota_api: str, admin: Api, stack_dir: Path) -> None:
    owner = await new_owner_api(Api(quota_api, ADMIN_TOKEN))
    assert (await owner.upload(models.box_stl(), "first.stl"))["errors"] == []
    refused_name = f"refused-{uuid.uuid4().hex}.stl"

    refused = await owner.upload(models.box_stl((2.0, 2.0, 2.0)), refused_name)

    assert [error["code"] for error in refused["errors"]] == ["QUOTA_EXCEEDED"]
    assert "1 assets are stored; the limit is 1 per owner" in refused["errors"][0]["message"]
    assert refused["asset"] is None
    assert (await owner.graphql(ASSET_COUNT))["assets"]["totalCount"] == 1
    assert not [key for key in stored_keys(stack_dir / "objects") if refused_name in key]


async def test_an_owner_override_raises_the_quota_for_that_owner_only(quota_api: str) -> None:
    roomy = await owner_named(quota_api, ROOMY_OWNER)

    results = [await roomy.upload(models.box_stl((1.0 + n, 1.0, 1.0)), f"m{n}.stl")
               for n in range(4)]

    assert [[e["code"] for e in result["errors"]] for result in results] == [
        [], [], [], ["QUOTA_EXCEEDED"]]
    assert "the limit is 3 per owner" in results[3]["errors"][0]["message"]


async def test_a_direct_upload_past_the_byte_quota_is_refused_before_any_url(
        quota_api: str) -> None:
    owner = await owner_named(quota_api, "bytes-" + uuid.uuid4().hex[:8])

    refused = await create(owner, b"x" * (QUOTA_BYTES + 1), "big.stl")

    assert [error["code"] for error in refused["errors"]] == ["QUOTA_EXCEEDED"]
    assert (f"0 bytes are stored and this upload adds {QUOTA_BYTES + 1}; the limit is "
            f"{QUOTA_BYTES} bytes") in refused["errors"][0]["message"]
    assert refused["uploadUrl"] is None
    assert (await owner.graphql(ASSET_COUNT))["assets"]["totalCount"] == 0
