"""Scene operations applied all or nothing: hierarchy edits, transforms, meshes and materials,
cameras and lights; bad input names its operation and field and leaves the graph as it was."""

from __future__ import annotations

import math

import pytest

from app.errors import AtelierError, ErrorCode
from app.geometry.gltf_io import load_asset
from app.geometry.scene_graph import MeshRef, SceneGraph
from app.models.scene import SceneChangeKind
from app.services.scenes.edits import apply_operations
from app.services.scenes.operations import (
    AddCamera,
    AddLight,
    AddMaterial,
    AddNode,
    AttachMesh,
    DetachMesh,
    EditMaterial,
    MeshUse,
    RemoveNode,
    RenameNode,
    ReparentNode,
    SetMaterial,
    SetTransform,
    Transform,
)
from tests.geometry.test_scene_sources import hierarchy_glb

ASSET = "ast_hierarchy"
DOCUMENTS = {ASSET: load_asset(hierarchy_glb()).document}


def apply(graph: SceneGraph, *operations, max_items: int = 100):
    return apply_operations(graph, list(operations), max_items=max_items, documents=DOCUMENTS)


def failure(graph: SceneGraph, *operations, max_items: int = 100) -> AtelierError:
    before = graph.model_dump()
    with pytest.raises(AtelierError) as raised:
        apply(graph, *operations, max_items=max_items)
    assert graph.model_dump() == before
    return raised.value


def tree() -> SceneGraph:
    """root → a → b, and c at the top level."""
    return apply(SceneGraph(), AddNode(id="root"), AddNode(id="a", parent_id="root"),
                 AddNode(id="b", parent_id="a"), AddNode(id="c")).graph


def test_nodes_added_under_chosen_ids_form_the_hierarchy_and_are_listed_as_changes() -> None:
    result = apply(SceneGraph(), AddNode(id="root", name="Root"),
                   AddNode(name="first", parent_id="root"),
                   AddNode(name="zeroth", parent_id="root", index=0))

    root = result.graph.nodes[0]
    names = {node.id: node.name for node in result.graph.nodes}
    assert result.graph.roots == ["root"]
    assert [names[child] for child in root.children] == ["zeroth", "first"]
    assert [c.kind for c in result.changes] == [SceneChangeKind.NODE_ADDED] * 3
    assert len(set(names)) == 3


def test_generated_ids_never_repeat_after_removal() -> None:
    first = apply(SceneGraph(), AddNode(name="x")).graph
    removed = apply(first, RemoveNode(node_id=first.nodes[0].id)).graph

    again = apply(removed, AddNode(name="y")).graph

    assert again.nodes[0].id != first.nodes[0].id


def test_removing_a_node_removes_everything_under_it() -> None:
    result = apply(tree(), RemoveNode(node_id="a"))

    assert [node.id for node in result.graph.nodes] == ["root", "c"]
    assert result.graph.nodes[0].children == []
    assert [c.target_id for c in result.changes] == ["a", "b"]


def test_reparenting_moves_a_subtree_and_refuses_cycles() -> None:
    moved = apply(tree(), ReparentNode(node_id="a", parent_id="c")).graph

    by_id = {node.id: node for node in moved.nodes}
    assert by_id["c"].children == ["a"] and by_id["root"].children == []
    assert failure(tree(), ReparentNode(node_id="root", parent_id="b")).field == [
        "0", "reparent_node", "parent_id"]
    assert failure(tree(), ReparentNode(node_id="a", parent_id="a")).code is (
        ErrorCode.INVALID_INPUT)


def test_a_later_bad_operation_undoes_the_earlier_ones() -> None:
    error = failure(tree(), RenameNode(node_id="a", name="renamed"),
                    RemoveNode(node_id="nowhere"))

    assert error.code is ErrorCode.NOT_FOUND
    assert error.field == ["1", "remove_node", "node_id"]


@pytest.mark.parametrize(("transform", "field"), [
    (Transform(translation=(math.nan, 0.0, 0.0)), "translation"),
    (Transform(scale=(1.0, math.inf, 1.0)), "scale"),
    (Transform(translation=(1.0, 2.0)), "translation"),
    (Transform(rotation=(0.0, 0.0, 0.0, 0.0)), "rotation"),
    (Transform(matrix=(1.0, 0.5, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1)), "matrix"),
    (Transform(matrix=tuple(float(i == j) for i in range(4) for j in range(4)),
               translation=(1.0, 0.0, 0.0)), "matrix"),
])
def test_transforms_gltf_cannot_hold_are_refused(transform: Transform, field: str) -> None:
    error = failure(tree(), SetTransform(node_id="a", transform=transform))

    assert error.code is ErrorCode.INVALID_INPUT
    assert error.field[:3] == ["0", "set_transform", field]


def test_setting_part_of_a_matrix_transform_keeps_the_rest() -> None:
    with_matrix = apply(tree(), SetTransform(node_id="a", transform=Transform(
        matrix=(2, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2, 0, 1, 2, 3, 1)))).graph

    node = apply(with_matrix, SetTransform(node_id="a", transform=Transform(
        translation=(7.0, 8.0, 9.0)))).graph.nodes[1]

    assert (node.matrix, node.translation, node.scale) == (None, (7.0, 8.0, 9.0),
                                                           pytest.approx((2, 2, 2)))


def test_rotations_are_stored_as_unit_quaternions() -> None:
    node = apply(tree(), SetTransform(node_id="a", transform=Transform(
        rotation=(0.0, 0.0, 2.0, 2.0)))).graph.nodes[1]

    assert node.rotation == pytest.approx((0.0, 0.0, math.sqrt(0.5), math.sqrt(0.5)))


def test_attaching_a_mesh_brings_its_materials_and_bounds() -> None:
    result = apply(tree(), AttachMesh(node_id="a", mesh=MeshUse(ASSET, 2)),
                   AttachMesh(node_id="b", mesh=MeshUse(ASSET, 0)))

    a, b = result.graph.nodes[1:3]
    names = {m.id: m.name for m in result.graph.materials}
    assert sorted(names.values()) == ["red", "wood"]
    assert a.material is None  # mesh 2's primitives differ
    assert names[b.material] == "red"
    assert {info.ref for info in result.graph.meshes} == {MeshRef(asset_id=ASSET, mesh_index=2),
                                                          MeshRef(asset_id=ASSET)}
    assert result.bounds is not None


def test_detaching_the_last_use_of_a_mesh_forgets_it() -> None:
    attached = apply(tree(), AttachMesh(node_id="a", mesh=MeshUse(ASSET, 0))).graph

    detached = apply(attached, DetachMesh(node_id="a"))

    assert detached.graph.meshes == [] and detached.bounds is None


def test_a_mesh_the_asset_lacks_is_refused() -> None:
    error = failure(tree(), AddNode(mesh=MeshUse(ASSET, 9)))

    assert (error.code, error.field) == (ErrorCode.INVALID_INPUT,
                                         ["0", "add_node", "mesh", "mesh_index"])


def test_materials_are_added_edited_and_set_on_nodes() -> None:
    texture = {"asset_id": ASSET, "texture_index": 0}
    result = apply(tree(),
                   AddMaterial(fields={"id": "gold", "base_color_factor": (1, 0.8, 0, 1),
                                       "metallic_factor": 1.0, "emissive_texture": texture}),
                   EditMaterial(material_id="gold", fields={"roughness_factor": 0.2,
                                                            "emissive_texture": None}),
                   SetMaterial(node_id="a", material_id="gold"))

    (gold,) = result.graph.materials
    assert (gold.base_color_factor, gold.metallic_factor, gold.roughness_factor) == (
        (1, 0.8, 0, 1), 1.0, 0.2)
    assert gold.emissive_texture is None
    assert result.graph.nodes[1].material == "gold"


@pytest.mark.parametrize(("fields", "field"), [
    ({"metallic_factor": 1.5}, "metallic_factor"),
    ({"base_color_factor": (1, 1, 1)}, "base_color_factor"),
    ({"alpha_mode": "SHINY"}, "alpha_mode"),
    ({"roughness_factor": math.nan}, "roughness_factor"),
])
def test_material_values_outside_gltf_are_refused(fields: dict, field: str) -> None:
    error = failure(tree(), AddMaterial(fields=fields))

    assert (error.code, error.field[2]) == (ErrorCode.INVALID_INPUT, field)


def test_cameras_and_lights_are_placed_on_nodes_and_checked() -> None:
    result = apply(tree(), AddCamera(node_id="a", fields={"yfov": 0.9, "znear": 0.1}),
                   AddLight(node_id="c", fields={"type": "DIRECTIONAL", "intensity": 3.0}))

    by_id = {node.id: node for node in result.graph.nodes}
    assert by_id["a"].camera == result.graph.cameras[0].id
    assert by_id["c"].light == result.graph.lights[0].id
    assert failure(tree(), AddCamera(fields={"type": "ORTHOGRAPHIC", "znear": 0.1})).code is (
        ErrorCode.INVALID_INPUT)
    assert failure(tree(), AddLight(fields={"type": "DIRECTIONAL", "range": 5.0})).code is (
        ErrorCode.INVALID_INPUT)


def test_ids_already_taken_and_unknown_references_are_refused() -> None:
    assert failure(tree(), AddNode(id="a")).field == ["0", "add_node", "id"]
    assert failure(tree(), AddNode(parent_id="zz")).code is ErrorCode.NOT_FOUND
    assert failure(tree(), SetMaterial(node_id="a", material_id="zz")).field == [
        "0", "set_material", "material_id"]


def test_more_nodes_than_the_limit_are_refused() -> None:
    error = failure(tree(), AddNode(), AddNode(), max_items=5)

    assert error.code is ErrorCode.LIMIT_EXCEEDED
