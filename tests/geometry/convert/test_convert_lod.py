"""LOD: a chain of simplified levels in one glTF linked with MSFT_lod, refused where it cannot
be held or the ratios make no chain."""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pytest
import trimesh

from app.errors import ErrorCode, InvalidInput, LimitExceeded, UnsupportedOption
from app.geometry.convert import (
    ConversionRequest,
    OptimizeOptions,
    OptimizePreset,
    OutputFormat,
    check_supported,
    convert_glb,
    options_key,
)
from app.geometry.convert.scene import scene_roots
from tests.geometry.convert.readers import glb_document, trimesh_geometry, unzip
from tests.support.gltf_validator import khronos_errors, khronos_reports

LOD = OptimizePreset.LOD
DEFAULT_RATIOS = (0.5, 0.25, 0.125)


def tree_nodes(document: dict) -> set[int]:
    """Every node reachable from the default scene's roots."""
    found, stack = set(), list(scene_roots(document))
    while stack:
        index = stack.pop()
        found.add(index)
        stack.extend(document["nodes"][index].get("children", []))
    return found


def level_triangles(path: Path) -> dict[str, int]:
    """Each mesh's triangles as trimesh reads them (it loads meshes outside the tree too)."""
    loaded = trimesh.load(str(path), process=False)
    return {name: len(mesh.faces) for name, mesh in loaded.geometry.items()}


def test_each_level_keeps_about_its_ratio_of_the_triangles(grid_glb: Path, tmp_path: Path
                                                           ) -> None:
    # given the 7,200-triangle grid
    source = trimesh_geometry(grid_glb)
    # when it is converted with the default LOD chain
    result = convert_glb(grid_glb, OutputFormat.GLB, OptimizeOptions(LOD), tmp_path)
    # then each level keeps about its ratio of the triangles, level 0 being the source
    assert result.lod_triangles is not None
    assert result.lod_triangles[0] == result.triangle_count == source.triangles
    for ratio, count in zip(DEFAULT_RATIOS, result.lod_triangles[1:], strict=True):
        assert math.isclose(count, ratio * source.triangles, rel_tol=0.05)
    # and trimesh finds the same counts in the file, while the scene draws the source alone
    counts = level_triangles(result.path)
    assert sorted(counts.values(), reverse=True) == list(result.lod_triangles)
    drawn = trimesh_geometry(result.path)
    assert drawn.triangles == source.triangles
    np.testing.assert_allclose(drawn.bounds, source.bounds, atol=1e-5)
    # and Khronos's validator finds no error
    assert khronos_errors(result.path) == []


def test_base_nodes_list_their_levels_with_msft_lod(hierarchy_glb: Path, tmp_path: Path) -> None:
    # given three meshes in a parent, child, grandchild chain with transforms
    result = convert_glb(hierarchy_glb, OutputFormat.GLB,
                         OptimizeOptions(LOD, lod_ratios=(0.5, 0.2)), tmp_path)
    document = glb_document(result.path)
    nodes, in_tree = document["nodes"], tree_nodes(document)
    # then the extension is used but not required, so other viewers draw level 0
    assert "MSFT_lod" in document["extensionsUsed"]
    assert "MSFT_lod" not in document.get("extensionsRequired", [])
    bases = [i for i in in_tree if "MSFT_lod" in nodes[i].get("extensions", {})]
    assert len(bases) == 3
    for base in bases:
        ids = nodes[base]["extensions"]["MSFT_lod"]["ids"]
        # and each base lists one childless node per level, outside the scene tree, with
        # its own transform and a smaller mesh each time
        assert len(ids) == 2 and not in_tree & set(ids)
        assert all("children" not in nodes[i] for i in [base, *ids])
        for key in ("translation", "rotation", "scale", "matrix"):
            assert [nodes[i].get(key) for i in ids] == [nodes[base].get(key)] * 2
        meshes = [nodes[i]["mesh"] for i in [base, *ids]]
        assert len(set(meshes)) == 3
    # and the file is valid, and trimesh still sees the source as the scene
    assert khronos_errors(result.path) == []
    assert trimesh_geometry(result.path).triangles == trimesh_geometry(hierarchy_glb).triangles


def test_a_gltf_zip_holds_the_levels_too(grid_glb: Path, tmp_path: Path) -> None:
    result = convert_glb(grid_glb, OutputFormat.GLTF, OptimizeOptions(LOD, lod_ratios=(0.3,)),
                         tmp_path)
    gltf = unzip(result.path, tmp_path / "unzipped") / "scene.gltf"
    assert result.lod_triangles is not None and len(result.lod_triangles) == 2
    assert sorted(level_triangles(gltf).values(), reverse=True) == list(result.lod_triangles)
    assert khronos_reports(gltf)[0]["issues"]["numErrors"] == 0


@pytest.mark.parametrize(("ratios", "field"), [
    ((), ["optimize", "lod_ratios"]),
    ((0.0,), ["optimize", "lod_ratios", "0"]),
    ((1.0,), ["optimize", "lod_ratios", "0"]),
    ((0.5, -0.1), ["optimize", "lod_ratios", "1"]),
    ((float("nan"),), ["optimize", "lod_ratios", "0"]),
    ((0.5, 0.5), ["optimize", "lod_ratios", "1"]),
    ((0.25, 0.5), ["optimize", "lod_ratios", "1"]),
])
def test_ratios_that_make_no_chain_are_invalid(ratios: tuple[float, ...], field: list[str]
                                               ) -> None:
    with pytest.raises(InvalidInput) as caught:
        check_supported(OutputFormat.GLB, OptimizeOptions(LOD, lod_ratios=ratios))
    assert caught.value.code is ErrorCode.INVALID_INPUT
    assert caught.value.field == field


def test_more_levels_than_allowed_exceed_the_limit() -> None:
    options = OptimizeOptions(LOD, lod_ratios=(0.5, 0.25, 0.125))
    check_supported(OutputFormat.GLB, options, max_lod_levels=3)
    with pytest.raises(LimitExceeded) as caught:
        ConversionRequest(OutputFormat.GLB, options).check(max_lod_levels=2)
    assert caught.value.field == ["optimize", "lod_ratios"]


@pytest.mark.parametrize("fmt", [OutputFormat.OBJ, OutputFormat.STL, OutputFormat.PLY,
                                 OutputFormat.USDZ])
def test_formats_without_msft_lod_refuse_lod(fmt: OutputFormat, grid_glb: Path, tmp_path: Path
                                             ) -> None:
    with pytest.raises(UnsupportedOption) as caught:
        convert_glb(grid_glb, fmt, OptimizeOptions(LOD), tmp_path)
    assert caught.value.field == ["optimize", "preset"]
    assert list(tmp_path.iterdir()) == []


def test_ratios_belong_to_lod_alone() -> None:
    with pytest.raises(UnsupportedOption) as caught:
        check_supported(OutputFormat.GLB,
                        OptimizeOptions(OptimizePreset.SIMPLIFY, ratio=0.5, lod_ratios=(0.5,)))
    assert caught.value.field == ["optimize", "lod_ratios"]


def test_the_cache_key_names_the_ratios() -> None:
    implicit = options_key(OutputFormat.GLB, OptimizeOptions(LOD))
    explicit = options_key(OutputFormat.GLB, OptimizeOptions(LOD, lod_ratios=DEFAULT_RATIOS))
    other = options_key(OutputFormat.GLB, OptimizeOptions(LOD, lod_ratios=(0.5, 0.2)))
    assert implicit == explicit != other


def test_ratios_survive_the_jobs_parameters() -> None:
    request = ConversionRequest(OutputFormat.GLB, OptimizeOptions(LOD, lod_ratios=(0.4, 0.1)))
    params = request.to_params()
    assert params["optimize"] == {"preset": "LOD", "lod_ratios": (0.4, 0.1)}
    assert ConversionRequest.from_params({**params, "optimize": {
        "preset": "LOD", "lod_ratios": [0.4, 0.1]}}) == request
