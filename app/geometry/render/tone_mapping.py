"""Khronos PBR Neutral tone mapping, applied per fragment before the sRGB output pass.

Chosen over ACES filmic because asset previews should show base colours as authored: PBR
Neutral leaves colours below 0.76 unchanged (but for a small toe near black) and only rolls
off highlights towards white, where ACES darkens mid-tones and shifts hue and saturation.
three.js ships the same curve as `NeutralToneMapping`. Exposure is 1 (linear values as lit).
"""

from __future__ import annotations

import numpy as np

PBR_NEUTRAL_GLSL = """
vec3 pbr_neutral(vec3 color) {
    const float start_compression = 0.8 - 0.04;
    const float desaturation = 0.15;
    float x = min(color.r, min(color.g, color.b));
    float offset = x < 0.08 ? x - 6.25 * x * x : 0.04;
    color -= offset;
    float peak = max(color.r, max(color.g, color.b));
    if (peak < start_compression) return color;
    const float d = 1.0 - start_compression;
    float new_peak = 1.0 - d * d / (peak + d - start_compression);
    color *= new_peak / peak;
    float g = 1.0 - 1.0 / (desaturation * (peak - new_peak) + 1.0);
    return mix(color, vec3(new_peak), g);
}
"""


def pbr_neutral(color: np.ndarray) -> np.ndarray:
    """The same curve on (..., 3) linear colour, for the path tracer's CPU output."""
    start_compression, desaturation = 0.8 - 0.04, 0.15
    lowest = color.min(axis=-1, keepdims=True)
    offset = np.where(lowest < 0.08, lowest - 6.25 * lowest * lowest, 0.04)
    shifted = color - offset
    peak = shifted.max(axis=-1, keepdims=True)
    d = 1.0 - start_compression
    new_peak = 1.0 - d * d / (np.maximum(peak, start_compression) + d - start_compression)
    compressed = shifted * new_peak / np.maximum(peak, 1e-12)
    g = 1.0 - 1.0 / (desaturation * (peak - new_peak) + 1.0)
    rolled = compressed + (new_peak - compressed) * g
    mapped: np.ndarray = np.where(peak < start_compression, shifted, rolled)
    return mapped
