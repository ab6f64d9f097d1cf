"""OBJ uploads through Atelier's numpy parser give the GLB that trimesh's own load of the same
file gives: the same triangles (compared corner by corner: position, UV, normal, up to vertex
order), the same materials and mesh names, clean in Khronos's validator; and what trimesh
could not read still fails with a precise code."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
import trimesh

from app.errors import AtelierError
from app.geometry import obj_parse, obj_text
from app.geometry.ingest import IngestLimits, ingest_path
from tests.geometry.ingest import uploads
from tests.support.gltf_validator import khronos_reports

DIGITS = 5  # the GLB holds float32

QUADS = b"""v 0 0 0
v 1 0 0
v 1 1 0
v 0 1 0
v 2 0 0
v 2 1 0
vt 0 0
vt 1 0
vt 1 1
vt 0 1
vn 0 0 1
f 1/1/1 2/2/1 3/3/1 4/4/1
f 2/1/1 5/2/1 6/3/1 3/4/1
"""
PENTAGON = b"""v 0 0 0
v 1 0 0
v 1.3 0.9 0
v 0.5 1.5 0
v -0.3 0.9 0
f 1 2 3 4 5
"""
# The same two triangles as positive indices 1 2 3 / 2 4 3, written relative to the end.
NEGATIVE = b"""v 0 0 0
v 1 0 0
v 0 1 0
f -3 -2 -1
v 1 1 0
f -3 -1 -2
"""
POSITIVE = b"v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\nv 1 1 0\nf 2 4 3\n"
NORMALS_ONLY = b"""v 0 0 0
v 1 0 0
v 0 1 0
v 1 1 0
vn 0 0 1
vn 0 0.6 0.8
f 1//1 2//1 3//2
f 2//2 4//2 3//2
"""
UVS_ONLY = b"v 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nvt 1 0\nvt 0 1\nf 1/1 2/2 3/3\n"
COLOURED = (b"v 0 0 0 1 0 0\nv 1 0 0 0 1 0\nv 0 1 0 0 0 1\nv 1 1 0 1 1 1\n"
            b"f 1 2 3\nf 2 4 3\n")
CRLF_AND_TABS = b"# exported on Windows\r\nv\t0 0 0\r\nv 1 0 0\r\nv 0 1 0\r\nf\t1 2 3\r\n"


def two_material_files() -> dict[str, bytes]:
    """A box whose faces use two materials (one textured), objects and groups, its MTL and
    texture, as a zip would hold them."""
    box = trimesh.creation.box()
    uv = box.vertices[:, :2] + 0.5
    lines = ["mtllib two.mtl", "o crate"]
    lines += [f"v {x:.6f} {y:.6f} {z:.6f}" for x, y, z in box.vertices]
    lines += [f"vt {u:.6f} {v:.6f}" for u, v in uv]
    lines += [f"vn {x:.6f} {y:.6f} {z:.6f}" for x, y, z in box.vertex_normals]
    for half, material in ((box.faces[:6], "wood"), (box.faces[6:], "paint")):
        lines += ["g side", f"usemtl {material}"]
        lines += ["f " + " ".join(f"{i + 1}/{i + 1}/{i + 1}" for i in face) for face in half]
    mtl = ("newmtl wood\nKd 0.8 0.6 0.4\nmap_Kd wood.png\n"
           "newmtl paint\nKd 0.1 0.2 0.9\nKs 0.5 0.5 0.5\nNs 20\n")
    return {"two.obj": "\n".join(lines).encode() + b"\n", "two.mtl": mtl.encode(),
            "wood.png": uploads.png_bytes()}


def alternating_material_files() -> dict[str, bytes]:
    """The two-material box with `usemtl` switching at every face."""
    files = two_material_files()
    lines = files["two.obj"].decode().splitlines()
    faces = [line for line in lines if line.startswith("f ")]
    head = [line for line in lines if not line.startswith(("f ", "g ", "usemtl"))]
    body = [f"usemtl {('wood', 'paint')[n % 2]}\n{face}" for n, face in enumerate(faces)]
    return {**files, "two.obj": "\n".join(head + body).encode() + b"\n"}


def corners(mesh: trimesh.Trimesh) -> list[tuple[float, ...]]:
    """Each triangle as its corners' position, UV and normal, rotated to start at its least
    corner (winding kept), sorted: the mesh's content whatever its vertex order."""
    parts = [np.asarray(mesh.vertices)]
    uv = getattr(mesh.visual, "uv", None)
    if uv is not None:
        parts.append(np.asarray(uv))
    if "vertex_normals" in mesh._cache:  # read from the file, not computed
        parts.append(np.asarray(mesh.vertex_normals))
    table = np.round(np.column_stack(parts), DIGITS)
    triangles = []
    for face in np.asarray(mesh.faces):
        rows = [tuple(table[i]) for i in face]
        start = rows.index(min(rows))
        triangles.append(tuple(x for row in rows[start:] + rows[:start] for x in row))
    return sorted(triangles)


def meshes(scene: trimesh.Scene) -> list[trimesh.Trimesh]:
    """The scene's meshes in the order of their content (names differ: trimesh names a mesh
    loaded from a path by its file)."""
    return sorted((g for g in scene.geometry.values() if isinstance(g, trimesh.Trimesh)),
                  key=corners)


def ingest(tmp_path: Path, data: bytes, filename: str,
           limits: IngestLimits | None = None) -> Path:
    source, output = tmp_path / filename, tmp_path / f"{filename}.glb"
    source.write_bytes(data)
    ingest_path(source, filename, output, *([limits] if limits else []))
    return output


def failure(tmp_path: Path, data: bytes, limits: IngestLimits | None = None) -> AtelierError:
    with pytest.raises(AtelierError) as raised:
        ingest(tmp_path, data, "model.obj", limits)
    return raised.value


def reference(tmp_path: Path, files: dict[str, bytes], name: str) -> trimesh.Scene:
    """trimesh's own load of the files, from a folder."""
    folder = tmp_path / "reference"
    folder.mkdir(exist_ok=True)
    for file_name, data in files.items():
        (folder / file_name).write_bytes(data)
    return trimesh.load_scene(folder / name, process=False)


@pytest.mark.parametrize(("name", "files"), [
    ("box.obj", uploads.textured_obj_files()),
    ("two.obj", two_material_files()),
    ("two.obj", alternating_material_files()),
    ("sphere.obj", {"sphere.obj": trimesh.creation.icosphere(subdivisions=3).export(
        file_type="obj", include_normals=True).encode()}),
    ("quads.obj", {"quads.obj": QUADS}),
    ("pentagon.obj", {"pentagon.obj": PENTAGON}),
    ("normals.obj", {"normals.obj": NORMALS_ONLY}),
    ("uvs.obj", {"uvs.obj": UVS_ONLY}),
    ("coloured.obj", {"coloured.obj": COLOURED}),
], ids=lambda value: value if isinstance(value, str) else "")
def test_an_obj_gives_what_trimesh_loads_of_it(tmp_path: Path, name: str,
                                              files: dict[str, bytes]) -> None:
    upload = uploads.zip_of(files) if len(files) > 1 else files[name]
    output = ingest(tmp_path, upload, name.replace(".obj", ".zip") if len(files) > 1 else name)

    ours, theirs = meshes(trimesh.load_scene(output)), meshes(reference(tmp_path, files, name))
    assert [corners(mesh) for mesh in ours] == [corners(mesh) for mesh in theirs]
    assert [getattr(m.visual, "material", None) is not None for m in ours] == [
        getattr(m.visual, "material", None) is not None for m in theirs]
    if name == "coloured.obj":
        assert np.array_equal(np.unique(ours[0].visual.vertex_colors, axis=0),
                              np.unique(theirs[0].visual.vertex_colors, axis=0))


def test_materials_mesh_names_and_their_order_are_trimesh_s(tmp_path: Path) -> None:
    files = two_material_files()

    ours = uploads.output(ingest(tmp_path, uploads.zip_of(files), "two.zip")).document

    (tmp_path / "trimesh.glb").write_bytes(reference(tmp_path, files, "two.obj").export(
        file_type="glb"))
    theirs = uploads.output(tmp_path / "trimesh.glb").document
    assert [mesh["name"] for mesh in ours["meshes"]] == ["paint", "wood"]
    assert [mesh["name"] for mesh in ours["meshes"]] == [m["name"] for m in theirs["meshes"]]
    assert [node["name"] for node in ours["nodes"]] == [n["name"] for n in theirs["nodes"]]
    assert ours["materials"] == theirs["materials"]
    assert ours["materials"][1]["pbrMetallicRoughness"]["baseColorTexture"] == {"index": 0}
    assert len(ours["images"]) == 1


def test_every_obj_output_is_clean_in_khronos_s_validator(tmp_path: Path) -> None:
    files = two_material_files()
    outputs = [ingest(tmp_path, uploads.zip_of(files), "two.zip"),
               ingest(tmp_path, QUADS, "quads.obj"), ingest(tmp_path, PENTAGON, "pentagon.obj"),
               ingest(tmp_path, NORMALS_ONLY, "normals.obj"),
               ingest(tmp_path, COLOURED, "coloured.obj")]

    reports = khronos_reports(*outputs)

    assert [report["issues"]["numErrors"] for report in reports] == [0] * len(outputs)


def test_negative_indices_count_back_from_the_last_vertex_read(tmp_path: Path) -> None:
    negative = trimesh.load_scene(ingest(tmp_path, NEGATIVE, "negative.obj"))
    positive = trimesh.load_scene(ingest(tmp_path, POSITIVE, "positive.obj"))

    assert [corners(m) for m in meshes(negative)] == [corners(m) for m in meshes(positive)]


def test_n_gons_are_fanned_and_crlf_and_tabs_are_whitespace(tmp_path: Path) -> None:
    pentagon = meshes(trimesh.load_scene(ingest(tmp_path, PENTAGON, "pentagon.obj")))[0]
    crlf = meshes(trimesh.load_scene(ingest(tmp_path, CRLF_AND_TABS, "crlf.obj")))[0]

    assert len(pentagon.faces) == 3
    assert np.isclose(pentagon.area, trimesh.load_scene(
        trimesh.util.wrap_as_stream(PENTAGON), file_type="obj").area)
    assert len(crlf.faces) == 1


def test_block_boundaries_change_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                         ) -> None:
    data = two_material_files()["two.obj"] + b"o more\nusemtl wood\n" + NEGATIVE
    whole = obj_parse.parse_obj(io.BytesIO(data), 1000)
    monkeypatch.setattr(obj_parse, "BLOCK_BYTES", 37)

    pieces = obj_parse.parse_obj(io.BytesIO(data), 1000)

    assert [g.material for g in whole.groups] == ["wood", "paint"]
    assert whole.object_name == pieces.object_name == "crate"
    assert np.array_equal(whole.positions, pieces.positions)
    assert np.array_equal(whole.normals, pieces.normals)
    assert [g.material for g in whole.groups] == [g.material for g in pieces.groups]
    assert all(np.array_equal(np.concatenate(a.corners), np.concatenate(b.corners))
               for a, b in zip(whole.groups, pieces.groups, strict=True))


@pytest.mark.parametrize(("data", "words"), [
    (b"v 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n", "needs at least 3"),
    (b"v 0 zero 0\nv 1 0 0\nv 0 1 0\nf 1 2 3\n", "not a number"),
    (b"v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 three\n", "not a number"),
    (b"v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1.5 2 3\n", "not a number"),
    (b"v 0 0 0\nv 1 0 0\nv 0 1 0\nf 0 1 2\n", "index 0"),
    (b"v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 4\n", "`v` number 4; the file has 3"),
    (b"v 0 0 0\nv 1 0 0\nv 0 1 0\nf -4 1 2\n", "before the first one"),
    (b"v 0 0 0\nv 1 0 0\nv 0 1 0\nvt 0 0\nf 1/1 2/2 3/7\n", "`vt` number 7"),
    (b"v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1/1/1/1 2 3\n", "more than v/vt/vn"),
    (b"v 0 0 0\nv 1 0 0\nv 0 1 0\nf /1 2 3\n", "no vertex index"),
    (b"v 0 0 0\nv 1/0 0 0\nv 0 1 0\nf 1 2 3\n", "holds a '/'"),
    (b"v 0 0 0\nv 1 0 0\nf 1 2\n", "declares faces"),
], ids=["short-v", "word-in-v", "word-in-f", "float-index", "zero-index", "past-the-end",
        "negative-before-first", "uv-past-the-end", "four-fields", "no-vertex", "slash-in-v",
        "two-corner-face"])
def test_malformed_lines_are_corrupt_files(tmp_path: Path, data: bytes, words: str) -> None:
    error = failure(tmp_path, data)

    assert error.code.value == "CORRUPT_FILE"
    assert words in error.message


def test_the_triangle_cap_refuses_while_parsing(tmp_path: Path) -> None:
    grid = trimesh.creation.box().subdivide().subdivide()
    data = grid.export(file_type="obj").encode()

    error = failure(tmp_path, data, IngestLimits(max_triangles=len(grid.faces) - 1))

    assert error.code.value == "LIMIT_EXCEEDED"
    assert f"limit is {len(grid.faces) - 1}" in error.message


@pytest.mark.parametrize("newline", [b"\n", b"\r\n"])
def test_a_final_backslash_continues_the_line(newline: bytes) -> None:
    data = (b"v 0 0 \\" + newline + b"0\nv 1 0 0\nv 0 1 0\nf 1 2 \\" + newline + b"3\n")

    parsed = obj_parse.parse_obj(io.BytesIO(data), 10)

    assert parsed.positions.tolist() == [[0, 0, 0], [1, 0, 0], [0, 1, 0]]
    assert np.concatenate(parsed.groups[0].corners)[:, 0].tolist() == [0, 1, 2]


@pytest.mark.parametrize("faces", [
    b"f 1/2/3 4/5/6 7/8/9\nf 3/2/1 6/5/4 9/8/7 1/1/1\n",
    b"f 1/2/3 4/5/6 7/8/9",  # no final newline
    b"f 1/2/3 4//6 7/8/9\n", b"f 1/2/3 4/5 7/8/9/1\n", b"f 1/1/1/1 2/2 3/3/3\n",
    b"f 1/2/ 4/5/6 7/8/9\n", b"f 1/2/3\t4/5/6  7/8/9\r\n",
], ids=["all-three", "last-line", "empty-field", "uneven", "misplaced", "trailing", "tabs"])
def test_the_usual_corners_read_as_the_general_reader_reads_them(
        faces: bytes, monkeypatch: pytest.MonkeyPatch) -> None:
    def read() -> tuple[np.ndarray, np.ndarray] | str:
        text = np.frombuffer(faces.replace(b"f", b" ", 1).replace(b"\nf", b"\n "), np.uint8)
        starts = np.concatenate([[0], np.flatnonzero(text[:-1] == ord("\n")) + 1])
        try:
            return obj_text.face_corners(text.copy(), starts)
        except AtelierError as error:
            return error.message

    taken: list[bool] = []
    usual = obj_text._all_three_fields
    monkeypatch.setattr(obj_text, "_all_three_fields",
                        lambda *masks: taken.append(usual(*masks)) or taken[-1])
    fast = read()
    assert taken == [faces.startswith(b"f 1/2/3 4/5/6 7/8/9")
                     or faces == b"f 1/2/3\t4/5/6  7/8/9\r\n"]
    monkeypatch.setattr(obj_text, "_all_three_fields", lambda *_: False)
    general = read()

    if isinstance(general, str):
        assert fast == general
    else:
        assert not isinstance(fast, str)
        np.testing.assert_array_equal(fast[0], general[0])
        np.testing.assert_array_equal(fast[1], general[1])
