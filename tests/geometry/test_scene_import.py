"""An asset's glTF scene becomes a typed scene graph: hierarchy, names, transforms, mesh
references, materials, cameras and lights, with world bounds an independent reader agrees on."""

from __future__ import annotations

import copy
import math

import pytest

from app.errors import CorruptFile, LimitExceeded
from app.geometry.gltf_io import load_asset
from app.geometry.scene_graph import AlphaMode, CameraType, LightType, MeshRef
from app.geometry.scene_import import graph_from_gltf
from app.geometry.scene_transforms import world_bounds
from tests.geometry.test_scene_sources import (
    EYE_MATRIX,
    QUARTER_TURN_Z,
    hierarchy_glb,
    trimesh_bounds,
)

ASSET = "ast_hierarchy"


def imported():
    return graph_from_gltf(load_asset(hierarchy_glb()).document, ASSET, max_nodes=100)


def test_hierarchy_names_and_mesh_references_are_kept() -> None:
    graph = imported()

    by_name = {node.name: node for node in graph.nodes}
    assert [node.name for node in graph.nodes] == ["base", "arm", "hand", "eye", "lamp"]
    assert graph.roots == [by_name["base"].id, by_name["lamp"].id]
    assert by_name["base"].children == [by_name["arm"].id, by_name["eye"].id]
    assert by_name["arm"].children == [by_name["hand"].id]
    assert by_name["hand"].mesh == MeshRef(asset_id=ASSET, mesh_index=2)
    assert by_name["eye"].mesh is None
    assert len({node.id for node in graph.nodes}) == 5


def test_transforms_are_kept_and_world_bounds_match_an_independent_reader() -> None:
    graph = imported()

    by_name = {node.name: node for node in graph.nodes}
    assert by_name["arm"].rotation == pytest.approx(QUARTER_TURN_Z)
    assert by_name["hand"].scale == (2.0, 2.0, 2.0)
    assert by_name["eye"].matrix == pytest.approx(EYE_MATRIX)
    low, high = world_bounds(graph)
    expected = trimesh_bounds(hierarchy_glb())
    assert low == pytest.approx(expected[0])
    assert high == pytest.approx(expected[1])


def test_materials_stand_for_the_asset_materials_and_nodes_use_shared_ones() -> None:
    graph = imported()

    red, wood = graph.materials
    by_name = {node.name: node for node in graph.nodes}
    assert (red.name, red.base_color_factor, red.metallic_factor, red.roughness_factor) == (
        "red", (1.0, 0.0, 0.0, 1.0), 0.0, 0.5)
    assert wood.base_color_texture is not None and wood.base_color_texture.texture_index == 0
    assert wood.normal_texture is not None and wood.normal_texture.scale == 0.5
    assert (wood.alpha_mode, wood.alpha_cutoff, wood.double_sided) == (AlphaMode.MASK, 0.3, True)
    assert wood.emissive_factor == pytest.approx((0.1, 0.1, 0.0))
    assert [m.source.material_index for m in graph.materials if m.source] == [0, 1]
    assert by_name["base"].material == red.id
    assert by_name["hand"].material is None  # its two primitives draw with different materials
    assert graph.mesh_infos()[MeshRef(asset_id=ASSET, mesh_index=2)].primitive_materials == [0, 1]


def test_cameras_and_lights_are_kept_on_their_nodes() -> None:
    graph = imported()

    (camera,), (light,) = graph.cameras, graph.lights
    by_name = {node.name: node for node in graph.nodes}
    assert (camera.type, camera.yfov, camera.aspect_ratio, camera.znear, camera.zfar) == (
        CameraType.PERSPECTIVE, 0.8, 1.5, 0.1, 100.0)
    assert (light.type, light.intensity, light.range) == (LightType.SPOT, 5.0, 10.0)
    assert (light.inner_cone_angle, light.outer_cone_angle) == (0.2, 0.6)
    assert by_name["eye"].camera == camera.id
    assert by_name["lamp"].light == light.id


def test_a_scene_past_the_node_limit_is_refused() -> None:
    document = load_asset(hierarchy_glb()).document

    with pytest.raises(LimitExceeded):
        graph_from_gltf(document, ASSET, max_nodes=4)


def test_a_node_with_two_parents_is_a_corrupt_file() -> None:
    document = copy.deepcopy(load_asset(hierarchy_glb()).document)
    document["nodes"][4]["children"] = [2]

    with pytest.raises(CorruptFile):
        graph_from_gltf(document, ASSET, max_nodes=100)


def test_a_rotation_slightly_off_unit_length_is_normalised() -> None:
    document = copy.deepcopy(load_asset(hierarchy_glb()).document)
    document["nodes"][1]["rotation"] = [v * 1.001 for v in QUARTER_TURN_Z]

    arm = graph_from_gltf(document, ASSET, max_nodes=100).nodes[1]

    assert math.fsum(v * v for v in arm.rotation) == pytest.approx(1.0)
