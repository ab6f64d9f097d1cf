"""The studio environment's specular mip chain: prefiltered once per process on the GPU, then
uploaded to each renderer's context.

Level 0 is the environment itself (a mirror); level k is GGX-filtered for roughness
k / (SPECULAR_LEVELS - 1) by importance sampling with Karis's n = v = r assumption, each
sample read from a mip of the source as wide as its share of the lobe (filtered importance
sampling), so a few hundred samples give a smooth result.
"""

from __future__ import annotations

import threading

import moderngl
import numpy as np

from app.geometry.render.environment import SPECULAR_LEVELS, studio_equirect
from app.geometry.render.gl_wait import finish_releasing_gil
from app.geometry.render.uniforms import set_uniform

_SAMPLES = 32  # per texel and level; filtered importance sampling keeps it smooth

_VERTEX = """
#version 330 core
void main() {
    vec2 corner = vec2((gl_VertexID << 1) & 2, gl_VertexID & 2);
    gl_Position = vec4(corner * 2.0 - 1.0, 0.0, 1.0);
}
"""

_FRAGMENT = """
#version 330 core
const float PI = 3.14159265;
uniform sampler2D u_source;
uniform vec2 u_size;
uniform float u_roughness;
uniform int u_samples;
out vec4 f_color;

vec2 equirect_uv(vec3 d) {
    return vec2(atan(d.z, d.x) / (2.0 * PI) + 0.5, asin(clamp(d.y, -1.0, 1.0)) / PI + 0.5);
}

float radical_inverse(uint bits) {
    bits = (bits << 16u) | (bits >> 16u);
    bits = ((bits & 0x55555555u) << 1u) | ((bits & 0xAAAAAAAAu) >> 1u);
    bits = ((bits & 0x33333333u) << 2u) | ((bits & 0xCCCCCCCCu) >> 2u);
    bits = ((bits & 0x0F0F0F0Fu) << 4u) | ((bits & 0xF0F0F0F0u) >> 4u);
    bits = ((bits & 0x00FF00FFu) << 8u) | ((bits & 0xFF00FF00u) >> 8u);
    return float(bits) * 2.3283064365386963e-10;
}

void main() {
    vec2 uv = gl_FragCoord.xy / u_size;
    float azimuth = (uv.x - 0.5) * 2.0 * PI;
    float latitude = (uv.y - 0.5) * PI;
    vec3 n = vec3(cos(latitude) * cos(azimuth), sin(latitude), cos(latitude) * sin(azimuth));
    vec3 up = abs(n.y) < 0.999 ? vec3(0.0, 1.0, 0.0) : vec3(1.0, 0.0, 0.0);
    vec3 tx = normalize(cross(up, n));
    vec3 ty = cross(n, tx);
    float a2 = pow(u_roughness, 4.0);
    ivec2 source = textureSize(u_source, 0);
    float texel_solid_angle = 2.0 * PI * PI / float(source.x * source.y);
    vec3 sum = vec3(0.0);
    float weight = 0.0;
    for (int i = 0; i < u_samples; ++i) {
        float phi = 2.0 * PI * (float(i) + 0.5) / float(u_samples);
        float xi = radical_inverse(uint(i));
        float cos_t = sqrt((1.0 - xi) / (1.0 + (a2 - 1.0) * xi));
        float sin_t = sqrt(1.0 - cos_t * cos_t);
        vec3 h = (tx * cos(phi) + ty * sin(phi)) * sin_t + n * cos_t;
        vec3 l = 2.0 * cos_t * h - n;
        float nl = dot(n, l);
        if (nl <= 0.0) continue;
        float d = cos_t * cos_t * (a2 - 1.0) + 1.0;
        float pdf = a2 / (PI * d * d) / 4.0;
        float lod = max(0.5 * log2(1.0 / (float(u_samples) * pdf * texel_solid_angle)) + 1.0,
                        0.0);
        sum += textureLod(u_source, equirect_uv(l), lod).rgb * nl;
        weight += nl;
    }
    f_color = vec4(sum / max(weight, 1e-6), 1.0);
}
"""

_levels: list[np.ndarray] = []  # the process's prefiltered chain, filled by the first context
_levels_lock = threading.Lock()


def specular_levels(context: moderngl.Context) -> list[np.ndarray]:
    """(h, w, 3) float32 radiance per mip level, level 0 the unfiltered environment."""
    with _levels_lock:
        if not _levels:
            _levels.extend(_prefilter(context))
        return _levels


def upload_specular_environment(context: moderngl.Context) -> moderngl.Texture:
    """The mip chain as one half-float texture, trilinearly filtered between roughness levels."""
    levels = specular_levels(context)
    height, width = levels[0].shape[:2]
    texture = context.texture((width, height), 4, _half(levels[0]), dtype="f2")
    texture.build_mipmaps(0, SPECULAR_LEVELS - 1)
    for level, pixels in enumerate(levels[1:], start=1):
        texture.write(_half(pixels), level=level)
    texture.filter = (moderngl.LINEAR_MIPMAP_LINEAR, moderngl.LINEAR)
    texture.repeat_x, texture.repeat_y = True, False
    return texture


def _prefilter(context: moderngl.Context) -> list[np.ndarray]:
    unfiltered = studio_equirect()
    height, width = unfiltered.shape[:2]
    program = context.program(vertex_shader=_VERTEX, fragment_shader=_FRAGMENT)
    pass_ = context.vertex_array(program, [])
    source = context.texture((width, height), 4, _half(unfiltered), dtype="f2")
    source.build_mipmaps()
    source.repeat_x, source.repeat_y = True, False
    levels = [unfiltered]
    try:
        for level in range(1, SPECULAR_LEVELS):
            size = (max(width >> level, 1), max(height >> level, 1))
            target = context.texture(size, 4, dtype="f4")
            framebuffer = context.framebuffer([target])
            framebuffer.use()
            source.use(location=0)
            set_uniform(program, "u_size", (float(size[0]), float(size[1])))
            set_uniform(program, "u_roughness", level / (SPECULAR_LEVELS - 1))
            set_uniform(program, "u_samples", _SAMPLES)
            pass_.render(moderngl.TRIANGLES, vertices=3)
            finish_releasing_gil(context)
            pixels = np.frombuffer(target.read(), dtype=np.float32).reshape(size[1], size[0], 4)
            levels.append(np.ascontiguousarray(pixels[..., :3]))
            framebuffer.release()
            target.release()
    finally:
        source.release()
        pass_.release()
        program.release()
    return levels


def _half(rgb: np.ndarray) -> bytes:
    """RGB radiance as RGBA half floats (three-channel mipmapping takes a slow path in Mesa)."""
    rgba = np.concatenate([rgb, np.ones_like(rgb[..., :1])], axis=-1)
    return np.ascontiguousarray(rgba, dtype=np.float16).tobytes()
