"""sRGB ⇄ linear light, and a linear premultiplied image turned into 8-bit sRGB pixels the way
the raster shaders do it (PBR Neutral tone mapping, then sRGB), so both renderers encode colour
alike."""

from __future__ import annotations

import numpy as np

from app.geometry.render.tone_mapping import pbr_neutral

Rgba = tuple[float, float, float, float]


def srgb_to_linear(srgb: np.ndarray) -> np.ndarray:
    converted: np.ndarray = np.where(srgb <= 0.04045, srgb / 12.92,
                                     ((srgb + 0.055) / 1.055) ** 2.4)
    return converted


def premultiplied_linear(background: Rgba | None) -> Rgba:
    """An sRGB background colour with straight alpha as linear light, premultiplied."""
    if background is None:
        return (0.0, 0.0, 0.0, 0.0)
    alpha = background[3]
    red, green, blue = (float(channel) * alpha
                        for channel in srgb_to_linear(np.asarray(background[:3])))
    return (red, green, blue, alpha)


def srgb_pixels(premultiplied: np.ndarray, background: Rgba | None) -> np.ndarray:
    """(h, w, 4) linear premultiplied colour, tone mapped and laid over `background` (which is
    not tone mapped), as (h, w, 4) sRGB uint8 with straight alpha; colour is clamped to 0..1
    as the raster output pass clamps it."""
    under = np.asarray(premultiplied_linear(background), dtype=np.float32)
    alpha = np.clip(premultiplied[..., 3:4], 0.0, 1.0)
    straight = np.divide(premultiplied[..., :3], alpha, out=np.zeros_like(premultiplied[..., :3]),
                         where=alpha > 0)
    mapped = np.concatenate([pbr_neutral(straight) * alpha, alpha], axis=-1)
    over = mapped + (1.0 - alpha) * under
    out_alpha = np.clip(over[..., 3:4], 0.0, 1.0)
    linear = np.clip(np.divide(over[..., :3], out_alpha, out=np.zeros_like(over[..., :3]),
                               where=out_alpha > 0), 0.0, 1.0)
    srgb = np.where(linear <= 0.0031308, linear * 12.92,
                    1.055 * np.power(linear, 1.0 / 2.4) - 0.055)
    pixels = np.concatenate([srgb, out_alpha], axis=-1)
    return np.asarray(np.round(pixels * 255.0), dtype=np.uint8)
