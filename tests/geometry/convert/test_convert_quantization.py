"""COMPRESS error budgets: positions within `position_error` of the source, as an independent
decoder reads them, with the bits and errors the result reports; refused budgets change nothing."""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest
import trimesh
from scipy.spatial import cKDTree

from app.errors import InvalidInput, UnsupportedOption
from app.geometry.convert import OptimizeOptions, OptimizePreset, OutputFormat, convert_glb
from app.geometry.gltf_io import build_glb
from tests.geometry.convert.readers import ROOT, glb_document, meshopt_decoded
from tests.geometry.convert.sources import displaced_grid
from tests.support.gltf_validator import khronos_errors

COMPRESS = OptimizePreset.COMPRESS
GLTF_TRANSFORM = ROOT / "node_modules" / ".bin" / "gltf-transform"


@pytest.fixture(scope="module")
def grid_glb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The 4-unit bumpy grid with its vertex normals stored, so normals are data to keep."""
    grid = displaced_grid(40)
    path = tmp_path_factory.mktemp("quantization") / "grid.glb"
    path.write_bytes(trimesh.Scene(grid).export(file_type="glb", include_normals=True))
    assert "NORMAL" in glb_document(path)["meshes"][0]["primitives"][0]["attributes"]
    return path


def world_mesh(path: Path, folder: Path) -> trimesh.Trimesh:
    """The file's one mesh in world space as floats: glTF-Transform decodes meshopt and
    dequantises, trimesh applies the node transforms."""
    plain = folder / f"{path.stem}.plain.glb"
    subprocess.run([str(GLTF_TRANSFORM), "dequantize", str(path), str(plain)], cwd=ROOT,
                   check=True, capture_output=True, timeout=120)
    mesh = trimesh.load(plain, process=False, force="mesh")
    assert isinstance(mesh, trimesh.Trimesh)
    return mesh


def errors_against(source: trimesh.Trimesh, output: trimesh.Trimesh) -> dict[str, float]:
    """Largest position distance, normal angle (degrees) and UV distance per output vertex."""
    distance, nearest = cKDTree(source.vertices).query(output.vertices)
    a, b = np.asarray(output.vertex_normals), np.asarray(source.vertex_normals)[nearest]
    cosine = np.einsum("ij,ij->i", a, b) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
    uv = np.abs(np.asarray(output.visual.uv) - np.asarray(source.visual.uv)[nearest])
    return {"position": float(distance.max()), "uv": float(uv.max()),
            "normal": float(np.degrees(np.arccos(np.clip(cosine, -1, 1))).max())}


@pytest.mark.parametrize("compression", ["MESHOPT", "DRACO"])
def test_positions_stay_within_the_stated_budget(
    grid_glb: Path, tmp_path: Path, compression: str
) -> None:
    # given the grid (4 units wide) and two budgets, one coarse and one fine
    source = world_mesh(grid_glb, tmp_path)
    results = {}
    for budget in (2e-3, 2e-5):
        settings = OptimizeOptions(COMPRESS, compression=compression,  # type: ignore[arg-type]
                                   position_error=budget)
        # when each is compressed
        results[budget] = convert_glb(grid_glb, OutputFormat.GLB, settings, tmp_path,
                                      stem=f"{compression}-{budget}")
    for budget, result in results.items():
        output = world_mesh(result.path, tmp_path)
        measured = errors_against(source, output)
        position = next(row for row in result.compression["attributes"]  # type: ignore[index]
                        if row["semantic"] == "POSITION")
        # then every decoded position is within the budget, as the result reports, and the
        # normals and UVs are as precise as gltfpack's defaults (8 and 12 bits)
        assert measured["position"] <= budget * 1.0001
        assert measured["position"] <= position["max_error"] * 1.0001 + 1e-7
        assert result.compression["position_error"] == budget  # type: ignore[index]
        assert measured["normal"] < 1.5 and measured["uv"] < 2.5e-4
        assert len(output.faces) == len(source.faces)
        assert khronos_errors(result.path) == []
    # and the finer budget took more bits and more bytes
    coarse, fine = (next(r["bits"] for r in results[b].compression["attributes"]  # type: ignore[index]
                         if r["semantic"] == "POSITION") for b in (2e-3, 2e-5))
    assert fine > coarse
    assert results[2e-5].path.stat().st_size > results[2e-3].path.stat().st_size


def test_default_budget_is_fourteen_bits_over_the_extent(grid_glb: Path, tmp_path: Path) -> None:
    # given no budget
    result = convert_glb(grid_glb, OutputFormat.GLB, OptimizeOptions(COMPRESS), tmp_path)
    # then positions are 14-bit integers on a grid a child node dequantises, like gltfpack's
    report = result.compression
    assert report is not None
    rows = {row["semantic"]: row for row in report["attributes"]}
    assert (rows["POSITION"]["encoding"], rows["POSITION"]["bits"]) == ("integer", 14)
    assert report["position_error"] == pytest.approx(3**0.5 * 4.0 / (2**14 - 1) / 2, rel=1e-3)
    document = glb_document(result.path)
    assert "KHR_mesh_quantization" in document["extensionsRequired"]
    child = next(node for node in document["nodes"] if "mesh" in node)
    assert child["scale"][0] == pytest.approx(4.0 / (2**14 - 1), rel=1e-3)
    assert khronos_errors(result.path) == []


def test_a_budget_finer_than_sixteen_bits_keeps_float_positions_and_says_what_it_reached(
    grid_glb: Path, tmp_path: Path
) -> None:
    # given a budget below what a float32 can hold at 4 units (the bad day: nobody can meet it)
    settings = OptimizeOptions(COMPRESS, position_error=1e-9)
    # when compressed
    result = convert_glb(grid_glb, OutputFormat.GLB, settings, tmp_path)
    # then positions stay floats (no 16-bit grid is that fine) and the report tells the truth
    output, source = world_mesh(result.path, tmp_path), world_mesh(grid_glb, tmp_path)
    position = next(row for row in result.compression["attributes"]  # type: ignore[index]
                    if row["semantic"] == "POSITION")
    assert position["encoding"] == "exponential"
    assert errors_against(source, output)["position"] <= position["max_error"] + 1e-9
    assert position["max_error"] < 1e-6  # as close as float32 gets at 4 units
    assert khronos_errors(result.path) == []


@pytest.mark.parametrize(("settings", "error"), [
    ({"position_error": -1e-3}, InvalidInput),
    ({"position_error": 0.0}, InvalidInput),
    ({"position_error": float("nan")}, InvalidInput),
    ({"position_error": float("inf")}, InvalidInput),
    ({"position_error": 1e-3, "quantize": False}, UnsupportedOption),
])
def test_nonsense_budgets_are_refused_before_anything_is_written(
    grid_glb: Path, tmp_path: Path, settings: dict[str, object], error: type[Exception]
) -> None:
    # given a budget that is no budget (or one asked of lossless compression)
    options = OptimizeOptions(COMPRESS, **settings)  # type: ignore[arg-type]
    # when converting, then it is refused with its code and no file appears
    with pytest.raises(error) as raised:
        convert_glb(grid_glb, OutputFormat.GLB, options, tmp_path)
    assert raised.value.field == ["optimize", "position_error"]  # type: ignore[attr-defined]
    assert list(tmp_path.iterdir()) == []


def test_a_budget_belongs_to_compress_only(grid_glb: Path, tmp_path: Path) -> None:
    options = OptimizeOptions(OptimizePreset.WELD, position_error=1e-3)
    with pytest.raises(UnsupportedOption):
        convert_glb(grid_glb, OutputFormat.GLB, options, tmp_path)
    assert list(tmp_path.iterdir()) == []


def spinning_glb(path: Path, keyframes: int = 200) -> tuple[Path, np.ndarray]:
    """A triangle on a node turning once about a tilted axis; returns the file and rotations."""
    angles = np.linspace(0.0, 2 * np.pi, keyframes)
    axis = np.array([1.0, 2.0, 2.0]) / 3.0
    rotations = np.column_stack([np.outer(np.sin(angles / 2), axis),
                                 np.cos(angles / 2)]).astype(np.float32)
    triangle = np.float32([[0, 0, 0], [1, 0, 0], [0, 1, 0]])
    times = np.linspace(0.0, 4.0, keyframes, dtype=np.float32)
    arrays = [(triangle, "VEC3"), (times, "SCALAR"), (rotations, "VEC4")]
    binary, views, accessors = b"", [], []
    for values, kind in arrays:
        rows = values.reshape(len(values), -1)
        views.append({"buffer": 0, "byteOffset": len(binary), "byteLength": values.nbytes})
        accessors.append({"bufferView": len(views) - 1, "count": len(rows), "type": kind,
                          "componentType": 5126, "min": rows.min(axis=0).tolist(),
                          "max": rows.max(axis=0).tolist()})
        binary += values.tobytes()
    document = {
        "asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}],
        "nodes": [{"mesh": 0}], "meshes": [{"primitives": [{"attributes": {"POSITION": 0}}]}],
        "animations": [{"samplers": [{"input": 1, "output": 2}],
                        "channels": [{"sampler": 0, "target": {"node": 0, "path": "rotation"}}]}],
        "accessors": accessors, "bufferViews": views, "buffers": [{"byteLength": len(binary)}],
    }
    path.write_bytes(build_glb(document, binary))
    return path, rotations


def test_rotation_keyframes_go_through_the_quaternion_filter(tmp_path: Path) -> None:
    # given a node spinning through 200 keyframes
    source, rotations = spinning_glb(tmp_path / "spinning.glb")
    # when compressed
    result = convert_glb(source, OutputFormat.GLB, OptimizeOptions(COMPRESS), tmp_path)
    # then the keyframes are 12-bit quaternions, valid glTF, and meshoptimizer's own decoder
    # gives back rotations within the reported error, which is a fraction of a degree
    document = glb_document(result.path)
    output = document["accessors"][document["animations"][0]["samplers"][0]["output"]]
    view = document["bufferViews"][output["bufferView"]]
    assert view["extensions"]["EXT_meshopt_compression"]["filter"] == "QUATERNION"
    assert (output["componentType"], output["normalized"]) == (5122, True)
    assert khronos_errors(result.path) == []
    decoded = meshopt_decoded(result.path, tmp_path / "decoded.glb")
    plain = glb_document(decoded)
    accessor = plain["accessors"][plain["animations"][0]["samplers"][0]["output"]]
    plain_view = plain["bufferViews"][accessor["bufferView"]]
    data = decoded.read_bytes()
    binary = data[20 + int.from_bytes(data[12:16], "little") + 8:]
    start = plain_view.get("byteOffset", 0) + accessor.get("byteOffset", 0)
    shorts = np.frombuffer(binary, np.int16, accessor["count"] * 4, start).reshape(-1, 4)
    turns = shorts.astype(np.float64) / 32767
    turns /= np.linalg.norm(turns, axis=1, keepdims=True)
    angle = np.degrees(2 * np.arccos(np.clip(np.abs(np.einsum("ij,ij->i", turns, rotations)),
                                             0, 1)))
    [row] = [r for r in result.compression["attributes"]  # type: ignore[index]
             if r["semantic"] == "rotation keyframes"]
    assert angle.max() <= row["max_error"] + 1e-3
    assert row["max_error"] < 0.2
