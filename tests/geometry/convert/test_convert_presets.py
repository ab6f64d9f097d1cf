"""WELD, SIMPLIFY, COMPRESS and TEXTURES do what they promise, and their GLBs stay valid."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import numpy as np
import pytest
import trimesh
from PIL import Image

from app.geometry.convert import OptimizeOptions, OptimizePreset, OutputFormat, convert_glb
from tests.geometry.convert.readers import (
    glb_document,
    meshopt_decoded,
    trimesh_geometry,
    unzip,
)
from tests.geometry.convert.sources import checker_image, export_glb, textured_box
from tests.support.gltf_validator import khronos_errors, khronos_reports

COMPRESS = OptimizePreset.COMPRESS


def options(preset: OptimizePreset, **settings: object) -> OptimizeOptions:
    return OptimizeOptions(preset=preset, **settings)  # type: ignore[arg-type]


def test_weld_merges_duplicates_and_drops_degenerate_triangles(tmp_path: Path) -> None:
    # given a box stored twice over (every vertex duplicated) plus two degenerate triangles
    box = trimesh.creation.box()
    vertices = np.concatenate([box.vertices, box.vertices])
    faces = np.concatenate([box.faces[:6], box.faces[6:] + 8, [[0, 0, 1], [0, 8, 1]]])
    source = export_glb(trimesh.Trimesh(vertices, faces, process=False), tmp_path / "dup.glb")
    # when it is welded
    result = convert_glb(source, OutputFormat.GLB, options(OptimizePreset.WELD), tmp_path)
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
    result = convert_glb(hierarchy_glb, OutputFormat.GLB, options(OptimizePreset.WELD), tmp_path)
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
    result = convert_glb(source, OutputFormat.GLB, options(OptimizePreset.WELD), tmp_path)
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
    settings = options(OptimizePreset.SIMPLIFY, target_triangles=1000)
    result = convert_glb(grid_glb, OutputFormat.GLB, settings, tmp_path)
    # then it lands within 5% of the target, with bounds within 1%, as valid glTF
    output = trimesh_geometry(result.path)
    assert output.triangles == result.triangle_count
    assert abs(output.triangles - 1000) <= 50
    extent = source.bounds[1] - source.bounds[0]
    assert np.all(np.abs(output.bounds - source.bounds) <= 0.01 * extent.max())
    assert khronos_errors(result.path) == []


def test_simplify_by_ratio_keeps_uv_seam_vertices(seamed_grid_glb: Path, tmp_path: Path) -> None:
    # given a grid cut into two UV islands along its middle column
    source = trimesh.load(seamed_grid_glb, process=False).to_mesh()
    # when a quarter of its triangles are kept
    result = convert_glb(seamed_grid_glb, OutputFormat.GLB,
                         options(OptimizePreset.SIMPLIFY, ratio=0.25), tmp_path)
    output = trimesh.load(result.path, process=False).to_mesh()
    # then the count is within 5% and every seam vertex keeps its position and both UVs
    assert abs(len(output.faces) - 0.25 * len(source.faces)) <= 0.05 * 0.25 * len(source.faces)

    def corners(mesh: trimesh.Trimesh) -> set[tuple[float, ...]]:
        rows = np.column_stack([mesh.vertices, mesh.visual.uv]).round(5)
        return set(map(tuple, rows.tolist()))

    duplicated = trimesh.grouping.group_rows(np.round(source.vertices, 6), require_count=2)
    seam = trimesh.Trimesh(source.vertices[np.concatenate(duplicated)], process=False)
    seam.visual = trimesh.visual.TextureVisuals(uv=source.visual.uv[np.concatenate(duplicated)])
    assert len(duplicated) == 41
    assert corners(seam) <= corners(output)


@pytest.mark.parametrize("quantize", [True, False])
def test_meshopt_compress_is_smaller_and_decodes_to_the_same_mesh(
    grid_glb: Path, tmp_path: Path, quantize: bool
) -> None:
    # given the grid converted plainly and with EXT_meshopt_compression
    plain = convert_glb(grid_glb, OutputFormat.GLB, OptimizeOptions(), tmp_path, stem="plain")
    settings = options(COMPRESS, compression="MESHOPT", quantize=quantize)
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
    packed = convert_glb(grid_glb, OutputFormat.GLB, options(COMPRESS, compression="DRACO"),
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
    result = convert_glb(grid_glb, OutputFormat.GLTF, options(COMPRESS, compression=compression),
                         tmp_path)
    # when the unzipped .gltf is validated
    gltf = unzip(result.path, tmp_path / "unzipped") / "scene.gltf"
    # then it has no errors
    assert khronos_errors(gltf) == []


def test_textures_are_resized_and_reencoded(textured_box_glb: Path, tmp_path: Path) -> None:
    # given a box with a 64x64 PNG texture
    settings = options(OptimizePreset.TEXTURES, max_texture_size=16, texture_format="JPEG")
    # when its textures are limited to 16 pixels as JPEG, for GLB and for OBJ
    glb = convert_glb(textured_box_glb, OutputFormat.GLB, settings, tmp_path)
    obj = convert_glb(textured_box_glb, OutputFormat.OBJ, settings, tmp_path)
    # then the GLB's image is a 16x16 JPEG, the OBJ zip's too, and the GLB is valid
    texture = trimesh.load(glb.path).to_mesh().visual.material.baseColorTexture
    assert texture.size == (16, 16)
    assert glb_document(glb.path)["images"][0]["mimeType"] == "image/jpeg"
    with Image.open(unzip(obj.path, tmp_path / "obj") / "texture_000.jpg") as image:
        assert (image.format, image.size) == ("JPEG", (16, 16))
    assert khronos_errors(glb.path) == []


def test_webp_textures_use_ext_texture_webp(textured_box_glb: Path, tmp_path: Path) -> None:
    # given a textured box
    settings = options(OptimizePreset.TEXTURES, texture_format="WEBP")
    # when its textures become WebP
    result = convert_glb(textured_box_glb, OutputFormat.GLB, settings, tmp_path)
    document = glb_document(result.path)
    # then each texture refers to its image through the extension, and the file is valid
    assert document["extensionsRequired"] == ["EXT_texture_webp"]
    assert document["images"][0]["mimeType"] == "image/webp"
    assert document["textures"][0]["extensions"]["EXT_texture_webp"] == {"source": 0}
    assert khronos_errors(result.path) == []


def test_transparent_textures_stay_png_when_jpeg_is_asked(tmp_path: Path) -> None:
    # given a box whose texture is half transparent
    source = export_glb(textured_box(checker_image(alpha=True)), tmp_path / "alpha.glb")
    # when JPEG is asked for
    settings = options(OptimizePreset.TEXTURES, texture_format="JPEG", max_texture_size=32)
    result = convert_glb(source, OutputFormat.USDZ, settings, tmp_path)
    # then the texture keeps its alpha as a 32x32 PNG inside the USDZ
    with zipfile.ZipFile(result.path) as archive:
        name = next(n for n in archive.namelist() if n.endswith((".png", ".jpg")))
        image = Image.open(io.BytesIO(archive.read(name)))
    assert (image.format, image.size, image.mode) == ("PNG", (32, 32), "RGBA")
