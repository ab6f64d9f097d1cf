"""Broken and hostile USD uploads end with a precise code, and USD reads nothing beside them."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.errors import ErrorCode
from app.geometry.ingest import IngestLimits, ingest_path
from tests.geometry.ingest import uploads, usd_uploads
from tests.geometry.ingest.test_ingest_hostile import failure


def test_a_truncated_usdc_is_corrupt(tmp_path: Path) -> None:
    data = usd_uploads.sample("crate.usdc")

    error = failure(tmp_path, data[:len(data) // 2], "crate.usdc")

    assert error.code is ErrorCode.CORRUPT_FILE
    assert "usd-core cannot read" in error.message
    assert str(tmp_path) not in error.message


def test_a_usda_syntax_error_is_corrupt_and_says_where(tmp_path: Path) -> None:
    data = b'#usda 1.0\ndef Mesh "Quad" {\n    point3f[] points = [(0, 0, 0)\n}\n'

    error = failure(tmp_path, data, "quad.usda")

    assert error.code is ErrorCode.CORRUPT_FILE
    assert "model.usda:" in error.message and "atelier-usd-" not in error.message


def test_a_usdz_without_its_texture_is_missing_a_resource(tmp_path: Path) -> None:
    package = usd_uploads.usdz_of({"quad.usda": usd_uploads.quad_layer(texture="gone.png")})

    error = failure(tmp_path, package, "quad.usdz")

    assert error.code is ErrorCode.MISSING_RESOURCE and "gone.png" in error.message


@pytest.mark.parametrize("texture", ["/etc/hostname", "../../../../etc/hostname"])
def test_a_usdz_texture_outside_the_package_is_unsafe(tmp_path: Path, texture: str) -> None:
    package = usd_uploads.usdz_of({"quad.usda": usd_uploads.quad_layer(texture=texture)})

    error = failure(tmp_path, package, "quad.usdz")

    assert error.code is ErrorCode.UNSAFE_REFERENCE


def test_a_texture_bomb_in_a_usdz_is_refused_before_decoding(tmp_path: Path) -> None:
    package = usd_uploads.usdz_of({"quad.usda": usd_uploads.quad_layer(texture="big.png"),
                                   "big.png": uploads.png_bytes((64, 64))})

    error = failure(tmp_path, package, "quad.usdz", IngestLimits(max_image_pixels=1000))

    assert error.code is ErrorCode.LIMIT_EXCEEDED and "big.png" in error.message


@pytest.mark.parametrize(("arcs", "code"), [
    ({"sublayer": "/etc/passwd"}, ErrorCode.UNSAFE_REFERENCE),
    ({"reference": "../outside.usda"}, ErrorCode.UNSAFE_REFERENCE),
    ({"reference": "beside.usda"}, ErrorCode.MISSING_RESOURCE),
])
def test_a_lone_layer_composes_no_other_file(tmp_path: Path, arcs: dict[str, str],
                                             code: ErrorCode) -> None:
    (tmp_path / "beside.usda").write_text('#usda 1.0\ndef Xform "Beside" {}\n')

    error = failure(tmp_path, usd_uploads.quad_layer(**arcs), "quad.usda")

    assert error.code is code


def test_a_usdz_layer_may_reference_another_of_its_package(tmp_path: Path) -> None:
    quad = usd_uploads.quad_layer(reference="parts/quad.usda")
    package = usd_uploads.usdz_of({"main.usda": quad,
                                   "parts/quad.usda": usd_uploads.quad_layer()})
    source, output = tmp_path / "main.usdz", tmp_path / "out.glb"
    source.write_bytes(package)

    summary = ingest_path(source, "main.usdz", output)

    assert summary.stats["triangle_count"] == 4  # its own quad and the referenced one


def test_value_clips_are_refused(tmp_path: Path) -> None:
    error = failure(tmp_path, usd_uploads.quad_layer(clip="/etc/clip.usda"), "quad.usda")

    assert error.code is ErrorCode.UNSUPPORTED_FORMAT and "/Quad" in error.message


def test_a_stage_without_faces_has_no_geometry(tmp_path: Path) -> None:
    error = failure(tmp_path, b'#usda 1.0\ndef Xform "Empty" {}\n', "empty.usda")

    assert error.code is ErrorCode.NO_GEOMETRY


def test_the_triangle_cap_applies(tmp_path: Path) -> None:
    error = failure(tmp_path, usd_uploads.sample("crate.usda"), "crate.usda",
                    IngestLimits(max_triangles=10))

    assert error.code is ErrorCode.LIMIT_EXCEEDED


def test_a_face_index_past_the_points_is_corrupt(tmp_path: Path) -> None:
    layer = usd_uploads.quad_layer().replace(b"[0, 1, 2, 3]", b"[0, 1, 2, 9]")

    error = failure(tmp_path, layer, "quad.usda")

    assert error.code is ErrorCode.CORRUPT_FILE and "/Quad" in error.message
