"""Bad options, deployment limits and unrenderable files fail with their error codes."""

from __future__ import annotations

import pickle
from collections.abc import Iterator

import numpy as np
import pytest

from app.errors import AtelierError, ErrorCode
from app.geometry.gltf_io import build_glb
from app.geometry.render import LookAtCamera, Renderer, RenderLimits, RenderOptions


@pytest.fixture(scope="module")
def strict_renderer() -> Iterator[Renderer]:
    limits = RenderLimits(max_width=64, max_height=48, max_samples=2, max_triangles=10,
                          max_texture_pixels=3)
    with Renderer(limits) as strict:
        yield strict


@pytest.mark.parametrize(
    ("options", "code", "field"),
    [
        ({"width": 0}, ErrorCode.INVALID_INPUT, "width"),
        ({"height": -4}, ErrorCode.INVALID_INPUT, "height"),
        ({"format": "GIF"}, ErrorCode.UNSUPPORTED_FORMAT, "format"),
        ({"quality": 0}, ErrorCode.INVALID_INPUT, "quality"),
        ({"samples": -1}, ErrorCode.INVALID_INPUT, "samples"),
        ({"background": (1.5, 0.0, 0.0, 1.0)}, ErrorCode.INVALID_INPUT, "background"),
        ({"background": (1.0, 0.0, 0.0)}, ErrorCode.INVALID_INPUT, "background"),
        ({"format": "JPEG", "background": None}, ErrorCode.UNSUPPORTED_OPTION, "background"),
    ],
)
def test_invalid_options_are_rejected_with_a_code(options: dict, code: ErrorCode, field: str):
    with pytest.raises(AtelierError) as raised:
        RenderOptions(**options)
    assert raised.value.code == code
    assert raised.value.field == [field]


@pytest.mark.parametrize(
    ("options", "field"),
    [({"width": 65, "height": 48}, "width"), ({"width": 64, "height": 49}, "height"),
     ({"width": 32, "height": 32, "samples": 4}, "samples")],
)
def test_options_past_the_limits_raise_limit_exceeded(
    strict_renderer: Renderer, half_transparent_quad_glb: bytes, options: dict, field: str
):
    with strict_renderer.load(half_transparent_quad_glb) as scene, pytest.raises(
            AtelierError) as raised:
        strict_renderer.render(scene, options=RenderOptions(**options))
    assert raised.value.code == ErrorCode.LIMIT_EXCEEDED
    assert raised.value.field == [field]
    assert "limit" in raised.value.message


def test_options_at_the_limits_render(strict_renderer: Renderer, half_transparent_quad_glb: bytes):
    with strict_renderer.load(half_transparent_quad_glb) as scene:
        pixels = strict_renderer.render_pixels(
            scene, options=RenderOptions(width=64, height=48, samples=2))
    assert pixels.shape == (48, 64, 4)


def test_too_many_triangles_raise_limit_exceeded(strict_renderer: Renderer, red_cube_glb: bytes):
    with pytest.raises(AtelierError) as raised:
        strict_renderer.load(red_cube_glb)
    assert raised.value.code == ErrorCode.LIMIT_EXCEEDED
    assert "12 triangles" in raised.value.message


def test_too_large_texture_raises_limit_exceeded(
    strict_renderer: Renderer, textured_quad_glb: bytes
):
    with pytest.raises(AtelierError) as raised:
        strict_renderer.load(textured_quad_glb)
    assert raised.value.code == ErrorCode.LIMIT_EXCEEDED
    assert "2x2 texture" in raised.value.message


def test_texture_wider_than_the_size_limit_is_downscaled_not_rejected(
    textured_quad_glb: bytes,
):
    # Given a renderer that allows 1x1 textures, and a 2x2 texture of four colours
    with Renderer(RenderLimits(max_texture_size=1)) as renderer, renderer.load(
            textured_quad_glb) as scene:
        pixels = renderer.render_pixels(
            scene, LookAtCamera((0.0, 0.0, 3.0), (0.0, 0.0, 0.0)),
            RenderOptions(width=64, height=64, background=None))
    # Then it renders, every quadrant the one colour the four texels average to
    quadrants = pixels[[20, 20, 44, 44], [20, 44, 20, 44]].astype(int)
    assert (quadrants[:, 3] == 255).all()
    assert np.ptp(quadrants[:, :3], axis=0).max() <= 2
    assert quadrants[0, 0] > quadrants[0, 2] + 40  # red + green over blue: a dim yellow


def test_scene_without_meshes_is_no_geometry(renderer: Renderer):
    glb = build_glb({"asset": {"version": "2.0"}, "scene": 0, "scenes": [{"nodes": [0]}],
                     "nodes": [{"name": "empty"}]}, b"")
    with pytest.raises(AtelierError) as raised:
        renderer.load(glb)
    assert raised.value.code == ErrorCode.NO_GEOMETRY


def test_points_only_mesh_is_no_geometry(renderer: Renderer, points_glb: bytes):
    with pytest.raises(AtelierError) as raised:
        renderer.load(points_glb)
    assert raised.value.code == ErrorCode.NO_GEOMETRY


def test_bytes_that_are_not_a_glb_are_corrupt(renderer: Renderer):
    with pytest.raises(AtelierError) as raised:
        renderer.load(b"solid cube\nendsolid cube\n")
    assert raised.value.code == ErrorCode.CORRUPT_FILE


def test_draco_compressed_meshes_are_unsupported(renderer: Renderer):
    glb = build_glb({"asset": {"version": "2.0"}, "extensionsUsed": ["KHR_draco_mesh_compression"],
                     "extensionsRequired": ["KHR_draco_mesh_compression"]}, b"")
    with pytest.raises(AtelierError) as raised:
        renderer.load(glb)
    assert raised.value.code == ErrorCode.UNSUPPORTED_FORMAT


def test_fields_of_the_wrong_type_are_corrupt(renderer: Renderer):
    glb = build_glb({"asset": {"version": "2.0"}, "scenes": [{"nodes": [0]}],
                     "nodes": [{"mesh": "first"}], "meshes": [{"primitives": []}]}, b"")
    with pytest.raises(AtelierError) as raised:
        renderer.load(glb)
    assert raised.value.code == ErrorCode.CORRUPT_FILE
    assert "malformed" in raised.value.message


def test_index_past_the_vertices_is_corrupt(renderer: Renderer, out_of_range_index_glb: bytes):
    with pytest.raises(AtelierError) as raised:
        renderer.load(out_of_range_index_glb)
    assert raised.value.code == ErrorCode.CORRUPT_FILE


def test_render_errors_survive_pickling(strict_renderer: Renderer, red_cube_glb: bytes):
    # Workers raise these in child processes, so they must cross a process boundary intact
    with pytest.raises(AtelierError) as raised:
        strict_renderer.load(red_cube_glb)
    copy = pickle.loads(pickle.dumps(raised.value))
    assert (type(copy), copy.code, copy.message) == (
        type(raised.value), raised.value.code, raised.value.message)
