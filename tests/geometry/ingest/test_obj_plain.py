"""A plain OBJ (no MTL, no vertex colours, one mesh) is written straight from its arrays:
the GLB's document and every array are what the trimesh path exports for the same parse, and
nothing of trimesh is loaded on the way."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from app.geometry.gltf_io import accessor_array, load_asset
from app.geometry.obj_mesh import is_plain, plain_glb
from app.geometry.obj_parse import parse_obj
from app.geometry.obj_trimesh import trimesh_obj_glb
from app.geometry.resources import Resources
from tests.support.gltf_validator import khronos_errors

LAYOUT = ("asset", "accessors", "bufferViews", "buffers")
TRIANGLE = b"v 0 0 0\nv 1 0 0\nv 0 1 0\n"
PLAIN = {
    "positions": TRIANGLE + b"f 1 2 3\n",
    "uvs": TRIANGLE + b"vt 0.25 0.1\nvt 1 0\nvt 0 1\nf 1/1 2/2 3/3\n",
    # normals of other lengths than one, and one position with two normals (a packed key)
    "normals": TRIANGLE + b"v 1 1 0\nvn 0 0 2\nvn 0 3 4\nf 1//1 2//2 3//1\nf 2//1 4//1 3//1\n",
    "named, quads, all three": (b"o panel\n" + TRIANGLE + b"v 1 1 0\nvt 0 0\nvt 1 0\nvt 0 1\n"
                                b"vt 1 1\nvn 0 0 1\nf 1/1/1 2/2/1 4/4/1 3/3/1\n"),
    "material without a file": b"usemtl red\n" + TRIANGLE + b"f -3 -2 -1\n",
}


def arrays(glb: bytes) -> tuple[dict, dict[str, np.ndarray]]:
    asset = load_asset(glb)
    document = asset.document
    primitive = document["meshes"][0]["primitives"][0]
    slots = {**primitive["attributes"], "indices": primitive["indices"]}
    values = {name: accessor_array(asset, number) for name, number in slots.items()}
    kept = {key: value for key, value in document.items() if key not in LAYOUT}
    numbered = {**primitive, "attributes": sorted(primitive["attributes"]), "indices": None}
    kept["meshes"] = [{**document["meshes"][0], "primitives": [numbered]}]
    return kept, values


@pytest.mark.parametrize("name", PLAIN)
def test_a_plain_obj_gives_the_document_and_arrays_trimesh_exported(name: str,
                                                                   tmp_path: Path) -> None:
    # given a plain OBJ parsed twice (writing consumes the parse)
    first, second = (parse_obj(io.BytesIO(PLAIN[name]), 100) for _ in range(2))
    assert is_plain(first)
    # when it is written straight from its arrays, and through trimesh
    ours = plain_glb(first)
    theirs = trimesh_obj_glb(second, Resources(None, "", 1 << 20))
    # then the documents differ only in layout, and every array is trimesh's, bit for bit
    (our_document, our_arrays), (their_document, their_arrays) = arrays(ours), arrays(theirs)
    assert our_document == their_document
    assert our_arrays.keys() == their_arrays.keys()
    for key, values in our_arrays.items():
        assert values.dtype == their_arrays[key].dtype or key == "indices"
        np.testing.assert_array_equal(values, their_arrays[key])
    (tmp_path / "plain.glb").write_bytes(ours)
    assert khronos_errors(tmp_path / "plain.glb") == []


@pytest.mark.parametrize("data", [
    b"mtllib a.mtl\n" + TRIANGLE + b"f 1 2 3\n",
    b"v 0 0 0 1 0 0\nv 1 0 0 0 1 0\nv 0 1 0 0 0 1\nf 1 2 3\n",
    b"usemtl a\n" + TRIANGLE + b"f 1 2 3\nusemtl b\nf 1 3 2\n",
    TRIANGLE + b"f 1 2\n",
], ids=["material-file", "vertex-colours", "two-materials", "no-triangle"])
def test_anything_else_goes_through_trimesh(data: bytes) -> None:
    assert not is_plain(parse_obj(io.BytesIO(data), 100))


def test_ingesting_a_plain_obj_loads_no_trimesh() -> None:
    # given a plain OBJ file, when a fresh process ingests it, then trimesh was never imported
    script = (
        "import sys, tempfile, pathlib\n"
        "from app.geometry.ingest import ingest_path\n"
        "folder = pathlib.Path(tempfile.mkdtemp())\n"
        f"(folder / 'm.obj').write_bytes({PLAIN['named, quads, all three']!r})\n"
        "ingest_path(folder / 'm.obj', 'm.obj', folder / 'm.glb')\n"
        "print(sorted(name for name in sys.modules if name.split('.')[0] in "
        "('trimesh', 'scipy')))\n")
    completed = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                               check=True, timeout=120)
    assert completed.stdout.strip() == "[]"
