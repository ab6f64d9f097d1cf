"""Scenes over real HTTP and websockets: built from an uploaded asset, edited by parallel
writers with versions, bad input refused with a code, and changes pushed across API
processes."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import numpy as np
import pytest

from tests.conftest import new_owner_api
from tests.e2e.test_ingest import upload_and_wait
from tests.geometry.test_scene_sources import box_glb, hierarchy_glb, trimesh_bounds
from tests.support.client import Api
from tests.support.stack import start_api

ERRORS = "errors { field message code }"
SCENE_FIELDS = """id name version nodeCount bounds { min max }
  rootNodes { name translation children { name rotation children { name scale
    mesh { meshIndex asset { id } } material { name } } } }
  materials { name baseColorFactor alphaMode doubleSided baseColorTexture { textureIndex } }
  cameras { name type yfov } lights { name type intensity }"""
FROM_ASSET = f"""mutation($id: ID!) {{
  sceneCreateFromAsset(assetId: $id) {{ scene {{ {SCENE_FIELDS} }} {ERRORS} }} }}"""
CREATE = f"""mutation($input: SceneCreateInput!) {{
  sceneCreate(input: $input) {{ scene {{ id version }} {ERRORS} }} }}"""
UPDATE = f"""mutation($id: ID!, $input: SceneUpdateInput!, $expected: Int) {{
  sceneUpdate(id: $id, input: $input, expectedVersion: $expected) {{
    scene {{ version nodes {{ totalCount }} }} {ERRORS} }} }}"""
VERSION = "query($id: ID!) { scene(id: $id) { version nodeCount } }"
CHANGED = """subscription($id: ID!, $after: Int) {
  sceneChanged(sceneId: $id, afterVersion: $after) {
    version changes { kind targetId } scene { version name nodes { edges { node { name } } } }
  } }"""


async def create(api: Api, *operations: dict, name: str = "scene") -> str:
    payload = (await api.graphql(CREATE, {"input": {"name": name,
                                                    "operations": list(operations)}}))
    assert payload["sceneCreate"]["errors"] == []
    return payload["sceneCreate"]["scene"]["id"]


async def update(api: Api, scene_id: str, *operations: dict, expected: int | None = None,
                 name: str | None = None) -> dict:
    variables = {"id": scene_id, "expected": expected,
                 "input": {"name": name, "operations": list(operations)}}
    return (await api.graphql(UPDATE, variables))["sceneUpdate"]


async def test_a_scene_from_an_uploaded_asset_keeps_its_structure(api: Api) -> None:
    asset = await upload_and_wait(api, hierarchy_glb(), "workshop.glb")
    assert asset["status"] == "READY", asset["error"]

    payload = (await api.graphql(FROM_ASSET, {"id": asset["id"]}))["sceneCreateFromAsset"]

    scene = payload["scene"]
    assert payload["errors"] == []
    assert (scene["version"], scene["nodeCount"]) == (1, 5)
    base, lamp = scene["rootNodes"]
    assert (base["name"], base["translation"], lamp["name"]) == ("base", [1, 0, 0], "lamp")
    arm = base["children"][0]
    hand = arm["children"][0]
    assert [child["name"] for child in base["children"]] == ["arm", "eye"]
    assert arm["rotation"] == pytest.approx([0, 0, 2 ** -0.5, 2 ** -0.5])
    assert (hand["scale"], hand["mesh"], hand["material"]) == (
        [2, 2, 2], {"meshIndex": 2, "asset": {"id": asset["id"]}}, None)
    red, wood = scene["materials"]
    assert (red["name"], red["baseColorFactor"], wood["alphaMode"], wood["doubleSided"]) == (
        "red", [1, 0, 0, 1], "MASK", True)
    assert wood["baseColorTexture"] == {"textureIndex": 0}
    assert scene["cameras"] == [{"name": "eye", "type": "PERSPECTIVE", "yfov": 0.8}]
    assert scene["lights"] == [{"name": "lamp", "type": "SPOT", "intensity": 5}]
    expected = trimesh_bounds(hierarchy_glb())
    np.testing.assert_allclose([scene["bounds"]["min"], scene["bounds"]["max"]], expected)
    own = await api.graphql("query($id: ID!) { asset(id: $id) { scene { id version nodeCount "
                            "rootNodes { name } } } }", {"id": asset["id"]})
    assert own["asset"]["scene"] == {"id": asset["id"], "version": 0, "nodeCount": 5,
                                     "rootNodes": [{"name": "base"}, {"name": "lamp"}]}


async def test_a_scene_created_with_nodes_inline_draws_an_assets_mesh(api: Api) -> None:
    asset = await upload_and_wait(api, box_glb((2, 2, 2), (0, 0, 1, 1)), "blue.glb")
    query = """mutation($input: SceneCreateInput!) { sceneCreate(input: $input) {
      scene { version bounds { min max } materials { id name baseColorFactor }
              node(id: "copy") { translation mesh { meshIndex asset { name } }
                                 material { id } } } errors { code } } }"""

    created = (await api.graphql(query, {"input": {"name": "inline", "operations": [
        {"addNode": {"id": "copy", "translation": [10, 0, 0],
                     "mesh": {"assetId": asset["id"], "meshIndex": 0}}}]}}))["sceneCreate"]

    scene = created["scene"]
    assert created["errors"] == []
    assert scene["node"]["mesh"] == {"meshIndex": 0, "asset": {"name": "blue.glb"}}
    assert scene["materials"] == [{"id": scene["node"]["material"]["id"], "name": "paint",
                                   "baseColorFactor": [0, 0, 1, 1]}]
    assert scene["bounds"] == {"min": [9, -1, -1], "max": [11, 1, 1]}


async def test_parallel_updates_with_one_expected_version_let_exactly_one_through(
        api: Api) -> None:
    scene_id = await create(api)

    results = await asyncio.gather(*(update(api, scene_id, {"addNode": {"name": f"n{i}"}},
                                            expected=1) for i in range(8)))

    codes = sorted(error["code"] for result in results for error in result["errors"])
    assert codes == ["CONFLICT"] * 7
    assert [r["scene"]["version"] for r in results if r["scene"]] == [2]
    assert (await api.graphql(VERSION, {"id": scene_id}))["scene"] == {"version": 2,
                                                                       "nodeCount": 1}


async def test_parallel_updates_without_a_version_each_land_once(api: Api) -> None:
    scene_id = await create(api)

    results = await asyncio.gather(*(update(api, scene_id, {"addNode": {"id": f"n{i}"}})
                                     for i in range(8)))

    assert all(result["errors"] == [] for result in results)
    assert sorted(result["scene"]["version"] for result in results) == list(range(2, 10))
    assert (await api.graphql(VERSION, {"id": scene_id}))["scene"] == {"version": 9,
                                                                       "nodeCount": 8}


@pytest.mark.parametrize(("operation", "code", "field"), [
    ({"reparentNode": {"nodeId": "root", "parentId": "leaf"}}, "INVALID_INPUT", "parentId"),
    ({"removeNode": {"nodeId": "missing"}}, "NOT_FOUND", "nodeId"),
    ({"setTransform": {"nodeId": "leaf", "rotation": [0, 0, 0, 0]}}, "INVALID_INPUT",
     "rotation"),
    ({"setTransform": {"nodeId": "leaf", "matrix": [1, 1] + [0] * 14}}, "INVALID_INPUT",
     "matrix"),
    ({"attachMesh": {"nodeId": "leaf", "mesh": {"assetId": "ast_000000000000000000000000"}}},
     "NOT_FOUND", "assetId"),
    ({"addMaterial": {"metallicFactor": 2}}, "INVALID_INPUT", "metallicFactor"),
])
async def test_bad_operations_end_with_a_code_and_change_nothing(
        api: Api, operation: dict, code: str, field: str) -> None:
    scene_id = await create(api, {"addNode": {"id": "root"}},
                            {"addNode": {"id": "leaf", "parentId": "root"}})

    result = await update(api, scene_id, {"renameNode": {"nodeId": "root", "name": "x"}},
                          operation)

    assert [(e["code"], e["field"][:3], e["field"][-1]) for e in result["errors"]] == [
        (code, ["input", "operations", "1"], field)]
    assert (await api.graphql(VERSION, {"id": scene_id}))["scene"]["version"] == 1


async def test_non_finite_numbers_and_another_owners_asset_are_refused(
        api: Api, admin: Api) -> None:
    other = await new_owner_api(admin)
    theirs = await upload_and_wait(other, box_glb((1, 1, 1), (1, 0, 0, 1)), "theirs.glb")
    scene_id = await create(api, {"addNode": {"id": "a"}})
    infinite = json.dumps({"query": UPDATE, "variables": {
        "id": scene_id, "input": {"operations": [
            {"setTransform": {"nodeId": "a", "translation": [float("inf"), 0, 0]}}]}}})

    async with httpx.AsyncClient(timeout=60) as http:
        response = await http.post(f"{api.base_url}/graphql", content=infinite,
                                   headers={**api.headers, "Content-Type": "application/json"})
    stolen = await update(api, scene_id, {"attachMesh": {"nodeId": "a", "mesh": {
        "assetId": theirs["id"]}}})

    assert response.json()["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
    assert [error["code"] for error in stolen["errors"]] == ["NOT_FOUND"]
    assert (await api.graphql(VERSION, {"id": scene_id}))["scene"]["version"] == 1


async def test_another_owner_can_neither_see_nor_change_a_scene(api: Api, admin: Api) -> None:
    scene_id = await create(api, name="mine")
    other = await new_owner_api(admin)

    seen = await other.graphql(VERSION, {"id": scene_id})
    listed = await other.graphql("{ scenes { totalCount } }")
    changed = await update(other, scene_id, name="theirs")

    assert seen["scene"] is None
    assert listed["scenes"]["totalCount"] == 0
    assert [error["code"] for error in changed["errors"]] == ["NOT_FOUND"]


@pytest.fixture
def second_api(stack_dir: Path, env: dict[str, str], api_url: str) -> Iterator[str]:
    """Another API process on the same stores, as a second replica would be."""
    process, url = start_api(env, stack_dir / "api-scenes-2.log")
    yield url
    process.stop()


async def test_scene_changes_reach_subscribers_of_another_api_process(
        api: Api, second_api: str) -> None:
    scene_id = await create(api, {"addNode": {"id": "a", "name": "first"}})
    elsewhere = Api(second_api, api.token)

    async with elsewhere.websocket() as subscriptions:
        op = await subscriptions.start(CHANGED, {"id": scene_id, "after": 1})
        await update(api, scene_id, {"renameNode": {"nodeId": "a", "name": "second"}})
        await update(api, scene_id, {"addNode": {"id": "b", "name": "third"}}, name="new")
        events = await subscriptions.collect(op, count=2, within=30)

    first, second = (event["sceneChanged"] for event in events)
    assert (first["version"], first["changes"]) == (2, [{"kind": "NODE_RENAMED",
                                                         "targetId": "a"}])
    assert second["version"] == second["scene"]["version"] == 3
    assert [c["kind"] for c in second["changes"]] == ["SCENE_RENAMED", "NODE_ADDED"]
    assert [e["node"]["name"] for e in second["scene"]["nodes"]["edges"]] == ["second", "third"]


async def test_another_owner_cannot_subscribe_to_a_scene(api: Api, admin: Api) -> None:
    scene_id = await create(api)
    outsider = await new_owner_api(admin)

    async with outsider.websocket() as subscriptions:
        op = await subscriptions.start(CHANGED, {"id": scene_id})
        with pytest.raises(AssertionError, match="NOT_FOUND"):
            await subscriptions.collect(op, within=30)
