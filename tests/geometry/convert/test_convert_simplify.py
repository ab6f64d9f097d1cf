"""SIMPLIFY through meshoptimizer: an error target instead of a ratio, borders locked, and
nonsense targets refused before any work."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import trimesh
from scipy.interpolate import LinearNDInterpolator

from app.errors import InvalidInput
from app.geometry.convert import OptimizeOptions, OptimizePreset, OutputFormat, convert_glb
from tests.support.gltf_validator import khronos_errors

SIMPLIFY = OptimizePreset.SIMPLIFY
GRID_EXTENT = 4.0  # the grid fixture spans 4 units in x and z
UNSIGNED_SHORT = 5123


def height_deviation(source: trimesh.Trimesh, output: trimesh.Trimesh) -> np.ndarray:
    """How far the simplified height field is from each source vertex, vertically."""
    surface = LinearNDInterpolator(output.vertices[:, [0, 2]], output.vertices[:, 1])
    difference = np.abs(surface(source.vertices[:, [0, 2]]) - source.vertices[:, 1])
    assert np.isfinite(difference).all()  # the border is kept, so the surface covers the grid
    return difference


def glb_document(path: Path) -> dict[str, Any]:
    data = path.read_bytes()
    document: dict[str, Any] = json.loads(data[20:20 + int.from_bytes(data[12:16], "little")])
    return document


def test_an_error_target_keeps_as_few_triangles_as_that_error_allows(
    grid_glb: Path, tmp_path: Path
) -> None:
    # given the bumpy grid and two error targets
    source = trimesh.load(grid_glb, process=False, force="mesh")
    results = {}
    for error in (0.01, 0.001):
        # when it is simplified to each target instead of a ratio
        results[error] = convert_glb(grid_glb, OutputFormat.GLB,
                                     OptimizeOptions(SIMPLIFY, max_error=error), tmp_path,
                                     stem=f"simplified-{error}")
    deviations = {}
    for error, result in results.items():
        output = trimesh.load(result.path, process=False, force="mesh")
        deviations[error] = height_deviation(source, output)
        # then triangles were removed, the surface stays on average within the target, and
        # the file is valid
        assert 0 < result.triangle_count < len(source.faces)
        assert deviations[error].mean() <= error * GRID_EXTENT
        assert khronos_errors(result.path) == []
    # and the tighter target kept more triangles, and a closer surface
    assert results[0.001].triangle_count > results[0.01].triangle_count
    assert deviations[0.001].mean() < deviations[0.01].mean()


def test_simplifying_hard_keeps_the_border_where_it_was(grid_glb: Path, tmp_path: Path) -> None:
    # given the grid, whose outline is an open border
    source = trimesh.load(grid_glb, process=False, force="mesh")
    border = source.vertices[np.unique(source.edges[trimesh.grouping.group_rows(
        source.edges_sorted, require_count=1)])]
    # when only 5% of its triangles are kept
    result = convert_glb(grid_glb, OutputFormat.GLB, OptimizeOptions(SIMPLIFY, ratio=0.05),
                         tmp_path)
    output = trimesh.load(result.path, process=False, force="mesh")
    # then every border vertex is still there, unmoved
    kept = {tuple(row) for row in np.round(output.vertices, 6).tolist()}
    assert all(tuple(row) in kept for row in np.round(border, 6).tolist())
    assert result.triangle_count < 0.2 * len(source.faces)


def test_the_simplified_file_holds_only_what_its_triangles_and_locked_border_need(
    grid_glb: Path, tmp_path: Path
) -> None:
    # given the grid (one primitive, no seams, its outline an open border)
    source = trimesh.load(grid_glb, process=False, force="mesh")
    # when a quarter of its triangles are kept
    result = convert_glb(grid_glb, OutputFormat.GLB, OptimizeOptions(SIMPLIFY, ratio=0.25),
                         tmp_path)
    document = glb_document(result.path)
    [primitive] = document["meshes"][0]["primitives"]
    accessors = document["accessors"]
    indices = accessors[primitive["indices"]]
    vertex_count = accessors[primitive["attributes"]["POSITION"]]["count"]
    output = trimesh.load(result.path, process=False, force="mesh")
    border_vertices = len(np.unique(output.edges[trimesh.grouping.group_rows(
        output.edges_sorted, require_count=1)]))
    # then the indices are 16-bit (the vertices fit), every vertex is used and the vertex count
    # is what a disc of these triangles and border needs (V = 1 + (F + B) / 2): nothing else
    assert vertex_count < 0xFFFF and indices["componentType"] == UNSIGNED_SHORT
    assert len(np.unique(output.faces)) == vertex_count == len(output.vertices)
    assert vertex_count == 1 + (len(output.faces) + border_vertices) // 2
    # and the same attributes as the source, in one buffer no larger than its views' bytes
    # and their 4-byte alignment, every vertex one of the source's own, unmoved
    [source_primitive] = glb_document(grid_glb)["meshes"][0]["primitives"]
    assert set(primitive["attributes"]) == set(source_primitive["attributes"])
    views = document["bufferViews"]
    assert document["buffers"][0]["byteLength"] <= sum(
        view["byteLength"] + 3 for view in views)
    original = {tuple(row) for row in np.asarray(source.vertices, dtype=np.float32).tolist()}
    assert all(tuple(row) in original
               for row in np.asarray(output.vertices, dtype=np.float32).tolist())
    assert khronos_errors(result.path) == []


@pytest.mark.parametrize("settings", [
    {"max_error": 0.0}, {"max_error": -0.1}, {"max_error": float("nan")}, {"max_error": 1.5},
    {"max_error": 0.01, "ratio": 0.5}, {"max_error": 0.01, "target_triangles": 100},
])
def test_nonsense_error_targets_are_refused_before_anything_is_written(
    grid_glb: Path, tmp_path: Path, settings: dict[str, float]
) -> None:
    with pytest.raises(InvalidInput):
        convert_glb(grid_glb, OutputFormat.GLB, OptimizeOptions(SIMPLIFY, **settings), tmp_path)
    assert list(tmp_path.iterdir()) == []
