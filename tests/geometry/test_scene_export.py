"""A scene composes into one GLB that Khronos's validator accepts: its hierarchy, transforms,
materials, cameras and lights, drawing meshes copied out of several assets."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
import trimesh

from app.geometry.gltf_io import load_asset, split_glb
from app.geometry.scene_export import compose_glb
from app.geometry.scene_graph import Material, MeshRef, Node, SceneGraph
from app.geometry.scene_import import graph_from_gltf
from app.geometry.scene_transforms import world_bounds
from tests.geometry.test_scene_sources import box_glb, hierarchy_glb, trimesh_bounds
from tests.support.gltf_validator import khronos_bytes_errors

RED, BLUE = (1.0, 0.0, 0.0, 1.0), (0.0, 0.0, 1.0, 1.0)


def triangles(glb: bytes) -> int:
    """Triangles drawn, counting each mesh instance, as trimesh reads them."""
    scene = trimesh.load(io.BytesIO(glb), file_type="glb", force="scene")
    return sum(len(mesh.faces) for mesh in scene.dump())


def test_an_imported_scene_exports_to_the_same_model(tmp_path: Path) -> None:
    source = hierarchy_glb()
    graph = graph_from_gltf(load_asset(source).document, "ast_h", max_nodes=100)

    exported = compose_glb(graph, {"ast_h": load_asset(source)}, name="workshop")

    assert khronos_bytes_errors(exported, tmp_path) == []
    document, _ = split_glb(exported)
    assert [node["name"] for node in document["nodes"]] == ["base", "arm", "hand", "eye",
                                                            "lamp"]
    assert document["scenes"] == [{"name": "workshop", "nodes": [0, 4]}]
    assert trimesh_bounds(exported) == pytest.approx(trimesh_bounds(source))
    assert triangles(exported) == triangles(source)
    assert document["cameras"][document["nodes"][3]["camera"]]["perspective"]["yfov"] == 0.8
    lights = document["extensions"]["KHR_lights_punctual"]["lights"]
    assert lights[0]["spot"] == {"innerConeAngle": 0.2, "outerConeAngle": 0.6}
    wood = next(m for m in document["materials"] if m.get("name") == "wood")
    texture = document["textures"][wood["pbrMetallicRoughness"]["baseColorTexture"]["index"]]
    assert document["images"][texture["source"]]["mimeType"] == "image/png"
    assert wood["normalTexture"]["scale"] == 0.5


def test_meshes_of_several_assets_compose_under_one_hierarchy(tmp_path: Path) -> None:
    sources = {"ast_red": load_asset(box_glb((1.0, 1.0, 1.0), RED)),
               "ast_blue": load_asset(box_glb((2.0, 2.0, 2.0), BLUE))}
    infos = [graph_from_gltf(source.document, asset_id, max_nodes=10).meshes[0]
             for asset_id, source in sources.items()]
    graph = SceneGraph(
        nodes=[Node(id="table", translation=(0, 1, 0), children=["a", "b", "c"]),
               Node(id="a", translation=(-3, 0, 0), mesh=MeshRef(asset_id="ast_red")),
               Node(id="b", translation=(3, 0, 0), scale=(1, 2, 1),
                    mesh=MeshRef(asset_id="ast_blue")),
               Node(id="c", translation=(0, 0, 4), mesh=MeshRef(asset_id="ast_red"),
                    material="green")],
        roots=["table"], meshes=infos,
        materials=[Material(id="green", name="green", base_color_factor=(0, 1, 0, 1))])

    exported = compose_glb(graph, sources)

    assert khronos_bytes_errors(exported, tmp_path) == []
    low, high = world_bounds(graph)
    np.testing.assert_allclose(trimesh_bounds(exported), [low, high])
    document, _ = split_glb(exported)
    colours = [document["materials"][mesh["primitives"][0]["material"]].get(
        "pbrMetallicRoughness", {}).get("baseColorFactor") for mesh in document["meshes"]]
    assert sorted(map(tuple, colours)) == sorted([RED, BLUE, (0, 1, 0, 1)])
    assert len(document["accessors"]) == 4  # the red box's geometry is copied once


def test_a_node_whose_asset_is_gone_keeps_its_place_and_draws_nothing(tmp_path: Path) -> None:
    source = load_asset(box_glb((1.0, 1.0, 1.0), RED))
    graph = SceneGraph(nodes=[Node(id="kept", mesh=MeshRef(asset_id="ast_deleted")),
                              Node(id="drawn", mesh=MeshRef(asset_id="ast_box"))],
                       roots=["kept", "drawn"])

    exported = compose_glb(graph, {"ast_box": source})

    assert khronos_bytes_errors(exported, tmp_path) == []
    document, _ = split_glb(exported)
    assert [("mesh" in node) for node in document["nodes"]] == [False, True]


def test_an_empty_scene_exports_a_valid_glb(tmp_path: Path) -> None:
    exported = compose_glb(SceneGraph(), {})

    assert khronos_bytes_errors(exported, tmp_path) == []
    assert split_glb(exported)[0]["scenes"] == [{}]


def test_an_edited_material_is_what_the_export_draws(tmp_path: Path) -> None:
    source = load_asset(box_glb((1.0, 1.0, 1.0), RED))
    graph = graph_from_gltf(source.document, "ast_box", max_nodes=10)
    paint = graph.materials[0].model_copy(update={"base_color_factor": BLUE,
                                                  "roughness_factor": 0.25})
    edited = graph.model_copy(update={"materials": [paint]})
    unlinked = graph.model_copy(update={"nodes": [graph.nodes[0].model_copy(
        update={"material": None})]})

    exported = split_glb(compose_glb(edited, {"ast_box": source}))[0]
    per_primitive = split_glb(compose_glb(unlinked, {"ast_box": source}))[0]

    assert exported["materials"] == [{"name": "paint", "pbrMetallicRoughness": {
        "baseColorFactor": list(BLUE), "roughnessFactor": 0.25}}]
    assert per_primitive["materials"][0]["pbrMetallicRoughness"]["baseColorFactor"] == list(RED)
