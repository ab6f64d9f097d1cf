"""WELD and SIMPLIFY do what they promise; animated models survive every GLB preset."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import trimesh

from app.geometry.convert import OptimizeOptions, OptimizePreset, OutputFormat, convert_glb
from tests.geometry.convert.readers import (
    glb_document,
    meshopt_decoded,
    trimesh_geometry,
)
from tests.geometry.convert.sources import animated_glb, export_glb, textured_box
from tests.support.gltf_validator import khronos_errors, khronos_reports

WELD = OptimizeOptions(OptimizePreset.WELD)
COMPRESS = OptimizePreset.COMPRESS


def test_weld_merges_duplicates_and_drops_degenerate_triangles(tmp_path: Path) -> None:
    # given a box stored twice over (every vertex duplicated) plus two degenerate triangles
    box = trimesh.creation.box()
    vertices = np.concatenate([box.vertices, box.vertices])
    faces = np.concatenate([box.faces[:6], box.faces[6:] + 8, [[0, 0, 1], [0, 8, 1]]])
    source = export_glb(trimesh.Trimesh(vertices, faces, process=False), tmp_path / "dup.glb")
    # when it is welded
    result = convert_glb(source, OutputFormat.GLB, WELD, tmp_path)
    # then 8 vertices and the 12 real triangles remain, in the same place, as valid glTF
    welded = trimesh.load(result.path, process=False).to_mesh()
    assert len(welded.vertices) == 8
    assert len(welded.faces) == result.triangle_count == 12
    assert welded.is_watertight
    np.testing.assert_allclose(welded.bounds, box.bounds)
    assert khronos_errors(result.path) == []


def test_weld_keeps_uv_seams(hierarchy_glb: Path, tmp_path: Path) -> None:
    # given a scene whose box has a UV seam on every edge
    source = trimesh_geometry(hierarchy_glb)
    # when it is welded
    result = convert_glb(hierarchy_glb, OutputFormat.GLB, WELD, tmp_path)
    # then the seams stay split: the same triangles in the same place, textured as before
    output = trimesh_geometry(result.path)
    assert output.triangles == source.triangles
    np.testing.assert_allclose(output.bounds, source.bounds, atol=1e-6)
    assert len(glb_document(result.path)["images"]) == 1


def test_weld_drops_meshes_left_empty_and_their_materials(tmp_path: Path) -> None:
    # given a scene with a real box and a textured "mesh" of nothing but flat triangles
    flat = textured_box()
    flat.vertices[:, 2] = 0.0
    flat.vertices[:, 1] = flat.vertices[:, 0]  # every corner on one line
    scene = trimesh.Scene()
    scene.add_geometry(trimesh.creation.box(), node_name="box")
    scene.add_geometry(flat, node_name="flat")
    source = export_glb(scene, tmp_path / "flat.glb")
    # when it is welded
    result = convert_glb(source, OutputFormat.GLB, WELD, tmp_path)
    document = glb_document(result.path)
    # then the flat mesh, its material, texture and image are gone, and its node draws nothing
    assert len(document["meshes"]) == 1
    assert [n.get("mesh") for n in document["nodes"]] == [0, None]
    assert not {"materials", "textures", "images"} & set(document)
    assert result.triangle_count == 12
    assert khronos_errors(result.path) == []


def test_simplify_lands_near_its_target_and_keeps_bounds(grid_glb: Path, tmp_path: Path) -> None:
    # given a bumpy 7,200 triangle grid
    source = trimesh_geometry(grid_glb)
    # when it is simplified to 1,000 triangles
    settings = OptimizeOptions(OptimizePreset.SIMPLIFY, target_triangles=1000)
    result = convert_glb(grid_glb, OutputFormat.GLB, settings, tmp_path)
    # then it lands within 5% of the target, with bounds within 1%, as valid glTF
    output = trimesh_geometry(result.path)
    assert output.triangles == result.triangle_count
    assert abs(output.triangles - 1000) <= 50
    extent = source.bounds[1] - source.bounds[0]
    assert np.all(np.abs(output.bounds - source.bounds) <= 0.01 * extent.max())
    assert khronos_errors(result.path) == []


def test_simplify_by_ratio_keeps_the_uv_seam_a_seam(seamed_grid_glb: Path, tmp_path: Path) -> None:
    # given a grid cut into two UV islands along its middle column
    source = trimesh.load(seamed_grid_glb, process=False).to_mesh()
    # when a quarter of its triangles are kept
    result = convert_glb(seamed_grid_glb, OutputFormat.GLB,
                         OptimizeOptions(OptimizePreset.SIMPLIFY, ratio=0.25), tmp_path)
    output = trimesh.load(result.path, process=False).to_mesh()
    # then the count is within 5%, and every vertex left is a source vertex, unmoved, with its UV
    assert abs(len(output.faces) - 0.25 * len(source.faces)) <= 0.05 * 0.25 * len(source.faces)

    def corners(mesh: trimesh.Trimesh) -> set[tuple[float, ...]]:
        rows = np.column_stack([mesh.vertices, mesh.visual.uv]).round(5)
        return set(map(tuple, rows.tolist()))

    assert corners(output) <= corners(source)
    # and the seam is still a seam: split vertices lie only on the seam column, each with both
    # islands' UVs, and the seam still runs from one border to the other
    seam_x = source.vertices[trimesh.grouping.group_rows(np.round(source.vertices, 6),
                                                         require_count=2)[0][0]][0]
    split = trimesh.grouping.group_rows(np.round(output.vertices, 6), require_count=2)
    assert len(split) >= 2
    for pair in split:
        assert np.allclose(output.vertices[pair, 0], seam_x)
        low, high = np.sort(output.visual.uv[pair, 0])
        assert np.isclose(high - low, 0.1)
    on_seam = output.vertices[np.concatenate(split)]
    assert np.isclose(on_seam[:, 2].min(), source.vertices[:, 2].min())
    assert np.isclose(on_seam[:, 2].max(), source.vertices[:, 2].max())


def test_skins_morph_targets_and_animations_survive_every_preset(tmp_path: Path) -> None:
    # given a skinned grid with a morph target, animated in weight and joint translation
    source = animated_glb(tmp_path / "animated.glb")
    presets = [
        OptimizeOptions(),
        OptimizeOptions(OptimizePreset.WELD),
        OptimizeOptions(OptimizePreset.SIMPLIFY, ratio=0.5),
        OptimizeOptions(COMPRESS),
        OptimizeOptions(COMPRESS, compression="DRACO"),
    ]
    # when it goes through each preset into a GLB
    results = [convert_glb(source, OutputFormat.GLB, settings, tmp_path, stem=f"out{i}")
               for i, settings in enumerate(presets)]
    # then every output (the meshopt one also once decoded) is valid glTF that still skins,
    # morphs and animates
    paths = [result.path for result in results]
    paths.append(meshopt_decoded(results[3].path, tmp_path / "decoded.glb"))
    reports = khronos_reports(*paths)
    assert [r["issues"]["numErrors"] for r in reports] == [0] * len(paths)
    for path, report in zip(paths, reports, strict=True):
        document = glb_document(path)
        assert report["info"]["hasSkins"] and report["info"]["hasMorphTargets"]
        assert report["info"]["animationCount"] == 1
        assert len(document["animations"][0]["channels"]) == 2
    assert results[2].triangle_count == pytest.approx(results[0].triangle_count / 2, rel=0.05)
