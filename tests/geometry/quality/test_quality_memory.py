"""The quality report's memory on a mid-size model, by tracemalloc (which sees numpy's arrays):
it must stay a few dozen bytes a face, as ingest's peak is the report's (issue 18's budget)."""

from __future__ import annotations

import tracemalloc

import numpy as np
import trimesh

from app.geometry.quality.primitives import triangle_meshes
from tests.geometry.quality.meshes import asset_of, codes, report_of
from tests.geometry.validation.builders import GltfBuilder

MIB = 2 ** 20
# The edge keys (24 bytes a face, int64 past 46,340 vertices), the welded faces (12) and the
# edge runs' int32 positions; the fixed part is the face checks' chunks and the UV grid.
BYTES_PER_FACE = 64
FIXED_BYTES = 8 * MIB


def grid(cells: int) -> tuple[trimesh.Trimesh, np.ndarray]:
    """A height field of 2 * cells**2 triangles and its UVs, open along its four sides."""
    u, v = np.meshgrid(np.linspace(0, 1, cells + 1), np.linspace(0, 1, cells + 1))
    positions = np.column_stack([u.ravel(), 0.05 * np.sin(12 * u.ravel()), v.ravel()])
    index = np.arange((cells + 1) ** 2).reshape(cells + 1, cells + 1)
    a, b = index[:-1, :-1].ravel(), index[:-1, 1:].ravel()
    c, d = index[1:, :-1].ravel(), index[1:, 1:].ravel()
    faces = np.concatenate([np.column_stack([a, c, d]), np.column_stack([a, d, b])])
    return (trimesh.Trimesh(positions, faces, process=False),
            np.column_stack([u.ravel(), v.ravel()]))


def test_the_report_of_a_mid_size_grid_stays_within_its_memory_bound() -> None:
    # Given a grid of 125,000 triangles over 63,001 vertices (so int64 edge keys), with UVs
    mesh, uvs = grid(250)
    asset = asset_of(mesh, uvs=[uvs])
    # When its report is made under tracemalloc
    tracemalloc.start()
    try:
        report = report_of(asset)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    # Then the figures are the grid's, and the peak is within the bound (before the report
    # went in chunks and freed each figure's arrays early, it was twice this)
    assert codes(report) == {"OPEN_EDGES": 1000}
    assert peak < FIXED_BYTES + BYTES_PER_FACE * len(mesh.faces), f"{peak / MIB:.1f} MiB"


def faces_read(faces: list[list[int]]) -> np.ndarray:
    """The faces the report reads of a one-triangle-list asset with these 32-bit indices."""
    builder = GltfBuilder()
    points = np.array([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0]], dtype=np.float32)
    builder.scene(builder.add("nodes", {"mesh": builder.mesh(points, np.array(faces))}))
    [mesh] = triangle_meshes(builder.asset())
    return mesh.primitives[0].faces


def test_32_bit_indices_are_read_in_place_as_int32() -> None:
    # Given uint32 indices, when read, then they are int32 over the accessor's own bytes
    faces = faces_read([[0, 1, 2], [1, 3, 2]])
    assert faces.dtype == np.int32 and not faces.flags.owndata
    assert faces.tolist() == [[0, 1, 2], [1, 3, 2]]


def test_an_index_past_2_31_is_dropped_not_wrapped() -> None:
    # Given an index that turns negative as an int32, when read, then its face is dropped
    assert faces_read([[0, 1, 2], [0, 2**31 + 1, 3]]).tolist() == [[0, 1, 2]]
