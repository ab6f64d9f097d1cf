"""Which lights a render uses, packed as the shader's uniform arrays.

A scene with KHR_lights_punctual lights is lit by them alone (intensities as the glTF gives
them, like Khronos's sample viewer at exposure 1), keeping the author's intent. A scene without
lights gets a three-point rig fixed to the camera, so every side of a turntable is lit alike.
Both are also lit by the studio environment (environment.py); the first directional or spot
light (the rig's key) casts shadows. The path tracer stands a constant sky/ground average in
for the environment (`AMBIENT_SKY`, `AMBIENT_GROUND`).
"""

from __future__ import annotations

import math

import numpy as np

from app.geometry.render.scene_data import Light
from app.geometry.render.transforms import Matrix

MAX_LIGHTS = 16  # the shader's array size; scene lights past it are not drawn
LIGHT_KINDS = {"directional": 0, "point": 1, "spot": 2}
AMBIENT_SKY = (0.26, 0.26, 0.28)
AMBIENT_GROUND = (0.10, 0.09, 0.08)

# Where each rig light comes from in camera space (x right, y up, +z towards the viewer).
_RIG: tuple[tuple[tuple[float, float, float], float], ...] = (
    ((-0.5, 0.8, 0.6), 2.6),  # key: upper left, in front
    ((0.9, 0.0, 0.5), 0.7),  # fill: right, softer, lifts the key's shadows
    ((0.3, 0.5, -1.0), 1.5),  # rim: from behind, outlines the silhouette
)


def lights_for_view(scene_lights: list[Light], view: Matrix) -> list[Light]:
    return scene_lights[:MAX_LIGHTS] if scene_lights else camera_rig(view)


def shadow_caster(lights: list[Light]) -> int | None:
    """The index of the light that casts shadows: the first directional or spot light."""
    return next((index for index, light in enumerate(lights[:MAX_LIGHTS])
                 if light.kind in ("directional", "spot")), None)


def camera_rig(view: Matrix) -> list[Light]:
    """Key, fill and rim directional lights, turned with the camera."""
    camera_to_world = view[:3, :3].T
    rig = []
    for source, intensity in _RIG:
        towards_light = camera_to_world @ (np.asarray(source) / np.linalg.norm(source))
        rig.append(Light(
            kind="directional",
            color=(intensity, intensity, intensity),
            direction=tuple(-towards_light),
        ))
    return rig


def light_uniforms(lights: list[Light]) -> dict[str, bytes]:
    """The lights as fixed-size uniform arrays (unused slots zero) plus `u_light_count`."""
    kinds = np.zeros(MAX_LIGHTS, dtype=np.int32)
    vectors = {name: np.zeros((MAX_LIGHTS, 3), dtype=np.float32)
               for name in ("u_light_color", "u_light_position", "u_light_direction")}
    ranges = np.zeros(MAX_LIGHTS, dtype=np.float32)
    cones = np.zeros((MAX_LIGHTS, 2), dtype=np.float32)
    for slot, light in enumerate(lights[:MAX_LIGHTS]):
        kinds[slot] = LIGHT_KINDS[light.kind]
        vectors["u_light_color"][slot] = light.color
        vectors["u_light_position"][slot] = light.position
        vectors["u_light_direction"][slot] = light.direction
        ranges[slot] = light.range
        # KHR_lights_punctual's smooth spot falloff, as a scale and offset on cos(angle).
        cos_outer = math.cos(light.outer_cone)
        scale = 1.0 / max(math.cos(light.inner_cone) - cos_outer, 1e-3)
        cones[slot] = (scale, -cos_outer * scale)
    packed = {name: array.tobytes() for name, array in vectors.items()}
    packed.update(
        u_light_kind=kinds.tobytes(),
        u_light_range=ranges.tobytes(),
        u_light_cone=cones.tobytes(),
        u_light_count=np.int32(min(len(lights), MAX_LIGHTS)).tobytes(),
    )
    return packed
