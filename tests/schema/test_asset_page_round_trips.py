"""A page of assets with their scenes, ingest jobs, stats, files and signed URLs costs a constant
number of database round trips, whatever its size: counted with PyMongo command monitoring on
the client the documents are bound to, while the real schema runs in process."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Any

import pytest
from beanie import init_beanie
from pymongo import AsyncMongoClient
from starlette.requests import Request

from app.config import Settings
from app.context import Context
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models import DOCUMENT_MODELS
from app.models.asset import Asset
from app.models.common import FileRole, StoredFile
from app.models.job import Job, JobKind, JobStatus
from app.schema.schema import build_schema
from app.services.container import Services, opened_services
from tests.geometry.test_scene_sources import box_glb
from tests.services.test_scenes import principal, stored_asset
from tests.services.test_scenes_queries import CommandCounter

DATABASE = "asset_page_round_trips_test"
PAGE = """
query Page($first: Int!) {
  assets(first: $first) {
    totalCount
    edges { node {
      id name status
      stats { triangleCount bounds { min max } }
      files { role url }
      glbUrl thumbnailUrl
      ingestJob { id status asset { id } }
      scene { id version nodeCount rootNodes { name mesh { meshIndex asset { id } } } }
    } }
  }
}"""
JOB = "query Job($id: ID!) { job(id: $id) { id asset { id name } } }"


@pytest.fixture(scope="module")
async def counted(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                  tmp_path_factory: pytest.TempPathFactory
                  ) -> AsyncIterator[tuple[Services, CommandCounter]]:
    """Services whose documents talk to the database through a monitored client; pages are
    not kept between requests (the page cache's own tests cover keeping them), so each query
    shows its round trips."""
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name=DATABASE, secret_key="test", list_cache_seconds=0,
                        storage_dir=tmp_path_factory.mktemp("asset-page-objects"))
    counter = CommandCounter()
    monitored: AsyncMongoClient[Any] = AsyncMongoClient(database.url, tz_aware=True,
                                                   event_listeners=[counter])
    async with opened_services(settings) as services:
        await init_beanie(database=monitored[DATABASE], document_models=DOCUMENT_MODELS)
        yield services, counter
    await monitored.close()


async def ingested_assets(services: Services, owner: str, count: int) -> list[Asset]:
    """`count` READY box assets as ingest leaves them: GLB, thumbnail, a finished job each."""
    made = []
    for _ in range(count):
        asset = await stored_asset(services, owner, box_glb((1, 1, 1), (1, 0, 0, 1)))
        job = Job(owner=owner, kind=JobKind.INGEST, status=JobStatus.SUCCEEDED, progress=1.0,
                  asset_id=asset.id)
        await job.insert()
        asset.ingest_job_id = job.id
        asset.files.append(StoredFile(role=FileRole.THUMBNAIL, format="PNG",
                                      key=f"assets/{asset.id}/thumbnail.png", size_bytes=1,
                                      content_type="image/png", filename="thumbnail.png"))
        await asset.save()
        made.append(asset)
    return made


async def run(services: Services, counter: CommandCounter, owner: str, query: str,
              variables: dict[str, Any]) -> tuple[Any, list[str]]:
    context = Context(services=services, base_url="http://test",
                      request=Request({"type": "http", "headers": []}),
                      principal=principal(owner))
    counter.commands.clear()
    result = await build_schema(max_query_depth=12).execute(
        query, variable_values=variables, context_value=context)
    return result, list(counter.commands)


async def test_a_page_of_a_hundred_assets_with_scenes_and_jobs_costs_at_most_four_round_trips(
        counted: tuple[Services, CommandCounter]) -> None:
    services, counter = counted
    made = await ingested_assets(services, "hundred", 100)

    result, commands = await run(services, counter, "hundred", PAGE, {"first": 100})

    assert result.errors is None, result.errors
    nodes = [edge["node"] for edge in result.data["assets"]["edges"]]
    assert result.data["assets"]["totalCount"] == len(nodes) == 100
    assert {node["id"] for node in nodes} == {asset.id for asset in made}
    for node in nodes:
        assert node["ingestJob"]["status"] == "SUCCEEDED"
        assert node["ingestJob"]["asset"] == {"id": node["id"]}
        assert node["scene"]["id"] == node["id"] and node["scene"]["version"] == 0
        assert [root["mesh"]["asset"] for root in node["scene"]["rootNodes"]] == [
            {"id": node["id"]}]
        assert node["stats"]["triangleCount"] == 12
        assert node["glbUrl"] and "sig=" in node["glbUrl"]
        assert node["thumbnailUrl"] and "sig=" in node["thumbnailUrl"]
        assert [file["role"] for file in node["files"]] == ["GLB", "THUMBNAIL"]
    # The page, its count and the hundred ingest jobs: the scenes and the jobs' assets come
    # from the page itself, and their GLBs from storage.
    assert len(commands) <= 4, commands


async def test_round_trips_do_not_grow_with_the_page(
        counted: tuple[Services, CommandCounter]) -> None:
    services, counter = counted
    await ingested_assets(services, "pages", 60)

    small, few = await run(services, counter, "pages", PAGE, {"first": 5})
    large, many = await run(services, counter, "pages", PAGE, {"first": 60})

    assert small.errors is None and large.errors is None
    assert len(small.data["assets"]["edges"]) == 5 and len(large.data["assets"]["edges"]) == 60
    assert sorted(few) == sorted(many)


async def test_an_asset_whose_glb_is_gone_fails_alone_and_costs_nothing_more(
        counted: tuple[Services, CommandCounter]) -> None:
    services, counter = counted
    made = await ingested_assets(services, "broken", 5)
    broken = made[2]
    await services.storage.delete(next(f.key for f in broken.files if f.role is FileRole.GLB))

    result, commands = await run(services, counter, "broken", PAGE, {"first": 5})

    assert [(error.path, error.original_error.code.value) for error in result.errors or []] == [
        (["assets", "edges", 2, "node", "scene"], "NOT_FOUND")]
    nodes = [edge["node"] for edge in result.data["assets"]["edges"]]
    assert [node["id"] for node in nodes] == [asset.id for asset in reversed(made)]
    assert nodes[2]["scene"] is None and nodes[2]["ingestJob"]["status"] == "SUCCEEDED"
    assert all(node["scene"]["id"] == node["id"] for i, node in enumerate(nodes) if i != 2)
    assert len(commands) <= 4, commands


async def test_a_job_naming_someone_elses_asset_shows_no_asset(
        counted: tuple[Services, CommandCounter]) -> None:
    services, counter = counted
    (victim,) = await ingested_assets(services, "victim", 1)
    forged = Job(owner="attacker", kind=JobKind.CONVERT, asset_id=victim.id)
    await forged.insert()

    seen, _ = await run(services, counter, "attacker", JOB, {"id": forged.id})
    own, _ = await run(services, counter, "victim", JOB, {"id": victim.ingest_job_id})

    assert seen.errors is None and seen.data["job"] == {"id": forged.id, "asset": None}
    assert own.data["job"]["asset"] == {"id": victim.id, "name": victim.name}


async def test_each_request_reads_afresh(counted: tuple[Services, CommandCounter]) -> None:
    services, counter = counted
    (asset,) = await ingested_assets(services, "fresh", 1)

    before, _ = await run(services, counter, "fresh", JOB, {"id": asset.ingest_job_id})
    asset.name = "renamed.glb"
    await asset.save()
    after, _ = await run(services, counter, "fresh", JOB, {"id": asset.ingest_job_id})

    assert before.data["job"]["asset"]["name"] == "model.glb"
    assert after.data["job"]["asset"]["name"] == "renamed.glb"


async def test_a_websocket_signs_afresh_where_a_request_signs_once(
        counted: tuple[Services, CommandCounter]) -> None:
    services, _ = counted
    (asset,) = await ingested_assets(services, "signing", 1)
    glb = next(stored for stored in asset.files if stored.role is FileRole.GLB)
    request = Context(services=services, base_url="http://test",
                      request=Request({"type": "http", "headers": []}))
    websocket = Context(services=services, base_url="http://test",
                        request=Request({"type": "http", "headers": []}), fresh_reads=True)

    first = await request.file_url(glb), await websocket.file_url(glb)
    await asyncio.sleep(1.1)  # the next second: a URL signed now expires a second later
    second = await request.file_url(glb), await websocket.file_url(glb)

    assert second[0] == first[0]
    assert second[1] != first[1]
