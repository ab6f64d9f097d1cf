"""Geometry checks on real meshes: what is an error, what is only a warning, and where it is."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import trimesh

from app.geometry.validation import Severity, validate_bytes, validate_geometry
from tests.geometry.validation.builders import GltfBuilder
from tests.support.gltf_validator import khronos_reports

POINTER = "/meshes/0/primitives/0"


def _codes(issues: list) -> dict[str, Severity]:
    return {issue.code: issue.severity for issue in issues}


def test_closed_consistent_mesh_has_no_issues() -> None:
    # Given a watertight, consistently wound sphere with normals and UVs
    sphere = trimesh.creation.icosphere(subdivisions=4)
    # When its geometry is checked
    issues = validate_geometry(sphere.vertices, sphere.faces, has_normals=True, has_uvs=True,
                               pointer=POINTER)
    # Then nothing is reported
    assert issues == []


def test_flipped_triangle_is_a_winding_warning() -> None:
    # Given a box with one triangle wound the other way
    box = trimesh.creation.box()
    faces = box.faces.copy()
    faces[0] = faces[0][::-1]
    # When its geometry is checked
    issues = validate_geometry(box.vertices, faces, has_normals=True, has_uvs=True,
                               pointer=POINTER)
    # Then the three edges of that triangle are reported, as a warning
    assert [(i.code, i.severity, i.message) for i in issues] == [
        ("GEOMETRY_INCONSISTENT_WINDING", Severity.WARNING,
         "3 edges join triangles of opposite winding.")]


def test_edge_shared_by_three_triangles_is_non_manifold() -> None:
    # Given three triangles hinged on the edge (0, 1)
    vertices = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, -1, 0], [0, 0, 1]], dtype=float)
    faces = np.array([[0, 1, 2], [1, 0, 3], [0, 1, 4]])
    # When its geometry is checked
    issues = validate_geometry(vertices, faces, has_normals=True, has_uvs=True, pointer=None)
    # Then that one edge is non-manifold (a warning, no pointer outside glTF)
    assert _codes(issues) == {"GEOMETRY_NON_MANIFOLD_EDGES": Severity.WARNING}
    assert issues[0].message.startswith("1 edges") and issues[0].pointer is None


def test_nan_positions_and_bad_indices_are_errors() -> None:
    # Given a box with a NaN corner and an index past the last vertex
    box = trimesh.creation.box()
    vertices, faces = box.vertices.copy(), box.faces.copy()
    vertices[3, 1] = np.nan
    faces[2, 0] = 8
    # When its geometry is checked
    issues = validate_geometry(vertices, faces, has_normals=True, has_uvs=True,
                               pointer=POINTER)
    codes = {(i.code, i.pointer): i.severity for i in issues}
    # Then both are errors, with Khronos's codes
    assert codes[("ACCESSOR_INVALID_FLOAT", POINTER + "/attributes/POSITION")] is Severity.ERROR
    assert codes[("ACCESSOR_INDEX_OOB", POINTER)] is Severity.ERROR


def test_zero_area_triangles_are_infos() -> None:
    # Given a triangle whose corners lie on one line, and one that repeats a vertex
    vertices = np.array([[0, 0, 0], [1, 0, 0], [2, 0, 0], [0, 1, 0]], dtype=np.float32)
    faces = np.array([[0, 1, 2], [0, 3, 3], [0, 1, 3]])
    # When its geometry is checked
    issues = validate_geometry(vertices, faces, has_normals=True, has_uvs=True, pointer=None)
    # Then two of the three are degenerate, reported as an info
    assert [(i.code, i.severity, i.message) for i in issues] == [
        ("GEOMETRY_DEGENERATE_TRIANGLES", Severity.INFO, "2 of 3 triangles have zero area.")]


def test_triangle_soup_without_indices_and_missing_attributes() -> None:
    # Given an STL-like soup: every triangle with its own three vertices, no normals or UVs
    box = trimesh.creation.box()
    soup = box.vertices[box.faces].reshape(-1, 3)
    # When its geometry is checked without indices
    issues = validate_geometry(soup, None, has_normals=False, has_uvs=False, pointer=None)
    # Then only the missing normals and UVs are reported, as warnings
    assert _codes(issues) == {"GEOMETRY_MISSING_NORMALS": Severity.WARNING,
                              "GEOMETRY_MISSING_TEXCOORDS": Severity.WARNING}


def test_defects_khronos_accepts_are_never_errors(tmp_path: Path) -> None:
    # Given a GLB of a box with a flipped triangle, a fin on one edge and a degenerate triangle
    box = trimesh.creation.box()
    faces = box.faces.copy()
    faces[0] = faces[0][::-1]
    vertices = np.vstack([box.vertices, [[0.0, 0.0, 2.0]]])
    faces = np.vstack([faces, [[faces[6][0], faces[6][1], 8]], [[0, 0, 1]]])
    builder = GltfBuilder()
    builder.scene(builder.add("nodes", {"mesh": builder.mesh(vertices, faces)}))
    path = tmp_path / "defects.glb"
    path.write_bytes(builder.glb())
    # When both validators judge it
    report = validate_bytes(path.read_bytes())
    khronos = khronos_reports(path)[0]["issues"]
    # Then Khronos finds no error, and neither do we, though we warn about the geometry
    assert khronos["numErrors"] == 0
    assert report.num_errors == 0
    assert {"GEOMETRY_NON_MANIFOLD_EDGES", "GEOMETRY_INCONSISTENT_WINDING"} <= report.codes(
        Severity.WARNING)
    assert "ACCESSOR_INDEX_TRIANGLE_DEGENERATE" in report.codes(Severity.INFO)


def test_triangle_strip_alternates_winding() -> None:
    # Given a quad drawn as a consistently facing triangle strip
    vertices = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0]], dtype=np.float32)
    builder = GltfBuilder()
    mesh = builder.mesh(vertices, np.arange(4), normals=np.tile([0.0, 0.0, 1.0], (4, 1)),
                        mode=5)
    builder.scene(builder.add("nodes", {"mesh": mesh}))
    # When it is validated
    report = validate_bytes(builder.glb())
    # Then its two triangles do not count as opposite windings
    assert "GEOMETRY_INCONSISTENT_WINDING" not in report.codes()
    assert report.num_errors == 0
