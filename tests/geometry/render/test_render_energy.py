"""Energy of the punctual lights' specular: a rough metal gets back the light single-scattering
GGX loses, as three.js's MeshStandardMaterial does (tests/e2e/test_render_threejs.py measures
the agreement)."""

from __future__ import annotations

import math

import numpy as np

from app.geometry.render import LookAtCamera, Renderer, RenderOptions
from app.geometry.render.color_space import srgb_to_linear
from tests.geometry.render.conftest import GlbWriter, mesh_node

HEAD_ON = LookAtCamera(position=(0.0, 0.0, 3.0), target=(0.0, 0.0, 0.0), fov_y_deg=20.0)
# Karis's split-sum fit at roughness 1 seen head-on: scale 0.4524 + bias -0.0028 of F0.
SINGLE_SCATTER_ALBEDO = 0.4496


def rough_white_metal_quad(light_intensity: float) -> bytes:
    """A 2x2 quad facing +Z, white metal of roughness 1, lit head-on by one directional light
    (a light node points down its -Z)."""
    writer = GlbWriter()
    positions = np.array([[-1, -1, 0], [1, -1, 0], [1, 1, 0], [-1, 1, 0]])
    material = {"pbrMetallicRoughness": {"baseColorFactor": [1.0, 1.0, 1.0, 1.0],
                                         "metallicFactor": 1.0, "roughnessFactor": 1.0}}
    quad = mesh_node(writer, {"POSITION": positions, "NORMAL": np.tile([0, 0, 1], (4, 1))},
                     np.array([0, 1, 2, 0, 2, 3]), material)
    writer.document["extensionsUsed"] = ["KHR_lights_punctual"]
    writer.document["extensions"] = {"KHR_lights_punctual": {"lights": [
        {"type": "directional", "intensity": light_intensity}]}}
    light = writer.add("nodes", {"extensions": {"KHR_lights_punctual": {"light": 0}}})
    return writer.glb([quad, light])


def centre_linear(renderer: Renderer, glb: bytes) -> float:
    """The centre pixel's red channel as linear light before tone mapping (PBR Neutral only
    subtracts 0.04 between its toe and its shoulder)."""
    with renderer.load(glb) as scene:
        pixels = renderer.render_pixels(scene, HEAD_ON, RenderOptions(width=64, height=64))
    srgb = float(pixels[32, 32, 0]) / 255.0
    linear = float(srgb_to_linear(np.array(srgb)))
    assert 0.08 < linear < 0.72, "outside PBR Neutral's linear range"
    return linear + 0.04


def test_rough_metal_specular_is_compensated_for_multiple_scattering(renderer: Renderer):
    # Given the same rough white metal lit with one more unit of light
    dimmer = centre_linear(renderer, rough_white_metal_quad(0.5))
    brighter = centre_linear(renderer, rough_white_metal_quad(1.5))
    # Then the extra light reflects GGX's single-scattering share (D = 1/pi, V = 1/4 head-on
    # at roughness 1) divided by its albedo: 0.177 rather than 0.080 uncompensated
    expected = 1.0 / (4.0 * math.pi) / SINGLE_SCATTER_ALBEDO
    assert abs((brighter - dimmer) - expected) < 0.1 * expected
