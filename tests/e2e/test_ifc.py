"""An IFC file through the real API: READY as a Khronos-valid GLB, and its elements' class,
GlobalId and property sets readable on the scene's nodes, kept through an edit."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.e2e.test_ingest import upload_and_wait
from tests.e2e.test_scenes import FROM_ASSET, update
from tests.support.client import Api
from tests.support.gltf_validator import khronos_bytes_errors

HOUSE = Path(__file__).resolve().parents[1] / "data" / "ifc" / "house.ifc"
NODES = """query($id: ID!) { scene(id: $id) {
  nodes(first: 50) { edges { node { localId name properties } } } } }"""
WALL_PSETS = {"Pset_WallCommon": {"IsExternal": True, "FireRating": "REI60",
                                  "ThermalTransmittance": 0.25}}

pytestmark = pytest.mark.slow


async def scene_nodes(api: Api, scene_id: str) -> dict[str, dict]:
    edges = (await api.graphql(NODES, {"id": scene_id}))["scene"]["nodes"]["edges"]
    return {edge["node"]["name"]: edge["node"] for edge in edges}


async def test_an_ifc_upload_answers_its_elements_properties(api: Api, tmp_path: Path) -> None:
    asset = await upload_and_wait(api, HOUSE.read_bytes(), HOUSE.name)

    assert asset["status"] == "READY", asset["error"]
    assert asset["sourceFormat"] == "IFC" and asset["validation"]["numErrors"] == 0
    glb = await api.download(asset["glbUrl"])
    assert khronos_bytes_errors(glb.content, tmp_path) == []
    created = (await api.graphql(FROM_ASSET, {"id": asset["id"]}))["sceneCreateFromAsset"]
    assert created["errors"] == []
    scene_id = created["scene"]["id"]

    nodes = await scene_nodes(api, scene_id)
    wall = nodes["Wall South"]["properties"]
    assert (wall["ifcClass"], wall["globalId"]) == ("IfcWall", "0WallSouth000000000001")
    assert wall["psets"] == WALL_PSETS
    assert nodes["Ground Floor"]["properties"]["ifcClass"] == "IfcBuildingStorey"
    assert sum(node["properties"]["ifcClass"] in ("IfcWall", "IfcSlab")
               for node in nodes.values()) == 4

    renamed = await update(api, scene_id, {"renameNode": {
        "nodeId": nodes["Wall South"]["localId"], "name": "South facade"}})
    assert renamed["errors"] == []
    after = await scene_nodes(api, scene_id)
    assert after["South facade"]["properties"] == wall
