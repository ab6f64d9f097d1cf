"""COMPRESS: smaller files that decode, with independent decoders, to the same meshes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from app.geometry.convert import OptimizeOptions, OptimizePreset, OutputFormat, convert_glb
from tests.geometry.convert.readers import glb_document, meshopt_decoded, trimesh_geometry, unzip
from tests.support.gltf_validator import khronos_errors, khronos_reports

COMPRESS = OptimizePreset.COMPRESS


@pytest.mark.parametrize("quantize", [True, False])
def test_meshopt_compress_is_smaller_and_decodes_to_the_same_mesh(
    grid_glb: Path, tmp_path: Path, quantize: bool
) -> None:
    # given the grid converted plainly and with EXT_meshopt_compression
    plain = convert_glb(grid_glb, OutputFormat.GLB, OptimizeOptions(), tmp_path, stem="plain")
    settings = OptimizeOptions(COMPRESS, compression="MESHOPT", quantize=quantize)
    packed = convert_glb(grid_glb, OutputFormat.GLB, settings, tmp_path)
    # when meshoptimizer's own JS decoder unpacks it
    decoded = meshopt_decoded(packed.path, tmp_path / "decoded.glb")
    # then it was smaller, decodes to the same triangles and bounds, and both files are valid
    assert packed.path.stat().st_size < plain.path.stat().st_size
    source, output = trimesh_geometry(grid_glb), trimesh_geometry(decoded)
    assert output.triangles == source.triangles == packed.triangle_count
    np.testing.assert_allclose(output.bounds, source.bounds, atol=1e-4 if quantize else 0)
    assert "EXT_meshopt_compression" in glb_document(packed.path)["extensionsRequired"]
    reports = khronos_reports(packed.path, decoded)
    assert [r["issues"]["numErrors"] for r in reports] == [0, 0]


def test_draco_compress_is_smaller_and_decodes_to_the_same_mesh(
    grid_glb: Path, tmp_path: Path
) -> None:
    # given the grid converted plainly and with KHR_draco_mesh_compression
    plain = convert_glb(grid_glb, OutputFormat.GLB, OptimizeOptions(), tmp_path, stem="plain")
    packed = convert_glb(grid_glb, OutputFormat.GLB, OptimizeOptions(COMPRESS, compression="DRACO"),
                         tmp_path)
    # when trimesh decodes it (through DracoPy)
    output, source = trimesh_geometry(packed.path), trimesh_geometry(grid_glb)
    # then it is far smaller, holds the same triangles and bounds, and is valid glTF
    assert packed.path.stat().st_size < plain.path.stat().st_size
    assert output.triangles == source.triangles == packed.triangle_count
    np.testing.assert_allclose(output.bounds, source.bounds, atol=1e-3)
    assert glb_document(packed.path)["extensionsRequired"] == ["KHR_draco_mesh_compression"]
    assert khronos_errors(packed.path) == []


@pytest.mark.parametrize("compression", ["MESHOPT", "DRACO"])
def test_compressed_gltf_zip_is_valid(grid_glb: Path, tmp_path: Path, compression: str) -> None:
    # given the grid compressed into a glTF zip
    settings = OptimizeOptions(COMPRESS, compression=compression)  # type: ignore[arg-type]
    result = convert_glb(grid_glb, OutputFormat.GLTF, settings, tmp_path)
    # when the unzipped .gltf is validated
    gltf = unzip(result.path, tmp_path / "unzipped") / "scene.gltf"
    # then it has no errors
    assert khronos_errors(gltf) == []
