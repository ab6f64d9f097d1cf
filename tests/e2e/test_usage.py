"""`viewer { usage }`, the usage gauges in /metrics, and the asset and byte quotas (with a
per-owner override), refused with QUOTA_EXCEEDED before a byte is stored."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import ADMIN_TOKEN, OWNER_SCOPES, TOKEN_CREATE, new_owner_api
from tests.e2e.test_ingest import upload_and_wait
from tests.e2e.test_uploads import create
from tests.support import models
from tests.support.client import Api
from tests.support.stack import start_api

VIEWER = "{ viewer { owner scopes usage { bytesStored assets jobsQueued jobsRunning } } }"
ASSET_COUNT = "{ assets { totalCount } }"
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

    samples = {line.split(" ")[0]: float(line.split(" ")[1]) for line in text.splitlines()
               if line.startswith(("atelier_stored_", "atelier_jobs_unfinished"))}
    assert samples["atelier_stored_assets"] >= 1
    assert samples["atelier_stored_bytes"] >= len(models.box_stl())
    assert {'atelier_jobs_unfinished{status="queued"}',
            'atelier_jobs_unfinished{status="running"}'} <= samples.keys()


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
