"""Bulk import from an S3-compatible bucket (moto's server) on the real stack: an API and a
worker storing in their own bucket of the same moto, with ATELIER_IMPORT_BUCKETS listing an
import bucket and, to show it is refused anyway, their own. assetImportFromStorage makes one
READY asset per model and names what it skipped; running it again imports nothing new; buckets
not listed (and the server's own) are refused before a job exists; the object cap fails the job;
another owner sees nothing. `atelier ingest s3://...` does the same from the client side."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
from moto.server import ThreadedMotoServer

from app.client.ingest import ingest_paths
from app.embedded.database import EmbeddedDatabase
from app.embedded.process import free_port
from app.embedded.redis import EmbeddedRedis
from tests.conftest import ADMIN_TOKEN, new_owner_api
from tests.support import models
from tests.support.client import JOB_FIELDS, JOB_PROGRESS, Api
from tests.support.stack import stack_env, start_api, start_worker

CREDENTIALS = {"AWS_ACCESS_KEY_ID": "atelier-test", "AWS_SECRET_ACCESS_KEY": "atelier-secret",
               "AWS_DEFAULT_REGION": "us-east-1"}
# moto's servers in one process share their buckets: these names are this module's alone.
RUN = uuid.uuid4().hex[:8]
OWN_BUCKET, IMPORTS, CLOSED = f"atelier-{RUN}", f"incoming-{RUN}", f"closed-{RUN}"
MAX_OBJECTS = 5
MODELS = {"set/box.stl": models.box_stl(), "set/sphere.obj": models.sphere_obj(),
          "set/cylinder.glb": models.cylinder_glb()}
OBJECTS = {**MODELS, "set/readme.txt": b"not a model",
           **{f"many/{n}.stl": models.box_stl((1.0, 1.0, float(n))) for n in range(6)}}

IMPORT = f"""mutation($input: AssetImportFromStorageInput!) {{
  assetImportFromStorage(input: $input) {{ job {{ {JOB_FIELDS} }} errors {{ field code message }} }}
}}"""
ASSETS = "{ assets(first: 20) { totalCount edges { node { id name status tags } } } }"
JOBS = "{ jobs(first: 20) { totalCount } }"
ASSET = "query($id: ID!) { asset(id: $id) { id } }"


@pytest.fixture(scope="module")
def moto_url() -> Iterator[str]:
    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=free_port(), verbose=False)
    moto.start()
    host, port = moto.get_host_and_port()
    url = f"http://{host}:{port}"
    s3 = boto3.client("s3", endpoint_url=url, region_name="us-east-1",
                      aws_access_key_id=CREDENTIALS["AWS_ACCESS_KEY_ID"],
                      aws_secret_access_key=CREDENTIALS["AWS_SECRET_ACCESS_KEY"])
    for bucket in (IMPORTS, CLOSED):
        s3.create_bucket(Bucket=bucket)
    for key, data in OBJECTS.items():
        s3.put_object(Bucket=IMPORTS, Key=key, Body=data)
    s3.put_object(Bucket=CLOSED, Key="set/box.stl", Body=models.box_stl())
    yield url
    moto.stop()


@pytest.fixture(scope="module")
def bulk_api_url(stack_dir: Path, database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                 moto_url: str) -> Iterator[str]:
    """An API and a worker storing in OWN_BUCKET, with IMPORTS and OWN_BUCKET listed."""
    settings = {"ATELIER_S3_ENDPOINT_URL": moto_url, "ATELIER_S3_BUCKET": OWN_BUCKET,
                "ATELIER_IMPORT_S3_ENDPOINT_URL": moto_url,
                "ATELIER_IMPORT_BUCKETS": f"{IMPORTS},{OWN_BUCKET}",
                "ATELIER_IMPORT_MAX_OBJECTS": str(MAX_OBJECTS), **CREDENTIALS}
    env = stack_env(mongodb_url=database.url, redis_url=redis_server.url,
                    storage_dir=stack_dir / "unused-bulk-objects", database_name="atelier_bulk",
                    admin_token=ADMIN_TOKEN, extra=settings)
    api, url = start_api(env, stack_dir / "bulk-api.log")
    worker = start_worker(env, stack_dir / "bulk-worker.log")
    yield url
    worker.stop()
    api.stop()


@pytest.fixture
async def owner(bulk_api_url: str) -> Api:
    return await new_owner_api(Api(bulk_api_url, ADMIN_TOKEN))


async def import_prefix(api: Api, bucket: str, prefix: str) -> dict:
    data = await api.graphql(IMPORT, {"input": {"bucket": bucket, "prefix": prefix,
                                                "tags": ["bulk"]}})
    return dict(data["assetImportFromStorage"])


async def run_import(api: Api, bucket: str, prefix: str) -> list[dict]:
    """Every state of the import's job, to its end."""
    started = await import_prefix(api, bucket, prefix)
    assert started["errors"] == []
    async with api.websocket() as subscriptions:
        op = await subscriptions.start(JOB_PROGRESS, {"id": started["job"]["id"]})
        events = await subscriptions.collect(op)
    return [event["jobProgress"]["job"] for event in events]


async def assets_once_ingested(api: Api, expected: int) -> list[dict]:
    async with asyncio.timeout(90):
        while True:
            page = (await api.graphql(ASSETS))["assets"]
            assets = [edge["node"] for edge in page["edges"]]
            if len(assets) == expected and all(a["status"] in {"READY", "FAILED"}
                                               for a in assets):
                return assets
            await asyncio.sleep(0.2)


async def test_a_listed_prefix_becomes_one_ready_asset_per_model_and_resumes(
        owner: Api, bulk_api_url: str) -> None:
    states = await run_import(owner, IMPORTS, "set/")

    final = states[-1]
    assert final["kind"] == "IMPORT"
    assert final["status"] == "SUCCEEDED", final
    assert "3 of 3 objects: 3 imported, 0 already imported, 0 failed" in final["message"]
    assert final["message"].endswith("; skipped, not models: set/readme.txt")
    # A turn that ran out before the next object reports it again when the job comes back.
    assert list(dict.fromkeys(s["message"] for s in states if s["stage"] == "importing")) == [
        f"{n} of 3 objects: {n} imported, 0 already imported, 0 failed" for n in range(3)]
    assets = await assets_once_ingested(owner, 3)
    assert sorted(a["name"] for a in assets) == ["box.stl", "cylinder.glb", "sphere.obj"]
    assert {a["status"] for a in assets} == {"READY"}
    assert all(a["tags"] == ["bulk"] for a in assets)

    again = (await run_import(owner, IMPORTS, "set/"))[-1]

    assert again["status"] == "SUCCEEDED"
    assert "3 of 3 objects: 0 imported, 3 already imported, 0 failed" in again["message"]
    assert (await owner.graphql(ASSETS))["assets"]["totalCount"] == 3
    stranger = await new_owner_api(Api(bulk_api_url, ADMIN_TOKEN))
    assert (await stranger.graphql(ASSETS))["assets"]["totalCount"] == 0
    for asset in assets:
        assert (await stranger.graphql(ASSET, {"id": asset["id"]}))["asset"] is None


@pytest.mark.parametrize(("bucket", "message"), [
    (CLOSED, f"bucket '{CLOSED}' is not open for imports (see ATELIER_IMPORT_BUCKETS)"),
    (OWN_BUCKET, f"bucket '{OWN_BUCKET}' is this server's own storage"),
], ids=["not-listed", "own-storage"])
async def test_a_bucket_not_opened_and_the_servers_own_are_refused_before_any_job(
        owner: Api, bucket: str, message: str) -> None:
    refused = await import_prefix(owner, bucket, "")

    assert [(e["code"], e["field"]) for e in refused["errors"]] == [
        ("FORBIDDEN", ["input", "bucket"])]
    assert message in refused["errors"][0]["message"]
    assert refused["job"] is None
    assert (await owner.graphql(JOBS))["jobs"]["totalCount"] == 0
    assert (await owner.graphql(ASSETS))["assets"]["totalCount"] == 0


async def test_a_prefix_past_the_object_cap_fails_the_job_and_imports_nothing(owner: Api
                                                                              ) -> None:
    final = (await run_import(owner, IMPORTS, "many/"))[-1]

    assert final["status"] == "FAILED"
    assert final["error"]["code"] == "LIMIT_EXCEEDED"
    assert f"more than {MAX_OBJECTS} objects (ATELIER_IMPORT_MAX_OBJECTS)" in final["message"]
    assert (await owner.graphql(ASSETS))["assets"]["totalCount"] == 0


async def test_without_a_bucket_list_the_mutation_is_refused(api: Api) -> None:
    refused = await import_prefix(api, IMPORTS, "set/")

    assert [e["code"] for e in refused["errors"]] == ["FORBIDDEN"]
    assert "ATELIER_IMPORT_BUCKETS names no bucket" in refused["errors"][0]["message"]


async def test_the_cli_reads_the_bucket_itself_and_resumes(
        api: Api, api_url: str, moto_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.MonkeyPatch.context() as patch:
        for name, value in {**CREDENTIALS, "AWS_ENDPOINT_URL_S3": moto_url}.items():
            patch.setenv(name, value)
        first = await ingest_paths([f"s3://{IMPORTS}/set/"], server=api_url, token=api.token,
                                   tags=["cli"])
        out = capsys.readouterr().out
        again = await ingest_paths([f"s3://{IMPORTS}/set/"], server=api_url, token=api.token,
                                   tags=["cli"])

    assert (first, again) == (0, 0)
    assert f"READY    s3://{IMPORTS}/set/box.stl  12 triangles" in out
    assert f"skipped s3://{IMPORTS}/set/readme.txt: not a model" in out
    assert "3 files: 3 ready, 0 failed; 1 file skipped" in out
    assets = (await api.graphql(ASSETS))["assets"]
    assert assets["totalCount"] == 3
    assert {edge["node"]["status"] for edge in assets["edges"]} == {"READY"}
