"""Querying a scene costs a bounded number of database round trips, whatever its node count:
counted with PyMongo command monitoring on the client the documents are bound to, while the
real schema runs in process."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from beanie import init_beanie
from pymongo import AsyncMongoClient, monitoring
from starlette.requests import Request

from app.config import Settings
from app.context import Context
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models import DOCUMENT_MODELS
from app.models.scene import Scene
from app.schema.schema import build_schema
from app.services.container import Services, opened_services
from app.services.scenes.operations import AddNode, MeshUse, Transform
from tests.geometry.test_scene_sources import box_glb
from tests.services.test_scenes import principal, stored_asset

DATABASE = "scenes_query_test"
# The handshake a new pooled connection makes is not a query's round trip.
HANDSHAKE = {"hello", "ismaster", "isMaster"}
QUERY = """
query Scene($id: ID!) {
  scene(id: $id) {
    id version nodeCount bounds { min max }
    nodes(first: 1000) {
      totalCount
      edges { node {
        id name translation rotation scale
        mesh { meshIndex asset { id name status } }
        material { id name baseColorFactor metallicFactor roughnessFactor }
      } }
    }
  }
}"""


class CommandCounter(monitoring.CommandListener):
    def __init__(self) -> None:
        self.commands: list[str] = []

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        if event.command_name not in HANDSHAKE:
            self.commands.append(event.command_name)

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        """Only starts are counted."""

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        """Only starts are counted."""


@pytest.fixture(scope="module")
async def counted(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                  tmp_path_factory: pytest.TempPathFactory
                  ) -> AsyncIterator[tuple[Services, CommandCounter]]:
    """Services whose documents talk to the database through a monitored client."""
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name=DATABASE, secret_key="test",
                        storage_dir=tmp_path_factory.mktemp("scene-query-objects"))
    counter = CommandCounter()
    monitored: AsyncMongoClient = AsyncMongoClient(database.url, tz_aware=True,
                                                   event_listeners=[counter])
    async with opened_services(settings) as services:
        await init_beanie(database=monitored[DATABASE], document_models=DOCUMENT_MODELS)
        yield services, counter
    await monitored.close()


async def scene_of(services: Services, owner: str, nodes: int, assets: int) -> Scene:
    """`nodes` nodes spread over `assets` READY box assets, each node with its material."""
    viewer = principal(owner)
    used = [await stored_asset(services, owner, box_glb((1, 1, 1), (1, 0, 0, 1)))
            for _ in range(assets)]
    return await services.scenes.create(viewer, name=f"{nodes} nodes", operations=[
        AddNode(name=f"node {i}", mesh=MeshUse(used[i % assets].id),
                transform=Transform(translation=(float(i), 0.0, 0.0)))
        for i in range(nodes)])


async def run_query(services: Services, counter: CommandCounter, owner: str, scene_id: str
                    ) -> tuple[dict[str, Any], list[str]]:
    context = Context(services=services, base_url="http://test",
                      request=Request({"type": "http", "headers": []}),
                      principal=principal(owner))
    counter.commands.clear()
    result = await build_schema(max_query_depth=12).execute(
        QUERY, variable_values={"id": scene_id}, context_value=context)
    assert result.errors is None, result.errors
    assert result.data is not None
    return result.data["scene"], list(counter.commands)


async def test_a_thousand_node_scene_with_assets_and_materials_costs_three_round_trips(
        counted: tuple[Services, CommandCounter]) -> None:
    services, counter = counted
    scene = await scene_of(services, "big", nodes=1000, assets=150)

    data, commands = await run_query(services, counter, "big", scene.id)

    nodes = [edge["node"] for edge in data["nodes"]["edges"]]
    assert len(nodes) == data["nodes"]["totalCount"] == data["nodeCount"] == 1000
    assert all(node["mesh"]["asset"]["status"] == "READY" for node in nodes)
    assert all(node["material"]["baseColorFactor"] == [1, 0, 0, 1] for node in nodes)
    assert len({node["mesh"]["asset"]["id"] for node in nodes}) == 150
    # The scene in one read, then its 150 assets in two batches of at most 100.
    assert commands == ["find", "find", "find"]


async def test_round_trips_do_not_grow_with_the_node_count(
        counted: tuple[Services, CommandCounter]) -> None:
    services, counter = counted
    small = await scene_of(services, "small", nodes=10, assets=5)
    large = await scene_of(services, "large", nodes=600, assets=5)

    _, few = await run_query(services, counter, "small", small.id)
    _, many = await run_query(services, counter, "large", large.id)

    assert few == many == ["find", "find"]
    assert len(many) <= 4
