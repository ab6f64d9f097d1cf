"""Pixels of known models from known cameras: colour, background, silhouette area, textures."""

from __future__ import annotations

import colorsys
import math
from collections.abc import Callable

import numpy as np
import pytest
from scipy.spatial import ConvexHull

from app.geometry.render import LookAtCamera, Renderer, RenderOptions

FRONT = LookAtCamera(position=(0.0, 0.0, 3.0), target=(0.0, 0.0, 0.0))
SIZE = 256


def hue_deg(pixel: np.ndarray) -> float:
    red, green, blue = (float(channel) / 255.0 for channel in pixel[:3])
    return colorsys.rgb_to_hsv(red, green, blue)[0] * 360.0


def hue_distance(pixel: np.ndarray, expected_deg: float) -> float:
    difference = abs(hue_deg(pixel) - expected_deg) % 360.0
    return min(difference, 360.0 - difference)


def project(points: np.ndarray, camera: LookAtCamera, width: int, height: int) -> np.ndarray:
    """(column, row) pixel positions of world points through an ideal pinhole camera."""
    eye, target = np.asarray(camera.position), np.asarray(camera.target)
    forward = (target - eye) / np.linalg.norm(target - eye)
    right = np.cross(forward, camera.up)
    right /= np.linalg.norm(right)
    up = np.cross(right, forward)
    tan_half = math.tan(math.radians(camera.fov_y_deg) / 2.0)
    offsets = points - eye
    depth = offsets @ forward
    x = (offsets @ right) / (depth * tan_half * width / height)
    y = (offsets @ up) / (depth * tan_half)
    return np.stack([(x + 1) / 2 * width, (1 - y) / 2 * height], axis=1)


def sample(pixels: np.ndarray, points: np.ndarray, camera: LookAtCamera) -> np.ndarray:
    """The rendered pixels under world points."""
    height, width = pixels.shape[:2]
    columns, rows = project(points, camera, width, height).astype(int).T
    return pixels[rows, columns]


def test_unit_cube_shows_its_lit_colour_at_the_centre(renderer: Renderer, red_cube_glb: bytes):
    # Given a red unit cube seen face-on
    with renderer.load(red_cube_glb) as scene:
        # When it is rendered
        pixels = renderer.render_pixels(scene, FRONT, RenderOptions(width=SIZE, height=SIZE))
    # Then the centre is red and lit, not black and not washed out
    centre = pixels[SIZE // 2, SIZE // 2]
    assert hue_distance(centre, 0.0) < 10.0
    assert centre[0] > 120
    assert centre[1] < centre[0] / 2 and centre[2] < centre[0] / 2


def test_corners_show_the_background_colour(renderer: Renderer, red_cube_glb: bytes):
    # Given a background colour in sRGB
    options = RenderOptions(width=SIZE, height=SIZE, background=(0.2, 0.4, 0.6, 1.0))
    with renderer.load(red_cube_glb) as scene:
        # When the cube is rendered
        pixels = renderer.render_pixels(scene, FRONT, options)
    # Then every corner holds exactly that colour, opaque
    for row, column in ((0, 0), (0, -1), (-1, 0), (-1, -1)):
        assert np.abs(pixels[row, column].astype(int) - (51, 102, 153, 255)).max() <= 1


def test_silhouette_area_matches_the_projected_cube(renderer: Renderer, red_cube_glb: bytes):
    # Given an oblique camera that sees three faces of the unit cube
    camera = LookAtCamera(position=(1.6, 1.2, 2.4), target=(0.0, 0.0, 0.0), fov_y_deg=40.0)
    options = RenderOptions(width=320, height=240, background=None, samples=4)
    corners = np.array([[x, y, z] for x in (-0.5, 0.5) for y in (-0.5, 0.5) for z in (-0.5, 0.5)])
    with renderer.load(red_cube_glb) as scene:
        # When it is rendered on a transparent background
        pixels = renderer.render_pixels(scene, camera, options)
    # Then the covered area (antialiased alpha included) is the analytic projected hexagon's
    covered = pixels[:, :, 3].sum() / 255.0
    expected = ConvexHull(project(corners, camera, 320, 240)).volume
    assert abs(covered - expected) / expected < 0.01


def test_transparent_background_has_zero_alpha_at_the_corners(
    renderer: Renderer, red_cube_glb: bytes
):
    with renderer.load(red_cube_glb) as scene:
        pixels = renderer.render_pixels(
            scene, FRONT, RenderOptions(width=SIZE, height=SIZE, background=None))
    assert [int(pixels[row, column, 3]) for row, column in ((0, 0), (0, -1), (-1, 0), (-1, -1))] \
        == [0, 0, 0, 0]
    assert pixels[SIZE // 2, SIZE // 2, 3] == 255


def test_textured_quad_shows_each_texel_in_its_place(renderer: Renderer, textured_quad_glb: bytes):
    # Given a quad whose 2x2 texture is red, green over blue, yellow
    with renderer.load(textured_quad_glb) as scene:
        # When it is rendered face-on (the quad spans the middle 80% of the image)
        pixels = renderer.render_pixels(scene, FRONT, RenderOptions(width=SIZE, height=SIZE))
    # Then each quadrant shows its texel's hue, the right way up
    near, far = SIZE * 3 // 10, SIZE * 7 // 10
    expected = {(near, near): 0.0, (near, far): 120.0, (far, near): 240.0, (far, far): 60.0}
    for (row, column), hue in expected.items():
        assert hue_distance(pixels[row, column], hue) < 12.0, (row, column, pixels[row, column])


@pytest.mark.parametrize(
    ("wrap_s", "stripes"),
    [(10497, [0.0, 120.0, 0.0, 120.0]), (33648, [0.0, 120.0, 120.0, 0.0])],
    ids=["repeat", "mirrored-repeat"],
)
def test_sampler_wrap_mode_repeats_the_texture(
    renderer: Renderer, striped_quad_glb: Callable[[int], bytes], wrap_s: int,
    stripes: list[float],
):
    # Given a red | green texture stretched over U 0..2 with a wrap mode
    with renderer.load(striped_quad_glb(wrap_s)) as scene:
        pixels = renderer.render_pixels(scene, FRONT, RenderOptions(width=SIZE, height=SIZE))
    # Then the four vertical stripes across the quad follow that wrap mode
    centres = np.array([[x, 0.0, 0.0] for x in (-0.75, -0.25, 0.25, 0.75)])
    for pixel, hue in zip(sample(pixels, centres, FRONT), stripes, strict=True):
        assert hue_distance(pixel, hue) < 12.0, (pixel, hue)


def test_asset_without_normals_renders_with_flat_faces(
    renderer: Renderer, cube_without_normals_glb: bytes
):
    # Given a cube with positions and indices only, seen so that three faces show
    camera = LookAtCamera(position=(2.0, 1.5, 2.5), target=(0.0, 0.0, 0.0))
    with renderer.load(cube_without_normals_glb) as scene:
        # When it is rendered
        pixels = renderer.render_pixels(scene, camera, RenderOptions(width=SIZE, height=SIZE))
    # Then each visible face is red, and faces differ in shading (flat normals were made)
    front, right, top = sample(pixels, np.array([[0, 0, 0.5], [0.5, 0, 0], [0, 0.5, 0]]), camera)
    for face in (front, right, top):
        assert hue_distance(face, 0.0) < 10.0 and face[0] > 60
    assert len({int(front[0]), int(right[0]), int(top[0])}) == 3
    # And both triangles of the front face, whichever way it is split, share one flat shade
    quarters = np.array([[x, y, 0.5] for x in (-0.3, 0.3) for y in (-0.3, 0.3)])
    shades = sample(pixels, quarters, camera).astype(int)
    assert np.ptp(shades[:, :3], axis=0).max() <= 3


def test_vertex_colours_tint_the_surface(renderer: Renderer, vertex_colored_cube_glb: bytes):
    with renderer.load(vertex_colored_cube_glb) as scene:
        pixels = renderer.render_pixels(scene, FRONT, RenderOptions(width=SIZE, height=SIZE))
    assert hue_distance(pixels[SIZE // 2, SIZE // 2], 120.0) < 10.0


def test_blended_material_keeps_its_alpha_over_a_transparent_background(
    renderer: Renderer, half_transparent_quad_glb: bytes
):
    with renderer.load(half_transparent_quad_glb) as scene:
        pixels = renderer.render_pixels(
            scene, FRONT, RenderOptions(width=SIZE, height=SIZE, background=None))
    centre = pixels[SIZE // 2, SIZE // 2]
    assert abs(int(centre[3]) - 128) <= 3
    assert hue_distance(centre, 0.0) < 10.0


def test_back_of_a_single_sided_surface_is_culled(
    renderer: Renderer, single_sided_quad_glb: bytes
):
    behind = LookAtCamera(position=(0.0, 0.0, -3.0), target=(0.0, 0.0, 0.0))
    with renderer.load(single_sided_quad_glb) as scene:
        pixels = renderer.render_pixels(
            scene, behind, RenderOptions(width=SIZE, height=SIZE, background=None))
    assert pixels[:, :, 3].max() == 0


def test_back_of_a_double_sided_surface_is_lit_like_its_front(
    renderer: Renderer, double_sided_quad_glb: bytes
):
    # Given a double-sided quad, seen from the front and from behind
    behind = LookAtCamera(position=(0.0, 0.0, -3.0), target=(0.0, 0.0, 0.0))
    options = RenderOptions(width=SIZE, height=SIZE)
    with renderer.load(double_sided_quad_glb) as scene:
        front = renderer.render_pixels(scene, FRONT, options)[SIZE // 2, SIZE // 2]
        back = renderer.render_pixels(scene, behind, options)[SIZE // 2, SIZE // 2]
    # Then the back is shaded with its normal turned to the viewer, as lit as the front (the
    # camera rig turns with the camera; the studio environment, fixed in the world, differs a
    # little between the two sides)
    assert hue_distance(back, 0.0) < 10.0
    assert abs(int(back[0]) - int(front[0])) <= 8
