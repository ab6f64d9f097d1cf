"""nodes(ids:) costs one database round trip per type asked for, whatever the number of ids:
counted with PyMongo command monitoring while the real schema runs in process."""

from __future__ import annotations

from app.services.container import Services
from app.services.scenes.operations import AddNode
from tests.schema.test_asset_page_round_trips import counted, ingested_assets, run
from tests.services.test_scenes import principal
from tests.services.test_scenes_queries import CommandCounter

NODES = """query($ids: [ID!]!) { nodes(ids: $ids) {
  __typename id
  ... on Asset { name }
  ... on Job { status }
  ... on Scene { version }
  ... on SceneNode { localId }
} }"""

__all__ = ["counted"]  # the monitored services, shared with the asset page's tests


async def ids_of(services: Services, owner: str, count: int) -> list[str]:
    """Ids of `count` assets, their ingest jobs, `count` scenes and two nodes of each scene."""
    assets = await ingested_assets(services, owner, count)
    ids = [asset.id for asset in assets] + [str(asset.ingest_job_id) for asset in assets]
    for number in range(count):
        scene = await services.scenes.create(principal(owner), name=f"scene {number}",
                                             operations=[AddNode(id="a"), AddNode(id="b")])
        ids += [scene.id, f"{scene.id}/a", f"{scene.id}/b"]
    return ids


async def test_nodes_reads_each_type_once_however_many_ids(
        counted: tuple[Services, CommandCounter]) -> None:
    services, counter = counted
    few = await ids_of(services, "nodes-few", 2)
    many = await ids_of(services, "nodes-many", 16)

    small, few_commands = await run(services, counter, "nodes-few", NODES, {"ids": few})
    large, many_commands = await run(services, counter, "nodes-many", NODES, {"ids": many})

    assert small.errors is None and large.errors is None, (small.errors, large.errors)
    assert [node["id"] for node in large.data["nodes"]] == many
    assert {node["__typename"] for node in large.data["nodes"]} == {
        "Asset", "Job", "Scene", "SceneNode"}
    # Assets, jobs and scenes (the nodes' scenes among them): one find each.
    assert sorted(many_commands) == sorted(few_commands) == ["find", "find", "find"]
