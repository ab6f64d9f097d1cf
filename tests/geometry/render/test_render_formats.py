"""Encoded output: each format decodes with Pillow at the requested size; alpha kept where asked."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from app.geometry.render import IMAGE_FORMATS, Renderer, RenderOptions


@pytest.mark.parametrize("image_format", IMAGE_FORMATS)
def test_each_format_decodes_at_the_requested_size(
    renderer: Renderer, red_cube_glb: bytes, image_format: str
):
    # Given a non-square request
    options = RenderOptions(width=96, height=64, format=image_format, quality=80)
    with renderer.load(red_cube_glb) as scene:
        # When the scene is rendered to bytes
        encoded = renderer.render(scene, options=options)
    # Then Pillow reads back that format at that size
    with Image.open(io.BytesIO(encoded)) as image:
        assert (image.format, image.size) == (image_format, (96, 64))
        assert image.mode == "RGB"


@pytest.mark.parametrize("image_format", ["PNG", "WEBP"])
def test_transparent_background_is_kept_as_alpha(
    renderer: Renderer, red_cube_glb: bytes, image_format: str
):
    options = RenderOptions(width=64, height=64, format=image_format, background=None)
    with renderer.load(red_cube_glb) as scene:
        encoded = renderer.render(scene, options=options)
    with Image.open(io.BytesIO(encoded)) as image:
        assert image.mode == "RGBA"
        assert image.getpixel((0, 0))[3] == 0
        assert image.getpixel((32, 32))[3] == 255
