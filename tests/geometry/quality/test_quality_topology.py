"""The quality report's topology figures against trimesh's own (and manifold3d's verdict) on
meshes made here: clean, open, non-manifold, flipped, degenerate, duplicated and random ones."""

from __future__ import annotations

import numpy as np
import pytest
import trimesh

from app.geometry.quality import topology
from app.geometry.quality.primitives import triangle_meshes
from tests.geometry.quality.meshes import asset_of, codes, cube, report_of, with_faces

FIN = np.array([[-0.5, -0.5, 1.5]])  # a point off the cube, for a fin on its edge (0, 1)


def trimesh_figures(mesh: trimesh.Trimesh) -> dict[str, int | bool]:
    """The same figures from trimesh: topology over vertices merged by position, faces and
    vertices as given."""
    merged = trimesh.Trimesh(mesh.vertices, mesh.faces, process=True)
    _, uses = np.unique(merged.edges_sorted, axis=0, return_counts=True)
    pairs = trimesh.grouping.group_rows(merged.edges_sorted, require_count=2)
    directed = merged.edges[pairs].reshape(-1, 4)  # the two uses of each edge: a0 b0 a1 b1
    return {
        "watertight": merged.is_watertight,
        "winding_consistent": merged.is_winding_consistent,
        "OPEN_EDGES": int((uses == 1).sum()),
        "NON_MANIFOLD_EDGES": int((uses > 2).sum()),
        "INCONSISTENT_WINDING": int((directed[:, 1] != directed[:, 2]).sum()),
        "DEGENERATE_FACES": int((~mesh.nondegenerate_faces()).sum()),
        "DUPLICATE_FACES": len(merged.faces) - int(merged.unique_faces().sum()),
        "UNREFERENCED_VERTICES": len(mesh.vertices) - int(mesh.referenced_vertices.sum()),
    }


def ours(mesh: trimesh.Trimesh) -> dict[str, int | bool]:
    report = report_of(asset_of(mesh))
    found = codes(report)
    figures: dict[str, int | bool] = {
        "watertight": report.watertight,
        "winding_consistent": "INCONSISTENT_WINDING" not in found}
    figures.update({code: found.get(code, 0) for code in (
        "OPEN_EDGES", "NON_MANIFOLD_EDGES", "INCONSISTENT_WINDING", "DEGENERATE_FACES",
        "DUPLICATE_FACES", "UNREFERENCED_VERTICES")})
    return figures


def flipped(mesh: trimesh.Trimesh, *rows: int) -> trimesh.Trimesh:
    faces = mesh.faces.copy()
    faces[list(rows)] = faces[list(rows)][:, ::-1]
    return with_faces(mesh, faces)


def split_cube() -> trimesh.Trimesh:
    """The cube with three vertices of its own per face, as flat-shaded glTF stores it."""
    mesh = cube()
    return trimesh.Trimesh(mesh.vertices[mesh.faces].reshape(-1, 3),
                           np.arange(3 * len(mesh.faces)).reshape(-1, 3), process=False)


CASES = {
    "closed cube": cube(),
    "cube split per face": split_cube(),
    "cube missing a face": with_faces(cube(), cube().faces[2:]),
    "three faces on one edge": with_faces(cube(), np.vstack([cube().faces, [[0, 1, 8]]]), FIN),
    "one face flipped": flipped(cube(), 0),
    "two faces flipped": flipped(cube(), 3, 7),
    "degenerate faces": with_faces(cube(), np.vstack([cube().faces, [[0, 0, 1], [0, 1, 8]]]),
                                   cube().vertices[[0]] * 0.5 + cube().vertices[[1]] * 0.5),
    "duplicate faces": with_faces(cube(), np.vstack([cube().faces, cube().faces[[0, 0, 5]]])),
    "unreferenced vertices": with_faces(cube(), cube().faces, np.eye(3) * 3),
}


# The figure each case is about, as trimesh counts it.
EXPECTED = {
    "closed cube": {}, "cube split per face": {}, "cube missing a face": {"OPEN_EDGES": 4},
    "three faces on one edge": {"NON_MANIFOLD_EDGES": 1, "OPEN_EDGES": 2},
    "one face flipped": {"INCONSISTENT_WINDING": 3},
    "two faces flipped": {"INCONSISTENT_WINDING": 6},
    "degenerate faces": {"DEGENERATE_FACES": 2}, "duplicate faces": {"DUPLICATE_FACES": 3},
    "unreferenced vertices": {"UNREFERENCED_VERTICES": 3},
}


@pytest.mark.parametrize("name", list(CASES))
def test_topology_figures_are_trimeshs(name: str) -> None:
    # Given a mesh made here
    mesh = CASES[name]
    # When the report is made from its glTF
    figures = ours(mesh)
    # Then every figure is trimesh's on the same mesh, the case's own among them
    assert figures == trimesh_figures(mesh)
    assert {code: figures[code] for code in EXPECTED[name]} == EXPECTED[name]


def test_a_closed_cube_is_clean() -> None:
    report = report_of(asset_of(cube()))

    assert (report.watertight, report.manifold, report.items) == (True, True, [])
    assert len(cube().face_adjacency) == 18  # every edge joins two faces


def test_the_open_cube_names_its_boundary_and_its_mesh() -> None:
    report = report_of(asset_of(cube(), with_faces(cube(), cube().faces[2:])))
    item = next(item for item in report.items if item.code == "OPEN_EDGES")

    assert not report.watertight and report.manifold
    assert (item.severity, item.count, item.where) == ("WARNING", 4, ("/meshes/1",))
    # the face adjacency trimesh finds is every edge but the hole's four
    assert len(with_faces(cube(), cube().faces[2:]).face_adjacency) == 18 - 4 - 1


def test_three_faces_on_an_edge_are_not_manifold() -> None:
    report = report_of(asset_of(CASES["three faces on one edge"]))

    assert not report.manifold and not report.watertight
    assert codes(report)["NON_MANIFOLD_EDGES"] == 1


def test_a_bowtie_vertex_is_not_manifold() -> None:
    # Given two triangles that touch at one vertex only
    bowtie = trimesh.Trimesh([[0, 0, 0], [1, 0, 0], [1, 1, 0], [-1, 0, 0], [-1, -1, 0]],
                             [[0, 1, 2], [0, 3, 4]], process=False)
    # When reported
    report = report_of(asset_of(bowtie))
    # Then the shared vertex is the one non-manifold place; no edge is
    assert not report.manifold
    assert codes(report) == {"OPEN_EDGES": 6, "NON_MANIFOLD_VERTICES": 1}


def test_a_strip_is_read_with_glTFs_alternating_winding() -> None:
    # Given a quad as a triangle strip (mode 5) of four vertices
    asset = asset_of(trimesh.Trimesh([[0, 0, 0], [1, 0, 0], [0, 1, 0], [1, 1, 0]],
                                     [[0, 1, 2]], process=False))
    primitive = asset.document["meshes"][0]["primitives"][0]
    primitive["mode"] = 5
    asset.document["accessors"][primitive["indices"]]["count"] = 4
    asset.buffers[0] = bytearray(asset.buffers[0])
    view = asset.document["bufferViews"][asset.document["accessors"][primitive["indices"]][
        "bufferView"]]
    view["byteLength"] = 16
    start = view["byteOffset"]
    asset.buffers[0][start:start + 16] = np.arange(4, dtype=np.uint32).tobytes()
    asset.buffers[0] = bytes(asset.buffers[0])
    # When reported
    report = report_of(asset)
    # Then its two faces agree in winding and border the quad
    [mesh] = triangle_meshes(asset)
    assert mesh.primitives[0].faces.tolist() == [[0, 1, 2], [1, 3, 2]]
    assert codes(report) == {"OPEN_EDGES": 4}


@pytest.mark.parametrize("seed", range(12))
def test_random_soups_agree_with_trimesh(seed: int) -> None:
    # Given random faces (some collapsed, some repeated) over a few points, each point stored
    # twice so that welding matters
    random = np.random.default_rng(seed)
    points = random.normal(size=(8, 3))
    faces = random.integers(0, 16, size=(int(random.integers(4, 40)), 3))
    mesh = trimesh.Trimesh(np.vstack([points, points]), faces, process=False)
    # Then every figure is trimesh's
    assert ours(mesh) == trimesh_figures(mesh)


def test_manifold3d_accepts_exactly_the_closed_consistent_manifolds() -> None:
    manifold3d = pytest.importorskip("manifold3d")
    for name, mesh in CASES.items():
        merged = trimesh.Trimesh(mesh.vertices, mesh.faces, process=True)
        solid = manifold3d.Manifold(manifold3d.Mesh(
            vert_properties=np.asarray(merged.vertices, dtype=np.float32),
            tri_verts=np.asarray(merged.faces, dtype=np.uint32)))
        report = report_of(asset_of(mesh))
        ours_closed = (report.watertight and report.manifold
                       and "INCONSISTENT_WINDING" not in codes(report))

        assert ours_closed == (solid.status() == manifold3d.Error.NoError), name


def test_row_ids_fall_back_to_exact_ids_when_hashes_collide() -> None:
    # Given rows whose 64-bit hashes collide (the second column undoes the first)
    multiplier = int(topology._MULTIPLIERS[1])
    first = np.array([0, 1, 0], dtype=np.uint64)
    second = np.array([0, (2 ** 64 - multiplier) % 2 ** 64, 0], dtype=np.uint64)
    # When ids are given
    ids, count = topology.row_ids([first, second])
    # Then equal rows share an id and the colliding one has its own
    assert count == 2 and ids[0] == ids[2] != ids[1]


def test_duplicates_of_meshes_too_large_to_pack_are_found_by_hash() -> None:
    # Given faces over so many vertices that three indices no longer fit one int64
    faces = np.array([[0, 1, 2], [2, 0, 1], [1, 2, 3], [2_999_999, 5, 7], [5, 7, 2_999_999]])
    # Then the hashed count is the exact one
    assert topology._duplicates(faces, 3_000_000) == 2 == len(faces) - len(
        np.unique(np.sort(faces, axis=1), axis=0))


def test_locations_are_bounded() -> None:
    report = report_of(asset_of(*[with_faces(cube(), cube().faces[2:])] * 25))
    item = next(item for item in report.items if item.code == "OPEN_EDGES")

    assert item.count == 100
    assert item.where == tuple(f"/meshes/{index}" for index in range(10))
