"""The quality report's UV, texture, extension and scale findings."""

from __future__ import annotations

import numpy as np
import pytest
import trimesh

from app.geometry.quality import uv
from tests.geometry.quality.meshes import asset_of, codes, cube, png, report_of

QUAD = trimesh.Trimesh([[0, 0, 0], [1, 0, 0], [1, 1, 0], [0, 1, 0]], [[0, 1, 2], [0, 2, 3]],
                       process=False)


def test_uvs_outside_the_unit_square_are_counted() -> None:
    uvs = np.array([[0, 0], [2.5, 0], [1, 1], [0, -0.5]])

    report = report_of(asset_of(QUAD, uvs=[uvs]))

    item = next(item for item in report.items if item.code == "UV_OUT_OF_RANGE")
    assert (item.severity, item.count, item.where) == ("INFO", 2, ("/meshes/0/primitives/0",))


def test_a_quad_filling_the_uv_square_covers_it_once() -> None:
    # Given two triangles meeting on the UV square's diagonal, through pixel centres
    report = report_of(asset_of(QUAD, uvs=[np.array([[0, 0], [1, 0], [1, 1], [0, 1]])]))
    # Then no centre on the shared edge is counted twice
    assert report.uv_overlap_ratio == 0.0
    assert "UV_OVERLAP" not in codes(report)


def test_stacked_uv_islands_overlap() -> None:
    # Given a quad whose two triangles are mapped onto the same half of the UV square
    uvs = np.array([[0, 0], [1, 0], [1, 1], [0, 0]], dtype=np.float64)
    faces = np.array([[0, 1, 2], [3, 1, 2]])
    mesh = trimesh.Trimesh(QUAD.vertices, faces, process=False)
    # When reported
    report = report_of(asset_of(mesh, uvs=[uvs]))
    # Then all the UV area in use is covered twice
    assert report.uv_overlap_ratio == 1.0
    assert codes(report)["UV_OVERLAP"] == 1


def test_half_overlapping_islands_give_a_ratio_between() -> None:
    # Given two unit-area squares in UV (four triangles), the second shifted by half its width
    square = np.array([[0, 0], [0.5, 0], [0.5, 1], [0, 1]])
    uvs = np.vstack([square, square + np.array([0.25, 0])])
    faces = np.array([[0, 1, 2], [0, 2, 3], [4, 5, 6], [4, 6, 7]])
    mesh = trimesh.Trimesh(np.vstack([QUAD.vertices, QUAD.vertices + np.array([2, 0, 0])]), faces,
                           process=False)
    # Then the overlap is a third of the 0.75 of the square in use
    coverage = uv.coverage(uvs, faces)
    assert coverage.covered == pytest.approx(0.75, abs=0.01)
    assert coverage.ratio == pytest.approx(1 / 3, abs=0.01)
    assert report_of(asset_of(mesh, uvs=[uvs])).uv_overlap_ratio == pytest.approx(1 / 3, abs=0.01)


def test_deeply_stacked_islands_coarsen_the_grid_not_the_time(monkeypatch) -> None:
    # Given many copies of a full-square quad, more candidate centres than the budget allows
    monkeypatch.setattr(uv, "CANDIDATE_BUDGET", 100_000)
    copies = 8
    uvs = np.tile(np.array([[0, 0], [1, 0], [1, 1], [0, 1]], dtype=np.float64), (copies, 1))
    faces = np.vstack([[[0, 1, 2], [0, 2, 3]] + 4 * np.array(k) for k in range(copies)])
    # Then the estimate still sees every centre covered eight times
    coverage = uv.coverage(uvs, faces)
    assert coverage.ratio == 1.0 and coverage.covered > 0.9


def test_a_1000_pixel_texture_is_not_a_power_of_two() -> None:
    report = report_of(asset_of(cube(), images=[png(1000, 1000), png(256, 128)]))

    item = next(item for item in report.items if item.code == "TEXTURE_NOT_POWER_OF_TWO")
    assert (item.severity, item.count, item.where) == ("INFO", 1, ("/images/0",))
    assert "TEXTURE_TOO_LARGE" not in codes(report)


def test_textures_past_the_setting_are_too_large() -> None:
    report = report_of(asset_of(cube(), images=[png(1000, 1000), png(256, 128)]),
                       max_texture_size=512)

    item = next(item for item in report.items if item.code == "TEXTURE_TOO_LARGE")
    assert (item.severity, item.count, item.where) == ("WARNING", 1, ("/images/0",))
    assert "512" in item.message


def test_extensions_a_viewer_may_lack_are_named() -> None:
    # Given a required vendor extension and a material using a retired one
    document = {
        "extensionsUsed": ["VENDOR_magic", "KHR_materials_pbrSpecularGlossiness",
                           "KHR_materials_clearcoat"],
        "extensionsRequired": ["VENDOR_magic"],
        "materials": [{"extensions": {"KHR_materials_pbrSpecularGlossiness": {}}},
                      {"extensions": {"KHR_materials_clearcoat": {}}}],
    }
    # When reported
    found = {item.code: item for item in report_of(asset_of(cube(), document=document)).items}
    # Then each is an item with where it is; the extension three.js reads is not
    required = found["EXTENSION_REQUIRED_UNSUPPORTED"]
    assert (required.severity, required.count, required.where) == (
        "WARNING", 1, ("/extensionsRequired/0",))
    material = found["MATERIAL_EXTENSION_UNSUPPORTED"]
    assert (material.severity, material.count, material.where) == (
        "INFO", 1, ("/materials/0",))
    assert "KHR_materials_pbrSpecularGlossiness" in material.message


@pytest.mark.parametrize(("size", "code"), [
    (5000.0, "SCALE_TOO_LARGE"), (0.0005, "SCALE_TOO_SMALL"), (1.8, None)])
def test_scale_is_judged_in_metres(size: float, code: str | None) -> None:
    box = trimesh.creation.box(extents=(size, size / 2, size / 3))

    found = [item.code for item in report_of(asset_of(box)).items]

    assert found == ([code] if code else [])
