"""What a render produces (`RenderOptions`) and the limits a deployment allows (`RenderLimits`)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal, get_args

from app.errors import InvalidInput, LimitExceeded, UnsupportedFormat, UnsupportedOption

ImageFormat = Literal["PNG", "JPEG", "WEBP"]
IMAGE_FORMATS: tuple[str, ...] = get_args(ImageFormat)
# Every frame in one file: H.264, VP9, or an animated WebP (which alone keeps alpha).
VideoFormat = Literal["MP4", "WEBM", "ANIMATED_WEBP"]
VIDEO_FORMATS: tuple[str, ...] = get_args(VideoFormat)
RenderFormat = ImageFormat | VideoFormat
RendererKind = Literal["RASTER", "PATH_TRACED"]
RENDERERS: tuple[str, ...] = get_args(RendererKind)
# Samples per pixel when a request gives none: MSAA for raster, paths for path tracing.
DEFAULT_SAMPLES: dict[str, int] = {"RASTER": 4, "PATH_TRACED": 64}
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
    background (PNG and WEBP only). `renderer` RASTER draws with OpenGL, PATH_TRACED with
    Mitsuba 3 on the CPU. `samples` is, for RASTER, the MSAA sample count (0 or 1: none; a GPU
    that supports fewer samples renders with as many as it has) and, for PATH_TRACED, the paths
    traced per pixel (at least 1). `quality` (1..100) applies to JPEG, WEBP and the videos
    (MP4 and WEBM with no transparency, and ANIMATED_WEBP: a turntable's or a clip's frames
    in one file).
    """

    width: int = 512
    height: int = 512
    format: RenderFormat = "PNG"
    background: Rgba | None = (0.92, 0.92, 0.92, 1.0)
    samples: int = 4
    quality: int = 90
    renderer: RendererKind = "RASTER"

    def __post_init__(self) -> None:
        for name in ("width", "height"):
            if getattr(self, name) < 1:
                raise InvalidInput(f"{name} must be at least 1 pixel", field=[name])
        if self.format not in IMAGE_FORMATS + VIDEO_FORMATS:
            raise UnsupportedFormat(
                f"image format {self.format!r} is not supported; use one of "
                + ", ".join(IMAGE_FORMATS + VIDEO_FORMATS), field=["format"],
            )
        if self.renderer not in RENDERERS:
            raise InvalidInput(f"renderer {self.renderer!r} is not one of "
                               + ", ".join(RENDERERS), field=["renderer"])
        lowest = 1 if self.renderer == "PATH_TRACED" else 0
        if self.samples < lowest:
            raise InvalidInput(f"samples must be {lowest} or more with {self.renderer}",
                               field=["samples"])
        if not 1 <= self.quality <= 100:
            raise InvalidInput("quality must be between 1 and 100", field=["quality"])
        # libx264's yuv420p stores colour at half resolution in both directions.
        if self.format == "MP4" and (self.width % 2 or self.height % 2):
            raise UnsupportedOption("MP4 needs an even width and height", field=["width"])
        if self.background is None:
            if self.format in ("JPEG", "MP4", "WEBM"):
                raise UnsupportedOption(
                    f"{self.format} cannot store transparency: give a background colour or "
                    "use PNG, WEBP or ANIMATED_WEBP", field=["background"],
                )
        elif len(self.background) != 4 or not all(
            math.isfinite(channel) and 0.0 <= channel <= 1.0 for channel in self.background
        ):
            raise InvalidInput(
                "background must be four numbers (r, g, b, a) between 0 and 1",
                field=["background"],
            )

    @property
    def is_video(self) -> bool:
        return self.format in VIDEO_FORMATS


@dataclass(frozen=True)
class RenderLimits:
    """Deployment limits; each is enforced with `LimitExceeded` and a message naming it.

    Textures wider or taller than `max_texture_size` are downscaled to fit, not rejected:
    a render never needs more texels than pixels. `max_texture_pixels` rejects images whose
    decoded size alone would exhaust memory. `max_frames` bounds a turntable's or an animation
    clip's frame count, `max_fps` a clip's frames per second.
    `max_samples` bounds MSAA samples, `max_path_samples` the paths per pixel of PATH_TRACED.
    """

    max_width: int = 4096
    max_height: int = 4096
    max_samples: int = 16
    max_path_samples: int = 1024
    max_frames: int = 720
    max_fps: int = 60
    max_triangles: int = 20_000_000
    max_texture_pixels: int = 8192 * 8192
    max_texture_size: int = 4096

    def check_options(self, options: RenderOptions) -> None:
        _at_most("width", options.width, self.max_width, "pixels")
        _at_most("height", options.height, self.max_height, "pixels")
        if options.renderer == "PATH_TRACED":
            _at_most("samples", options.samples, self.max_path_samples, "path-traced samples")
        else:
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
