"""What a render produces (`RenderOptions`) and the limits a deployment allows (`RenderLimits`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from app.errors import InvalidInput, LimitExceeded, UnsupportedFormat, UnsupportedOption

ImageFormat = Literal["PNG", "JPEG", "WEBP"]
IMAGE_FORMATS: tuple[str, ...] = get_args(ImageFormat)
Rgba = tuple[float, float, float, float]


def rgba(values: Sequence[float]) -> Rgba:
    """Four numbers as a colour; raises InvalidInput for any other count."""
    if len(values) != 4:
        raise InvalidInput("background must be four numbers (r, g, b, a) between 0 and 1",
                           field=["background"])
    red, green, blue, alpha = (float(value) for value in values)
    return (red, green, blue, alpha)


@dataclass(frozen=True)
class RenderOptions:
    """Output settings of one image.

    `background` is an sRGB colour with alpha, each channel in 0..1, or None for a transparent
    background (PNG and WEBP only). `samples` is the MSAA sample count (0 or 1: none); a GPU
    that supports fewer samples renders with as many as it has. `quality` (1..100) applies to
    JPEG and WEBP.
    """

    width: int = 512
    height: int = 512
    format: ImageFormat = "PNG"
    background: Rgba | None = (0.92, 0.92, 0.92, 1.0)
    samples: int = 4
    quality: int = 90

    def __post_init__(self) -> None:
        for name in ("width", "height"):
            if getattr(self, name) < 1:
                raise InvalidInput(f"{name} must be at least 1 pixel", field=[name])
        if self.format not in IMAGE_FORMATS:
            raise UnsupportedFormat(
                f"image format {self.format!r} is not supported; use one of "
                + ", ".join(IMAGE_FORMATS), field=["format"],
            )
        if self.samples < 0:
            raise InvalidInput("samples must be 0 or more", field=["samples"])
        if not 1 <= self.quality <= 100:
            raise InvalidInput("quality must be between 1 and 100", field=["quality"])
        if self.background is None:
            if self.format == "JPEG":
                raise UnsupportedOption(
                    "JPEG cannot store transparency: give a background colour or use PNG/WEBP",
                    field=["background"],
                )
        elif len(self.background) != 4 or not all(
            math.isfinite(channel) and 0.0 <= channel <= 1.0 for channel in self.background
        ):
            raise InvalidInput(
                "background must be four numbers (r, g, b, a) between 0 and 1",
                field=["background"],
            )


@dataclass(frozen=True)
class RenderLimits:
    """Deployment limits; each is enforced with `LimitExceeded` and a message naming it.

    Textures wider or taller than `max_texture_size` are downscaled to fit, not rejected:
    a render never needs more texels than pixels. `max_texture_pixels` rejects images whose
    decoded size alone would exhaust memory. `max_frames` bounds a turntable's frame count.
    """

    max_width: int = 4096
    max_height: int = 4096
    max_samples: int = 16
    max_frames: int = 720
    max_triangles: int = 20_000_000
    max_texture_pixels: int = 8192 * 8192
    max_texture_size: int = 4096

    def check_options(self, options: RenderOptions) -> None:
        _at_most("width", options.width, self.max_width, "pixels")
        _at_most("height", options.height, self.max_height, "pixels")
        _at_most("samples", options.samples, self.max_samples, "samples")

    def check_triangles(self, triangles: int) -> None:
        if triangles > self.max_triangles:
            raise LimitExceeded(
                f"the scene draws {triangles} triangles; the limit is {self.max_triangles}"
            )

    def check_texture(self, width: int, height: int) -> None:
        if width * height > self.max_texture_pixels:
            raise LimitExceeded(
                f"a {width}x{height} texture exceeds the limit of "
                f"{self.max_texture_pixels} pixels per texture"
            )


def _at_most(name: str, value: int, limit: int, unit: str) -> None:
    if value > limit:
        raise LimitExceeded(f"{name} {value} exceeds the limit of {limit} {unit}", field=[name])
