"""Encode rendered pixels as PNG, JPEG or WEBP bytes with Pillow."""

from __future__ import annotations

import io

import numpy as np
from PIL import Image

from app.geometry.render.options import RenderOptions


def encode_image(pixels: np.ndarray, options: RenderOptions) -> bytes:
    """Encode (height, width, 4) sRGB uint8 pixels; alpha is kept only where it carries anything."""
    image = Image.fromarray(pixels, "RGBA")
    opaque = options.background is not None and options.background[3] >= 1.0
    if options.format == "JPEG" or opaque:
        image = image.convert("RGB")
    buffer = io.BytesIO()
    if options.format == "PNG":
        image.save(buffer, "PNG")
    else:
        image.save(buffer, options.format, quality=options.quality)
    return buffer.getvalue()
