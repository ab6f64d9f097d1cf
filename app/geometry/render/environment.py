"""The studio environment every raster render is lit by, generated in code (no image shipped).

A sky/ground gradient with three round softboxes, fixed in world space (+Y up). Diffuse light
comes from its irradiance as nine spherical-harmonic coefficients; specular light from an
equirectangular mip chain prefiltered for GGX roughness (environment_maps.py) and Karis's
analytic fit of the split-sum BRDF. Equirectangular images use three.js's layout (row 0 at
the bottom, u = atan2(z, x)), so a test can hand the same pixels to three.js.
"""

from __future__ import annotations

import functools
import math

import numpy as np

EQUIRECT_SIZE = (256, 128)  # width, height of the unfiltered environment
SPECULAR_LEVELS = 6  # mip level k is prefiltered for roughness k / (SPECULAR_LEVELS - 1)
# As bright on average as the flat ambient it replaced: the camera rig does the rest.
_GROUND = np.array([0.05, 0.045, 0.04])
_HORIZON = np.array([0.17, 0.17, 0.175])
_ZENITH = np.array([0.20, 0.21, 0.23])
# (towards the softbox, angular radius in degrees, radiance)
_SOFTBOXES = (
    ((0.0, 1.0, 0.3), 28.0, 0.5),  # overhead, a little forward
    ((-1.0, 0.35, 0.6), 14.0, 1.1),  # left strip
    ((0.8, 0.2, -0.7), 10.0, 0.8),  # back right
)
# Ramamoorthi and Hanrahan's band factors (pi, 2pi/3, pi/4), divided by pi so the shader's
# sum is irradiance / pi: the outgoing radiance of a white Lambertian surface.
_BAND_FACTORS = np.array([1.0, 2 / 3, 2 / 3, 2 / 3, 0.25, 0.25, 0.25, 0.25, 0.25])


def studio_radiance(directions: np.ndarray) -> np.ndarray:
    """(n, 3) linear radiance seen along (n, 3) unit directions."""
    up = directions[:, 1:2]
    sky = _HORIZON + (_ZENITH - _HORIZON) * np.sqrt(np.clip(up, 0.0, 1.0))
    above = _smoothstep(-0.04, 0.04, up)
    radiance = _GROUND + (sky - _GROUND) * above
    for towards, radius_deg, strength in _SOFTBOXES:
        axis = np.asarray(towards) / np.linalg.norm(towards)
        edge = math.cos(math.radians(radius_deg))
        inside = _smoothstep(edge, edge + (1.0 - edge) * 0.25, directions @ axis)
        radiance = radiance + strength * inside[:, None]
    result: np.ndarray = radiance.astype(np.float32)
    return result


def equirect_directions(width: int, height: int) -> np.ndarray:
    """(height, width, 3) unit directions at texel centres, row 0 at the bottom (-Y)."""
    azimuth = ((np.arange(width) + 0.5) / width - 0.5) * 2.0 * np.pi
    latitude = ((np.arange(height) + 0.5) / height - 0.5) * np.pi
    lat, az = np.meshgrid(latitude, azimuth, indexing="ij")
    return np.stack([np.cos(lat) * np.cos(az), np.sin(lat), np.cos(lat) * np.sin(az)], axis=-1)


@functools.cache
def studio_equirect() -> np.ndarray:
    """(height, width, 3) float32 radiance of the whole environment, computed once."""
    width, height = EQUIRECT_SIZE
    directions = equirect_directions(width, height).reshape(-1, 3)
    return studio_radiance(directions).reshape(height, width, 3)


def sh_basis(directions: np.ndarray) -> np.ndarray:
    """(n, 9) real spherical harmonics up to band 2, in the shader's order."""
    x, y, z = directions[:, 0], directions[:, 1], directions[:, 2]
    return np.stack([
        np.full_like(x, 0.282095), 0.488603 * y, 0.488603 * z, 0.488603 * x,
        1.092548 * x * y, 1.092548 * y * z, 0.315392 * (3.0 * z * z - 1.0),
        1.092548 * x * z, 0.546274 * (x * x - y * y),
    ], axis=1)


@functools.cache
def irradiance_sh() -> np.ndarray:
    """(9, 3) coefficients whose sum against `sh_basis(n)` is irradiance / pi at normal n."""
    width, height = EQUIRECT_SIZE
    directions = equirect_directions(width, height).reshape(-1, 3)
    solid_angle = (2.0 * np.pi / width) * (np.pi / height) * np.sqrt(
        np.clip(1.0 - directions[:, 1] ** 2, 0.0, 1.0))
    radiance = studio_equirect().reshape(-1, 3)
    projected = sh_basis(directions).T @ (radiance * solid_angle[:, None])
    coefficients: np.ndarray = (projected * _BAND_FACTORS[:, None]).astype(np.float32)
    return coefficients


def _smoothstep(low: float, high: float, values: np.ndarray) -> np.ndarray:
    t = np.clip((values - low) / (high - low), 0.0, 1.0)
    smooth: np.ndarray = t * t * (3.0 - 2.0 * t)
    return smooth


ENVIRONMENT_GLSL = f"""
#define SPECULAR_LEVELS {SPECULAR_LEVELS}
uniform vec3 u_irradiance_sh[9];
uniform sampler2D u_specular_env;

vec2 equirect_uv(vec3 d) {{
    return vec2(atan(d.z, d.x) / (2.0 * PI) + 0.5, asin(clamp(d.y, -1.0, 1.0)) / PI + 0.5);
}}

vec3 diffuse_irradiance(vec3 n) {{  // irradiance / pi
    vec3 e = u_irradiance_sh[0] * 0.282095 + u_irradiance_sh[1] * (0.488603 * n.y)
        + u_irradiance_sh[2] * (0.488603 * n.z) + u_irradiance_sh[3] * (0.488603 * n.x)
        + u_irradiance_sh[4] * (1.092548 * n.x * n.y) + u_irradiance_sh[5] * (1.092548 * n.y * n.z)
        + u_irradiance_sh[6] * (0.315392 * (3.0 * n.z * n.z - 1.0))
        + u_irradiance_sh[7] * (1.092548 * n.x * n.z)
        + u_irradiance_sh[8] * (0.546274 * (n.x * n.x - n.y * n.y));
    return max(e, vec3(0.0));
}}

vec3 specular_radiance(vec3 r, float roughness) {{
    return textureLod(u_specular_env, equirect_uv(r), roughness * float(SPECULAR_LEVELS - 1)).rgb;
}}

// Karis, "Physically Based Shading on Mobile": the split-sum BRDF's scale and bias on F0.
vec2 environment_brdf(float roughness, float nv) {{
    const vec4 c0 = vec4(-1.0, -0.0275, -0.572, 0.022);
    const vec4 c1 = vec4(1.0, 0.0425, 1.04, -0.04);
    vec4 r = roughness * c0 + c1;
    float a004 = min(r.x * r.x, exp2(-9.28 * nv)) * r.x + r.y;
    return vec2(-1.04, 1.04) * a004 + r.zw;
}}
"""
