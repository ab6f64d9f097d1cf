"""A node's glTF extras become its scene properties (an IFC element's class, GlobalId and
property sets), keep only what a MongoDB document can hold, and go back out as extras."""

from __future__ import annotations

from pathlib import Path

from app.geometry.gltf_io import load_asset, split_glb
from app.geometry.ingest import ingest_path
from app.geometry.scene_export import compose_glb
from app.geometry.scene_graph import SceneGraph
from app.geometry.scene_import import PROPERTY_DEPTH, graph_from_gltf, node_properties
from tests.support.gltf_validator import khronos_bytes_errors

HOUSE = Path(__file__).resolve().parents[1] / "data" / "ifc" / "house.ifc"
ASSET = "ast_house"


def house_graph(tmp_path: Path) -> tuple[SceneGraph, bytes]:
    glb = tmp_path / "house.glb"
    ingest_path(HOUSE, HOUSE.name, glb)
    data = glb.read_bytes()
    return graph_from_gltf(load_asset(data).document, ASSET, max_nodes=100), data


def test_ifc_elements_carry_their_class_global_id_and_psets(tmp_path: Path) -> None:
    graph, _ = house_graph(tmp_path)

    by_name = {node.name: node for node in graph.nodes}
    wall = by_name["Wall South"].properties
    assert wall["ifcClass"] == "IfcWall" and wall["globalId"] == "0WallSouth000000000001"
    assert wall["psets"] == {"Pset_WallCommon": {
        "IsExternal": True, "FireRating": "REI60", "ThermalTransmittance": 0.25}}
    assert by_name["Upper Floor"].properties["ifcClass"] == "IfcBuildingStorey"


def test_properties_are_written_back_as_extras(tmp_path: Path) -> None:
    graph, source = house_graph(tmp_path)

    exported = compose_glb(graph, {ASSET: load_asset(source)})

    assert khronos_bytes_errors(exported, tmp_path) == []
    document, _ = split_glb(exported)
    original, _ = split_glb(source)
    assert [node.get("extras") for node in document["nodes"]] == [
        node.get("extras") for node in original["nodes"]]


def test_only_what_mongodb_can_store_is_kept() -> None:
    nested: dict[str, object] = {"leaf": 1}
    for _ in range(PROPERTY_DEPTH + 5):
        nested = {"deeper": nested}

    kept = node_properties({"ok": [1, "two", None, {"x.y": 3, "z": True}], "a.b": 1,
                            "$where": "x", "": 0, "deep": nested})

    assert kept["ok"] == [1, "two", None, {"z": True}]
    assert set(kept) == {"ok", "deep"}
    depth, value = 0, kept["deep"]
    while isinstance(value, dict) and value:
        depth, value = depth + 1, value["deeper"]
    assert depth == PROPERTY_DEPTH - 1
    assert node_properties(["not", "an", "object"]) == {} == node_properties(None)
