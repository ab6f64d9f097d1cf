"""TEXTURES: images shrink and change encoding the way each format can hold them."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import trimesh
from PIL import Image

from app.geometry.convert import OptimizeOptions, OptimizePreset, OutputFormat, convert_glb
from tests.geometry.convert.readers import glb_document, unzip
from tests.geometry.convert.sources import checker_image, export_glb, textured_box
from tests.support.gltf_validator import khronos_errors

TEXTURES = OptimizePreset.TEXTURES


def test_textures_are_resized_and_reencoded(textured_box_glb: Path, tmp_path: Path) -> None:
    # given a box with a 64x64 PNG texture
    settings = OptimizeOptions(TEXTURES, max_texture_size=16, texture_format="JPEG")
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
    settings = OptimizeOptions(TEXTURES, texture_format="WEBP")
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
    settings = OptimizeOptions(TEXTURES, texture_format="JPEG", max_texture_size=32)
    result = convert_glb(source, OutputFormat.USDZ, settings, tmp_path)
    # then the texture keeps its alpha as a 32x32 PNG inside the USDZ
    with zipfile.ZipFile(result.path) as archive:
        name = next(n for n in archive.namelist() if n.endswith((".png", ".jpg")))
        image = Image.open(io.BytesIO(archive.read(name)))
    assert (image.format, image.size, image.mode) == ("PNG", (32, 32), "RGBA")
