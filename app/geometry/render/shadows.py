"""The key light's shadow map: a depth pass from the light, read back with 3x3 PCF.

A directional light gets an orthographic view around the scene's bounding sphere, a spot
light a perspective view of its outer cone. Acne is avoided by offsetting the shaded point
along its geometric normal by 1.5 shadow texels (scaled by distance for a spot) plus a slope
scaled polygon offset in the depth pass; every face is drawn, so open surfaces cast too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import moderngl
import numpy as np

from app.geometry.render.scene_data import Bounds, Light
from app.geometry.render.transforms import Matrix, look_at, orthographic, perspective

MIN_SHADOW_SIZE, MAX_SHADOW_SIZE = 512, 2048  # twice the image's longer side, within these
_POLYGON_OFFSET = (2.0, 4.0)  # slope factor, units
_MAX_SPOT_FOV = math.radians(170.0)

SHADOW_VERTEX = """
#version 330 core
uniform mat4 u_light_matrix;
uniform mat4 u_model;
in vec3 in_position;
in vec2 in_uv;
out vec2 v_uv;
void main() {
    v_uv = in_uv;
    gl_Position = u_light_matrix * u_model * vec4(in_position, 1.0);
}
"""

SHADOW_FRAGMENT = """
#version 330 core
uniform bool u_has_texture;
uniform sampler2D u_base_texture;
uniform float u_base_alpha;
uniform float u_alpha_cutoff;  // 0 for opaque materials
in vec2 v_uv;
void main() {
    float alpha = u_base_alpha * (u_has_texture ? texture(u_base_texture, v_uv).a : 1.0);
    if (alpha < u_alpha_cutoff) discard;
}
"""

SHADOW_GLSL = """
uniform bool u_has_shadow;
uniform int u_shadow_light;
uniform mat4 u_light_matrix;
uniform sampler2DShadow u_shadow_map;
uniform float u_shadow_texel;  // world size of a texel (per unit distance for a spot)
uniform bool u_shadow_perspective;
uniform vec3 u_shadow_origin;

float shadow_factor(vec3 world, vec3 geometric_normal) {
    float texel = u_shadow_texel * (u_shadow_perspective ? distance(world, u_shadow_origin) : 1.0);
    vec4 clip = u_light_matrix * vec4(world + geometric_normal * 1.5 * texel, 1.0);
    vec3 coords = clip.xyz / clip.w * 0.5 + 0.5;
    if (clip.w <= 0.0 || any(greaterThan(abs(coords.xy - 0.5), vec2(0.5))) || coords.z > 1.0)
        return 1.0;
    vec2 step_size = 1.0 / vec2(textureSize(u_shadow_map, 0));
    float lit = 0.0;
    for (int y = -1; y <= 1; ++y)
        for (int x = -1; x <= 1; ++x)
            lit += texture(u_shadow_map, vec3(coords.xy + vec2(x, y) * step_size, coords.z));
    return lit / 9.0;
}
"""


@dataclass(frozen=True)
class ShadowView:
    """Where the key light sees the scene from, and what the mesh shader needs to read it."""

    light_matrix: Matrix  # world to the light's clip space
    texel: float
    perspective: bool
    origin: tuple[float, float, float]


def shadow_size(width: int, height: int) -> int:
    return int(min(MAX_SHADOW_SIZE, max(MIN_SHADOW_SIZE, 2 * max(width, height))))


def shadow_view(light: Light, bounds: Bounds, size: int) -> ShadowView:
    centre, radius = bounds.center, bounds.radius
    direction = np.asarray(light.direction, dtype=np.float64)
    direction /= np.linalg.norm(direction) or 1.0
    if light.kind == "directional":
        eye = centre - direction * 2.0 * radius
        view = look_at(eye, centre, np.array([0.0, 1.0, 0.0]))
        projection = orthographic(radius, radius, radius, 3.0 * radius)
        return ShadowView(projection @ view, 2.0 * radius / size, False, _triple(eye))
    eye = np.asarray(light.position, dtype=np.float64)
    distance = float(np.linalg.norm(centre - eye))
    far = (distance + radius) * 1.01
    near = max((distance - radius) * 0.99, far / 1000.0)
    fov = min(2.0 * light.outer_cone, _MAX_SPOT_FOV)
    view = look_at(eye, eye + direction, np.array([0.0, 1.0, 0.0]))
    texel = 2.0 * math.tan(fov / 2.0) / size
    return ShadowView(perspective(fov, 1.0, near, far) @ view, texel, True, _triple(eye))


class ShadowMap:
    """A square depth texture compared in hardware (sampler2DShadow), kept while its size holds."""

    def __init__(self, context: moderngl.Context, size: int) -> None:
        self.size = size
        self.depth = context.depth_texture((size, size))
        self.depth.compare_func = "<="
        self.depth.filter = (moderngl.LINEAR, moderngl.LINEAR)
        self.depth.repeat_x = self.depth.repeat_y = False
        self.framebuffer = context.framebuffer(depth_attachment=self.depth)

    def begin(self, context: moderngl.Context) -> None:
        self.framebuffer.use()
        self.framebuffer.clear(depth=1.0)
        context.enable(moderngl.DEPTH_TEST)
        context.disable(moderngl.BLEND | moderngl.CULL_FACE)
        context.polygon_offset = _POLYGON_OFFSET  # moderngl enables the offset when non-zero

    def end(self, context: moderngl.Context) -> None:
        context.polygon_offset = (0.0, 0.0)

    def release(self) -> None:
        self.framebuffer.release()
        self.depth.release()


def _triple(values: np.ndarray) -> tuple[float, float, float]:
    return (float(values[0]), float(values[1]), float(values[2]))
