"""COMPRESS meshopt + quantise stores each attribute as gltfpack -cc does, and the passes
behind it (vertex cache order, column bounds) give what their references give."""

from __future__ import annotations

import json
from pathlib import Path

import meshopt
import numpy as np
import pytest
import trimesh
from scipy.spatial import cKDTree

from app.geometry.convert import OptimizeOptions, OptimizePreset, OutputFormat, convert_glb
from app.geometry.convert.accessor_layout import describe
from app.geometry.convert.quantization import column_bounds
from app.geometry.convert.vertex_order import cache_order
from tests.geometry.convert.readers import meshopt_decoded
from tests.geometry.convert.sources import displaced_grid
from tests.support.gltf_validator import khronos_errors

BYTE, UNSIGNED_SHORT, UNSIGNED_INT = 5120, 5123, 5125
DTYPES = {BYTE: np.int8, UNSIGNED_SHORT: np.uint16, UNSIGNED_INT: np.uint32}


@pytest.fixture(scope="module")
def normals_grid(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, trimesh.Trimesh]:
    """A bumpy grid with its vertex normals and UVs stored, and the mesh it was made from."""
    grid = displaced_grid(40)
    path = tmp_path_factory.mktemp("meshopt_layout") / "grid.glb"
    path.write_bytes(trimesh.Scene(grid).export(file_type="glb", include_normals=True))
    return path, grid


def split(path: Path) -> tuple[dict, bytes]:
    data = path.read_bytes()
    length = int.from_bytes(data[12:16], "little")
    return json.loads(data[20:20 + length]), data[28 + length:]


def accessor_rows(document: dict, binary: bytes, number: int) -> np.ndarray:
    """A plain (decoded) accessor's rows, as stored: no normalisation applied."""
    accessor = document["accessors"][number]
    view = document["bufferViews"][accessor["bufferView"]]
    dtype = np.dtype(DTYPES[accessor["componentType"]])
    width = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4}[accessor["type"]]
    stride = view.get("byteStride", width * dtype.itemsize)
    start = view.get("byteOffset", 0) + accessor.get("byteOffset", 0)
    raw = np.frombuffer(binary, np.uint8, accessor["count"] * stride, start)
    return raw.reshape(-1, stride)[:, :width * dtype.itemsize].copy().view(dtype)


def test_quantised_attributes_are_stored_as_gltfpack_stores_them(
    normals_grid: tuple[Path, trimesh.Trimesh], tmp_path: Path
) -> None:
    # given a grid with normals and UVs
    source_path, source = normals_grid
    settings = OptimizeOptions(OptimizePreset.COMPRESS, compression="MESHOPT", quantize=True)
    # when it is compressed with quantisation
    result = convert_glb(source_path, OutputFormat.GLB, settings, tmp_path)
    document, _ = split(result.path)
    primitive = document["meshes"][0]["primitives"][0]
    accessors = {name: document["accessors"][number]
                 for name, number in [*primitive["attributes"].items(),
                                      ("indices", primitive["indices"])]}
    extension = {name: document["bufferViews"][a["bufferView"]]["extensions"][
        "EXT_meshopt_compression"] for name, a in accessors.items()}
    # then positions are 16-bit grid coordinates with their bounds, UVs 16-bit normalised,
    # normals 8-bit octahedral, indices the triangle codec; no bounds where none are needed
    assert (accessors["POSITION"]["componentType"], "min" in accessors["POSITION"]) == (
        UNSIGNED_SHORT, True)
    assert (accessors["TEXCOORD_0"]["componentType"], accessors["TEXCOORD_0"]["normalized"]) == (
        UNSIGNED_SHORT, True)
    assert (accessors["NORMAL"]["componentType"], accessors["NORMAL"]["normalized"]) == (
        BYTE, True)
    assert extension["NORMAL"]["filter"] == "OCTAHEDRAL"
    assert "filter" not in extension["POSITION"] and "filter" not in extension["TEXCOORD_0"]
    assert extension["indices"]["mode"] == "TRIANGLES"
    assert not {"min", "max"} & (set(accessors["NORMAL"]) | set(accessors["TEXCOORD_0"]))
    assert khronos_errors(result.path) == []
    # and meshoptimizer's own decoder gives normals within the reported angle of the source's
    decoded, binary = split(meshopt_decoded(result.path, tmp_path / "decoded.glb"))
    node = next(n for n in decoded["nodes"] if "mesh" in n)
    grid = accessor_rows(decoded, binary, primitive["attributes"]["POSITION"])
    world = grid * np.asarray(node["scale"]) + np.asarray(node["translation"])
    _, nearest = cKDTree(source.vertices).query(world)
    normals = accessor_rows(decoded, binary, primitive["attributes"]["NORMAL"]) / 127.0
    expected = np.asarray(source.vertex_normals)[nearest]
    cosine = np.einsum("ij,ij->i", normals, expected) / np.linalg.norm(normals, axis=1)
    angle = float(np.degrees(np.arccos(np.clip(cosine, -1, 1))).max())
    reported = next(row for row in result.compression["attributes"]  # type: ignore[index]
                    if row["semantic"] == "NORMAL")
    assert reported["encoding"] == "octahedral" and reported["bits"] == 8
    assert angle <= reported["max_error"] + 1e-3 and angle < 1.5


def test_cache_order_is_the_strip_order_of_meshoptimizer_with_vertices_in_first_use_order(
) -> None:
    # given a grid's triangles, shuffled, over vertices of which a few are never used
    faces = np.asarray(displaced_grid(20).faces, np.uint32)
    faces = faces[np.random.default_rng(3).permutation(len(faces))]
    indices = faces.ravel() + 5
    # when they are put in cache order
    ordered, order = cache_order(indices, int(indices.max()) + 4)
    # then the triangles are those of the meshopt binding's strip order, renumbered alike
    reference, remap, used = meshopt.reorder_mesh(indices, triangles=True, optsize=True)
    np.testing.assert_array_equal(ordered, reference)
    np.testing.assert_array_equal(order, np.argsort(remap, kind="stable")[:used])
    # and through `order` the new triangles are the source's (each rotated at most), with
    # vertices numbered as they are first used
    rotated = np.sort(order[ordered].reshape(-1, 3), axis=1)
    source = np.sort(indices.reshape(-1, 3), axis=1)
    np.testing.assert_array_equal(np.unique(rotated, axis=0), np.unique(source, axis=0))
    first_use = np.unique(ordered, return_index=True)[1]
    assert (np.diff(first_use) > 0).all() and len(order) == len(np.unique(indices))


@pytest.mark.parametrize("values", [
    np.random.default_rng(1).standard_normal((1000, 3)).astype(np.float32),
    np.random.default_rng(2).integers(0, 60000, (999, 2)).astype(np.uint16),
    np.random.default_rng(3).integers(0, 2**31, 3001).astype(np.uint32),
])
def test_column_bounds_are_numpys_bounds(values: np.ndarray) -> None:
    # given rows of floats, of shorts and a flat index list, when their bounds are taken
    low, high = column_bounds(values)
    # then they are numpy's own, column by column, and so are the accessor's
    rows = values.reshape(len(values), -1)
    np.testing.assert_array_equal(low, rows.min(axis=0))
    np.testing.assert_array_equal(high, rows.max(axis=0))
    assert describe(values)["min"] == rows.min(axis=0).tolist()
    assert "min" not in describe(values, bounds=False)
