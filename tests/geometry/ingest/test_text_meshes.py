"""ASCII STL, OFF and ASCII PLY read by the flat parsers: the GLB draws what trimesh's own
load of the same file draws, and malformed files fail with CORRUPT_FILE saying why."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import trimesh

from app.errors import AtelierError
from app.geometry.ingest import ingest_path
from tests.geometry.convert.readers import trimesh_geometry
from tests.support.gltf_validator import khronos_errors


@pytest.fixture
def flat_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """trimesh's loaders out of reach: a file they would read fails instead."""
    monkeypatch.setattr("app.geometry.mesh_formats.TRIMESH_TYPES", {})


def ingested(tmp_path: Path, data: bytes, filename: str) -> Path:
    source, output = tmp_path / filename, tmp_path / "out.glb"
    source.write_bytes(data)
    summary = ingest_path(source, filename, output)
    assert summary.source_format == filename.rsplit(".", 1)[1].upper()
    assert khronos_errors(output) == []
    return output


def trimesh_drawn(tmp_path: Path, data: bytes, filename: str) -> tuple[int, np.ndarray]:
    """Triangles and bounds of trimesh's own load of the file."""
    path = tmp_path / f"judge-{filename}"
    path.write_bytes(data)
    loaded = trimesh.load(str(path), process=False)
    meshes = loaded.dump() if isinstance(loaded, trimesh.Scene) else [loaded]
    bounds = np.array([np.min([m.bounds[0] for m in meshes], axis=0),
                       np.max([m.bounds[1] for m in meshes], axis=0)])
    return sum(len(m.faces) for m in meshes), bounds


def glb_mesh(path: Path) -> trimesh.Trimesh:
    return trimesh.load(str(path), process=False, force="mesh")


def ascii_stl(name: str, mesh: trimesh.Trimesh) -> bytes:
    return (trimesh.exchange.stl.export_stl_ascii(mesh).encode()
            .replace(b"solid \n", f"solid {name}\n".encode(), 1)
            .replace(b"endsolid", f"endsolid {name}".encode()))


def polygon_off(colours: bool, pentagon: bool) -> bytes:
    """A cube of quads, a triangle and perhaps a pentagon lid, with comments and blank
    lines."""
    rows = ["0 0 0", "1 0 0", "1 1 0", "0 1 0", "0 0 1", "1 0 1", "1 1 1", "0 1 1",
            "0.5 1.5 1"]
    colour = [" 255 0 0 255", " 0 255 0 255", " 0 0 255 255"] * 3
    faces = ["4 0 3 2 1", "4 0 1 5 4", "4 1 2 6 5", "4 2 3 7 6", "4 3 0 4 7",
             "3 4 5 6 0.2 0.3 0.4", *(["5 4 5 6 8 7"] if pentagon else [])]
    vertices = [row + (colour[n] if colours else "") for n, row in enumerate(rows)]
    return "\n".join([f"{'C' if colours else ''}OFF", "# made by hand", "",
                      f"{len(rows)} {len(faces)} 0", *vertices, "  # faces next", *faces,
                      ""]).encode()


def test_ascii_stl_solids_weld_into_the_same_meshes_as_trimesh(tmp_path: Path, flat_only: None
                                                                ) -> None:
    # given two solids as one ASCII STL, the second in capitals
    sphere = trimesh.creation.icosphere(2)
    box = trimesh.creation.box(extents=(1, 2, 3))
    box.apply_translation((3, 0, 0))
    data = ascii_stl("sphere", sphere) + ascii_stl("box", box).upper()
    # when it is ingested
    glb = ingested(tmp_path, data, "parts.stl")
    # then it draws what trimesh loads from it, one mesh per solid, welded as before
    triangles, bounds = trimesh_drawn(tmp_path, data, "parts.stl")
    drawn = trimesh_geometry(glb)
    assert drawn.triangles == triangles == len(sphere.faces) + len(box.faces)
    np.testing.assert_allclose(drawn.bounds, bounds, atol=1e-6)
    loaded = trimesh.load(str(glb), process=False)
    assert sorted(len(m.vertices) for m in loaded.geometry.values()) == \
        sorted([len(box.vertices), len(sphere.vertices)])


@pytest.mark.parametrize("colours", [False, True])
def test_off_quads_split_into_the_triangles_trimesh_makes(tmp_path: Path, flat_only: None,
                                                          colours: bool) -> None:
    data = polygon_off(colours, pentagon=False)
    glb = ingested(tmp_path, data, "house.off")
    triangles, bounds = trimesh_drawn(tmp_path, data, "house.off")
    drawn = trimesh_geometry(glb)
    assert drawn.triangles == triangles == 5 * 2 + 1
    np.testing.assert_allclose(drawn.bounds, bounds)
    mesh = glb_mesh(glb)
    if colours:  # COFF's colours are kept, one per vertex
        assert mesh.visual.kind == "vertex"
        assert {tuple(c) for c in mesh.visual.vertex_colors[:3]} == \
            {(255, 0, 0, 255), (0, 255, 0, 255), (0, 0, 255, 255)}


def test_off_polygons_past_quads_fan_from_their_first_corner(tmp_path: Path, flat_only: None
                                                             ) -> None:
    # given a pentagon lid (trimesh 4's OFF reader fails on one: it fans strings)
    glb = ingested(tmp_path, polygon_off(False, pentagon=True), "house.off")
    # then it adds three triangles, all within the lid's corners
    drawn = trimesh_geometry(glb)
    assert drawn.triangles == 5 * 2 + 1 + 3
    np.testing.assert_allclose(drawn.bounds, [[0, 0, 0], [1, 1.5, 1]])


def test_ascii_ply_keeps_normals_colours_and_uvs_as_trimesh_did(tmp_path: Path, flat_only: None
                                                                 ) -> None:
    # given a sphere with normals, vertex colours and UVs, and quads, as ASCII PLY
    sphere = trimesh.creation.uv_sphere(count=(12, 16))
    colors = np.column_stack([np.arange(len(sphere.vertices)) % 256,
                              np.full(len(sphere.vertices), 40), np.full(len(sphere.vertices),
                                                                         200)])
    header = ["ply", "format ascii 1.0", f"element vertex {len(sphere.vertices)}",
              *[f"property float {p}" for p in ("x", "y", "z", "nx", "ny", "nz", "s", "t")],
              *[f"property uchar {c}" for c in ("red", "green", "blue")],
              f"element face {len(sphere.faces) + 1}",
              "property list uchar int vertex_indices", "end_header"]
    uv = sphere.vertices[:, :2] * 0.5 + 0.5
    vertices = [" ".join(f"{v:.6f}" for v in (*p, *n, *t)) + " " + " ".join(map(str, c))
                for p, n, t, c in zip(sphere.vertices, sphere.vertex_normals, uv, colors,
                                      strict=True)]
    faces = [f"3 {a} {b} {c}" for a, b, c in sphere.faces] + ["4 0 1 2 3"]
    data = "\n".join([*header, *vertices, *faces, ""]).encode()
    # when it is ingested
    glb = ingested(tmp_path, data, "sphere.ply")
    # then it draws what trimesh loads from it, with the UVs (the colours go with them, as
    # trimesh keeps one visual per mesh)
    triangles, bounds = trimesh_drawn(tmp_path, data, "sphere.ply")
    drawn = trimesh_geometry(glb)
    assert drawn.triangles == triangles == len(sphere.faces) + 2
    np.testing.assert_allclose(drawn.bounds, bounds, atol=1e-6)
    assert glb_mesh(glb).visual.kind == "texture"


def test_ascii_ply_face_colours_reach_the_glb(tmp_path: Path, flat_only: None) -> None:
    data = b"\n".join([
        b"ply", b"format ascii 1.0", b"element vertex 4", b"property double x",
        b"property double y", b"property double z", b"element face 2",
        b"property uchar red", b"property list uchar int vertex_index",
        b"property uchar green", b"property uchar blue", b"end_header",
        b"0 0 0", b"1 0 0", b"1 1 0", b"0 1 0", b"255 3 0 1 2 0 0", b"0 3 0 2 3 255 0", b""])
    glb = ingested(tmp_path, data, "quad.ply")
    assert trimesh_drawn(tmp_path, data, "quad.ply")[0] == trimesh_geometry(glb).triangles == 2
    # the colours trimesh's own load exports (shared corners blend the faces' colours)
    judged = tmp_path / "judged.glb"
    trimesh.load(str(tmp_path / "judge-quad.ply"), process=False).export(str(judged))
    assert np.array_equal(glb_mesh(glb).visual.vertex_colors,
                          glb_mesh(judged).visual.vertex_colors)


def failure(tmp_path: Path, data: bytes, filename: str) -> AtelierError:
    source = tmp_path / filename
    source.write_bytes(data)
    with pytest.raises(AtelierError) as raised:
        ingest_path(source, filename, tmp_path / "out.glb")
    assert not (tmp_path / "out.glb").exists()
    return raised.value


PLY_HEAD = b"ply\nformat ascii 1.0\nelement vertex 3\nproperty float x\nproperty float y\n" \
    b"property float z\nelement face 1\nproperty list uchar int vertex_indices\nend_header\n"
STL_HEAD = b"solid bad\nfacet normal 0 0 1\nouter loop\n"


@pytest.mark.parametrize(("filename", "data", "says"), [
    ("short.stl", STL_HEAD + b"vertex 0 0 0\nvertex 1 0\nvertex 0 1 0\nendloop\nendfacet\n"
     b"endsolid bad\n", "three numbers"),
    ("word.stl", STL_HEAD + b"vertex 0 0 0\nvertex 1 zero 0\nvertex 0 1 0\nendloop\n"
     b"endfacet\nendsolid bad\n", "not a number"),
    ("four.stl", STL_HEAD + b"vertex 0 0 0\nvertex 1 0 0\nvertex 0 1 0\nvertex 1 1 0\n"
     b"endloop\nendfacet\nendsolid bad\n", "three per facet"),
    ("few.off", b"OFF\n4 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 2\n", "declares 5 lines"),
    ("word.off", b"OFF\n3 1 0\n0 0 0\n1 x 0\n0 1 0\n3 0 1 2\n", "not a number"),
    ("range.off", b"OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1 7\n", "refers to vertex 7"),
    ("negative.off", b"OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 -1 2\n", "refers to vertex"),
    ("corners.off", b"OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n4 0 1 2\n", "fewer vertex numbers"),
    ("fraction.off", b"OFF\n3 1 0\n0 0 0\n1 0 0\n0 1 0\n3 0 1.5 2\n", "whole number"),
    ("counts.off", b"OFF\nthree 1 0\n0 0 0\n", "count line"),
    ("narrow.off", b"OFF\n3 1 0\n0 0 0\n1 0\n0 1 0\n3 0 1 2\n", "needs 3"),
    ("few.ply", PLY_HEAD + b"0 0 0\n1 0 0\n0 1 0\n", "declares 4 lines"),
    ("width.ply", PLY_HEAD + b"0 0 0\n1 0 0 5\n0 1 0\n3 0 1 2\n", "its 3 properties"),
    ("range.ply", PLY_HEAD + b"0 0 0\n1 0 0\n0 1 0\n3 0 1 3\n", "refers to vertex 3"),
    ("word.ply", PLY_HEAD + b"0 0 0\n1 0 nan0\n0 1 0\n3 0 1 2\n", "not a number"),
    ("listed.ply", PLY_HEAD + b"0 0 0\n1 0 0\n0 1 0\n3 0 1 2 2\n", "as many vertex numbers"),
])
def test_malformed_text_meshes_are_corrupt_files(tmp_path: Path, filename: str, data: bytes,
                                                 says: str) -> None:
    error = failure(tmp_path, data, filename)
    assert error.code == "CORRUPT_FILE"
    assert says in error.message


def test_binary_ply_and_stl_still_read_through_trimesh(tmp_path: Path) -> None:
    sphere = trimesh.creation.icosphere(1)
    for name, data in (("s.ply", trimesh.exchange.ply.export_ply(sphere)),
                       ("s.stl", trimesh.exchange.stl.export_stl(sphere))):
        assert trimesh_geometry(ingested(tmp_path, data, name)).triangles == len(sphere.faces)
