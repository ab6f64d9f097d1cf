"""The glTF's KHR_lights_punctual lights replace the default rig and light the faces they face."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pytest

from app.geometry.render import LookAtCamera, Renderer, RenderOptions

# From (2, 0, 2) the cube's +Z face fills the left half of the image, its +X face the right.
CORNER_VIEW = LookAtCamera(position=(2.0, 0.0, 2.0), target=(0.0, 0.0, 0.0))
QUARTER_TURN_ABOUT_Y = [0.0, math.sin(math.pi / 4), 0.0, math.cos(math.pi / 4)]
FACING_DOWN_Z = [0.0, 0.0, 0.0, 1.0]


def face_brightness(pixels: np.ndarray) -> tuple[float, float]:
    """Mean brightness of a patch on the +Z face and one on the +X face."""
    plus_z = pixels[60:68, 38:46, :3].mean()
    plus_x = pixels[60:68, 82:90, :3].mean()
    return float(plus_z), float(plus_x)


@pytest.mark.parametrize(
    ("rotation", "lit_face"),
    [(QUARTER_TURN_ABOUT_Y, "+X"), (FACING_DOWN_Z, "+Z")],
)
def test_directional_light_lights_the_face_it_shines_on(
    renderer: Renderer, lit_cube_glb: Callable[[list[float]], bytes], rotation: list[float],
    lit_face: str,
):
    # Given a cube whose only light shines along its node's -Z, turned by `rotation`
    with renderer.load(lit_cube_glb(rotation)) as scene:
        # When seen from a corner that shows both the +Z and the +X face
        pixels = renderer.render_pixels(scene, CORNER_VIEW, RenderOptions(width=128, height=128))
    plus_z, plus_x = face_brightness(pixels)
    # Then the face the light shines on is far brighter than the one it grazes
    lit, unlit = (plus_x, plus_z) if lit_face == "+X" else (plus_z, plus_x)
    assert lit > unlit + 60
