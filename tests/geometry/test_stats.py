"""Asset statistics against trimesh and Khronos's own counts, on real meshes made here."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import trimesh
from trimesh import transformations as tf

from app.geometry.gltf_io import load_asset
from app.geometry.stats import compute_stats
from tests.geometry.validation.builders import GltfBuilder
from tests.support.gltf_validator import khronos_report


def _exported(geometry: trimesh.Trimesh) -> bytes:
    return trimesh.Scene(geometry).export(file_type="glb")


def test_box_counts_and_bounds_match_trimesh_and_khronos(tmp_path: Path) -> None:
    # Given a box exported by trimesh
    box = trimesh.creation.box(extents=(1.0, 2.0, 4.0))
    path = tmp_path / "box.glb"
    path.write_bytes(_exported(box))
    # When its statistics are computed
    stats = compute_stats(load_asset(path.read_bytes()))
    info = khronos_report(path)["info"]
    # Then the counts are trimesh's and Khronos's, and the bounds are the box's
    assert stats.triangle_count == len(box.faces) == info["totalTriangleCount"]
    assert stats.vertex_count == info["totalVertexCount"]
    assert (stats.mesh_count, stats.node_count) == (1, 1)
    np.testing.assert_allclose([stats.bounds_min, stats.bounds_max], box.bounds, atol=1e-6)


def test_sphere_triangle_count_matches_trimesh() -> None:
    # Given an icosphere of 1280 faces
    sphere = trimesh.creation.icosphere(subdivisions=3, radius=2.0)
    # When its statistics are computed
    stats = compute_stats(load_asset(_exported(sphere)))
    # Then every face counts once and the bounds are the sphere's
    assert stats.triangle_count == len(sphere.faces)
    assert stats.vertex_count == len(sphere.vertices)
    np.testing.assert_allclose([stats.bounds_min, stats.bounds_max], sphere.bounds, atol=1e-5)


def test_instanced_mesh_counts_once_and_bounds_follow_every_transform() -> None:
    # Given one box instanced by a TRS node, a matrix node, and a child of a scaled parent
    box = trimesh.creation.box(extents=(1.0, 1.0, 1.0))
    builder = GltfBuilder()
    mesh = builder.mesh(box.vertices, box.faces)
    rotation = tf.quaternion_about_axis(0.7, [0, 1, 1])  # (w, x, y, z)
    trs = builder.add("nodes", {"mesh": mesh, "translation": [5.0, 0.0, 0.0],
                                "rotation": [*rotation[1:], rotation[0]],
                                "scale": [1.0, 2.0, 1.0]})
    matrix = tf.compose_matrix(angles=[0.3, 0.0, 0.2], translate=[0.0, -4.0, 1.0])
    placed = builder.add("nodes", {"mesh": mesh, "matrix": matrix.T.reshape(-1).tolist()})
    child = builder.add("nodes", {"mesh": mesh, "translation": [0.0, 0.0, 3.0]})
    parent = builder.add("nodes", {"children": [child], "scale": [2.0, 2.0, 2.0]})
    builder.scene(trs, placed, parent)
    # When its statistics are computed
    stats = compute_stats(builder.asset())
    # Then the mesh counts once, and the bounds cover every instance in world space
    worlds = [tf.translation_matrix([5, 0, 0]) @ tf.quaternion_matrix(rotation)
              @ np.diag([1.0, 2.0, 1.0, 1.0]), matrix,
              np.diag([2.0, 2.0, 2.0, 1.0]) @ tf.translation_matrix([0, 0, 3])]
    corners = np.vstack([trimesh.transform_points(box.vertices, world) for world in worlds])
    assert (stats.triangle_count, stats.mesh_count, stats.node_count) == (12, 1, 4)
    np.testing.assert_allclose(stats.bounds_min, corners.min(axis=0), atol=1e-6)
    np.testing.assert_allclose(stats.bounds_max, corners.max(axis=0), atol=1e-6)


def test_skinned_mesh_is_measured_in_its_bind_pose() -> None:
    # Given a box skinned to one joint, on a node that is (wrongly) moved far away
    box = trimesh.creation.box()
    builder = GltfBuilder()
    mesh = builder.mesh(box.vertices, box.faces)
    attributes = builder.document["meshes"][mesh]["primitives"][0]["attributes"]
    attributes["JOINTS_0"] = builder.accessor(np.zeros((8, 4), dtype=np.uint8))
    attributes["WEIGHTS_0"] = builder.accessor(np.tile(np.float32([1, 0, 0, 0]), (8, 1)))
    joint = builder.add("nodes", {"name": "root joint"})
    skin = builder.add("skins", {"joints": [joint]})
    skinned = builder.add("nodes", {"mesh": mesh, "skin": skin, "translation": [50.0, 0, 0]})
    builder.scene(joint, skinned)
    # When its statistics are computed
    stats = compute_stats(builder.asset())
    # Then the node's transform is ignored, as renderers ignore it for skinned meshes
    np.testing.assert_allclose([stats.bounds_min, stats.bounds_max], box.bounds, atol=1e-6)


def test_meshes_without_scenes_are_measured_untransformed() -> None:
    # Given a file with a mesh but no nodes or scenes
    sphere = trimesh.creation.icosphere(subdivisions=1)
    builder = GltfBuilder()
    builder.mesh(sphere.vertices + np.array([10.0, 0.0, 0.0]), sphere.faces)
    # When its statistics are computed
    stats = compute_stats(builder.asset())
    # Then the bounds are the mesh's own
    np.testing.assert_allclose(stats.bounds_min, sphere.bounds[0] + np.array([10, 0, 0]), atol=1e-6)
    assert stats.node_count == 0


def test_positions_without_declared_bounds_are_measured_from_data() -> None:
    # Given a box whose POSITION accessor has no min/max
    box = trimesh.creation.box(extents=(3.0, 1.0, 1.0))
    builder = GltfBuilder()
    builder.scene(builder.add("nodes", {"mesh": builder.mesh(box.vertices, box.faces)}))
    for key in ("min", "max"):
        del builder.document["accessors"][0][key]
    # When its statistics are computed
    stats = compute_stats(builder.asset())
    # Then the bounds still come out right
    np.testing.assert_allclose([stats.bounds_min, stats.bounds_max], box.bounds, atol=1e-6)


@pytest.mark.parametrize(("mode", "indices", "triangles"), [
    (5, np.arange(6), 4),  # strip: n - 2
    (6, None, 3),  # fan of 5 vertices: n - 2
    (0, None, 0),  # points
    (1, np.arange(4), 0),  # lines
    (4, None, 1),  # unindexed list of 5 vertices: floor(5 / 3)
])
def test_triangle_count_follows_the_drawing_mode(mode: int, indices: np.ndarray | None,
                                                 triangles: int, tmp_path: Path) -> None:
    # Given five vertices drawn in one mode
    vertices = np.array([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0], [0, 2, 0]], dtype=float)
    builder = GltfBuilder()
    indices = None if indices is None else np.minimum(indices, 4)
    mesh = builder.mesh(vertices, indices, mode=mode)
    builder.scene(builder.add("nodes", {"mesh": mesh}))
    path = tmp_path / "mode.glb"
    path.write_bytes(builder.glb())
    # When its statistics are computed
    stats = compute_stats(load_asset(path.read_bytes()))
    # Then the triangle count is the one Khronos reports
    assert stats.triangle_count == triangles == khronos_report(path)["info"]["totalTriangleCount"]


def test_dictionary_form_uses_snake_case_and_nested_bounds() -> None:
    # Given a box and a document with no meshes
    box_stats = compute_stats(load_asset(_exported(trimesh.creation.box())))
    empty_stats = compute_stats(GltfBuilder().asset())
    # When they are turned into dictionaries
    box, empty = box_stats.to_dict(), empty_stats.to_dict()
    # Then bounds nest min and max, or are None without geometry
    assert box["bounds"] == {"min": [-0.5, -0.5, -0.5], "max": [0.5, 0.5, 0.5]}
    assert box["triangle_count"] == 12 and box["texture_count"] == 0
    assert empty["bounds"] is None and empty["vertex_count"] == 0
