"""The GLBs these tests render are valid glTF by Khronos's validator, so failures are ours."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.support.gltf_validator import khronos_reports


def test_fixture_glbs_pass_the_khronos_validator(
    tmp_path: Path,
    red_cube_glb: bytes,
    cube_without_normals_glb: bytes,
    textured_quad_glb: bytes,
    vertex_colored_cube_glb: bytes,
    half_transparent_quad_glb: bytes,
    double_sided_quad_glb: bytes,
    cameras_glb: bytes,
    lit_cube_glb: Callable[[list[float]], bytes],
):
    glbs = {
        "red_cube": red_cube_glb,
        "cube_without_normals": cube_without_normals_glb,
        "textured_quad": textured_quad_glb,
        "vertex_colored_cube": vertex_colored_cube_glb,
        "half_transparent_quad": half_transparent_quad_glb,
        "double_sided_quad": double_sided_quad_glb,
        "cameras": cameras_glb,
        "lit_cube": lit_cube_glb([0.0, 0.0, 0.0, 1.0]),
    }
    paths = []
    for name, data in glbs.items():
        paths.append(tmp_path / f"{name}.glb")
        paths[-1].write_bytes(data)
    reports = khronos_reports(*paths)
    errors = {
        path.stem: [message for message in report["issues"]["messages"] if message["severity"] == 0]
        for path, report in zip(paths, reports, strict=True)
    }
    assert errors == {name: [] for name in glbs}
