"""What a conversion request may ask for, which combinations make sense, and its cache key."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal, get_args

from app.errors import InvalidInput, LimitExceeded, UnsupportedOption

Compression = Literal["MESHOPT", "DRACO"]
TextureFormat = Literal["JPEG", "WEBP", "PNG"]

# Bump when the output for the same request changes, so cached conversions are redone.
KEY_VERSION = "convert-v2"
MAX_TEXTURE_SIZE_LIMIT = 16384
# LOD: each level keeps this fraction of the source's triangles, unless lod_ratios says otherwise.
DEFAULT_LOD_RATIOS = (0.5, 0.25, 0.125)
DEFAULT_MAX_LOD_LEVELS = 8


class OutputFormat(StrEnum):
    GLB = "GLB"
    GLTF = "GLTF"
    OBJ = "OBJ"
    STL = "STL"
    PLY = "PLY"
    USDZ = "USDZ"


class OptimizePreset(StrEnum):
    NONE = "NONE"
    WELD = "WELD"
    SIMPLIFY = "SIMPLIFY"
    COMPRESS = "COMPRESS"
    TEXTURES = "TEXTURES"
    LOD = "LOD"


@dataclass(frozen=True)
class OptimizeOptions:
    """One optimisation preset and its settings; settings of other presets must stay unset."""

    preset: OptimizePreset = OptimizePreset.NONE
    ratio: float | None = None
    target_triangles: int | None = None
    max_error: float | None = None  # SIMPLIFY: relative to the mesh's extent
    compression: Compression = "MESHOPT"
    quantize: bool = True
    position_error: float | None = None  # COMPRESS: model units; None: 14 bits' worth
    max_texture_size: int | None = None
    texture_format: TextureFormat | None = None
    lod_ratios: tuple[float, ...] | None = None  # LOD: None means DEFAULT_LOD_RATIOS

    def __post_init__(self) -> None:
        # Callers may hand over plain strings (from a queue or a database): accept the
        # enum's values, refuse anything else with a code rather than a ValueError later.
        try:
            object.__setattr__(self, "preset", OptimizePreset(self.preset))
        except ValueError:
            raise InvalidInput(f"unknown preset '{self.preset}'",
                               field=["optimize", "preset"]) from None
        if self.compression not in get_args(Compression):
            raise InvalidInput(f"unknown compression '{self.compression}'",
                               field=["optimize", "compression"])
        if self.texture_format is not None and self.texture_format not in get_args(TextureFormat):
            raise InvalidInput(f"unknown texture format '{self.texture_format}'",
                               field=["optimize", "texture_format"])
        if self.lod_ratios is not None:  # a JSON list from the job's parameters
            object.__setattr__(self, "lod_ratios", tuple(self.lod_ratios))

    @property
    def lod_levels(self) -> tuple[float, ...]:
        """The ratio of each LOD level below the source, the default when none were given."""
        return DEFAULT_LOD_RATIOS if self.lod_ratios is None else self.lod_ratios


def output_format(value: str) -> OutputFormat:
    """The OutputFormat named by `value`, or InvalidInput."""
    try:
        return OutputFormat(value)
    except ValueError:
        raise InvalidInput(f"unknown output format '{value}'", field=["format"]) from None


GLTF_FORMATS = frozenset({OutputFormat.GLB, OutputFormat.GLTF})
# Formats whose files carry no textures at all.
UNTEXTURED_FORMATS = frozenset({OutputFormat.STL, OutputFormat.PLY})
# Image encodings each textured format can hold (USDZ: what AR Quick Look reads).
TEXTURE_ENCODINGS: dict[OutputFormat, frozenset[str]] = {
    OutputFormat.GLB: frozenset({"JPEG", "PNG", "WEBP"}),
    OutputFormat.GLTF: frozenset({"JPEG", "PNG", "WEBP"}),
    OutputFormat.OBJ: frozenset({"JPEG", "PNG"}),
    OutputFormat.USDZ: frozenset({"JPEG", "PNG"}),
}


def check_supported(fmt: OutputFormat, options: OptimizeOptions,
                    max_lod_levels: int = DEFAULT_MAX_LOD_LEVELS) -> None:
    """Raise UnsupportedOption (or InvalidInput for a bad value, LimitExceeded for more LOD
    levels than `max_lod_levels`) before any work is done."""
    fmt = output_format(fmt)
    preset = options.preset
    _check_unrelated_settings(options)
    if preset is OptimizePreset.SIMPLIFY:
        _check_simplify(options)
    elif preset is OptimizePreset.COMPRESS:
        if fmt not in GLTF_FORMATS:
            raise UnsupportedOption(
                f"COMPRESS writes glTF compression extensions, which {fmt} cannot hold",
                field=["optimize", "preset"],
            )
        _check_position_error(options)
        if options.compression == "DRACO" and not options.quantize:
            raise UnsupportedOption(
                "Draco always quantises; use MESHOPT for compression without quantisation",
                field=["optimize", "quantize"],
            )
    elif preset is OptimizePreset.TEXTURES:
        _check_textures(fmt, options)
    elif preset is OptimizePreset.LOD:
        _check_lod(fmt, options, max_lod_levels)


def _check_unrelated_settings(options: OptimizeOptions) -> None:
    owners = {
        "ratio": OptimizePreset.SIMPLIFY,
        "target_triangles": OptimizePreset.SIMPLIFY,
        "max_error": OptimizePreset.SIMPLIFY,
        "position_error": OptimizePreset.COMPRESS,
        "max_texture_size": OptimizePreset.TEXTURES,
        "texture_format": OptimizePreset.TEXTURES,
        "lod_ratios": OptimizePreset.LOD,
    }
    for name, owner in owners.items():
        if getattr(options, name) is not None and options.preset is not owner:
            raise UnsupportedOption(
                f"'{name}' belongs to the {owner} preset, not {options.preset}",
                field=["optimize", name],
            )


def _check_position_error(options: OptimizeOptions) -> None:
    error = options.position_error
    if error is None:
        return
    if not options.quantize:
        raise UnsupportedOption("'position_error' is a quantisation budget; it needs quantize",
                                field=["optimize", "position_error"])
    if not (math.isfinite(error) and error > 0.0):
        raise InvalidInput("'position_error' must be a positive number of model units",
                           field=["optimize", "position_error"])


def _check_simplify(options: OptimizeOptions) -> None:
    targets = (options.ratio, options.target_triangles, options.max_error)
    if sum(target is not None for target in targets) != 1:
        raise InvalidInput(
            "SIMPLIFY needs exactly one of 'ratio', 'target_triangles' or 'max_error'",
            field=["optimize"],
        )
    error = options.max_error
    if error is not None and not (math.isfinite(error) and 0.0 < error <= 1.0):
        raise InvalidInput("'max_error' must be in (0, 1], a fraction of the mesh's extent",
                           field=["optimize", "max_error"])
    if options.ratio is not None and not 0.0 < options.ratio < 1.0:
        raise InvalidInput("'ratio' must be between 0 and 1", field=["optimize", "ratio"])
    if options.target_triangles is not None and options.target_triangles < 1:
        raise InvalidInput(
            "'target_triangles' must be at least 1", field=["optimize", "target_triangles"]
        )


def _check_lod(fmt: OutputFormat, options: OptimizeOptions, max_levels: int) -> None:
    if fmt not in GLTF_FORMATS:
        raise UnsupportedOption(f"LOD writes its levels with glTF's MSFT_lod, which {fmt} "
                                "cannot hold", field=["optimize", "preset"])
    ratios = options.lod_levels
    field = ["optimize", "lod_ratios"]
    if not ratios:
        raise InvalidInput("'lod_ratios' needs at least one level", field=field)
    if len(ratios) > max_levels:
        raise LimitExceeded(f"'lod_ratios' asks for {len(ratios)} levels, more than the "
                            f"{max_levels} allowed", field=field)
    for number, ratio in enumerate(ratios):
        if not (math.isfinite(ratio) and 0.0 < ratio < 1.0):
            raise InvalidInput("each of 'lod_ratios' must be between 0 and 1, exclusive",
                               field=[*field, str(number)])
        if number and ratio >= ratios[number - 1]:
            raise InvalidInput("'lod_ratios' must decrease strictly, from the finest level",
                               field=[*field, str(number)])


def _check_textures(fmt: OutputFormat, options: OptimizeOptions) -> None:
    if fmt in UNTEXTURED_FORMATS:
        raise UnsupportedOption(f"{fmt} files hold no textures", field=["optimize", "preset"])
    if options.max_texture_size is None and options.texture_format is None:
        raise InvalidInput(
            "TEXTURES needs 'max_texture_size', 'texture_format' or both", field=["optimize"]
        )
    size = options.max_texture_size
    if size is not None and not 1 <= size <= MAX_TEXTURE_SIZE_LIMIT:
        raise InvalidInput(
            f"'max_texture_size' must be between 1 and {MAX_TEXTURE_SIZE_LIMIT}",
            field=["optimize", "max_texture_size"],
        )
    encoding = options.texture_format
    if encoding is not None and encoding not in TEXTURE_ENCODINGS[fmt]:
        raise UnsupportedOption(
            f"{fmt} cannot hold {encoding} textures", field=["optimize", "texture_format"]
        )


def options_key(fmt: OutputFormat, options: OptimizeOptions) -> str:
    """A canonical string naming the output: equal requests give equal keys.

    Only settings that change the output are included, so a default spelled out and a
    default left implicit share one key.
    """
    parts = [KEY_VERSION, f"format={fmt}", f"preset={options.preset}"]
    preset = options.preset
    if preset is OptimizePreset.SIMPLIFY:
        if options.ratio is not None:
            parts.append(f"ratio={float(options.ratio)!r}")
        elif options.max_error is not None:
            parts.append(f"max_error={float(options.max_error)!r}")
        else:
            parts.append(f"target_triangles={options.target_triangles}")
    elif preset is OptimizePreset.COMPRESS:
        parts.append(f"compression={options.compression}")
        parts.append(f"quantize={str(options.quantize).lower()}")
        if options.position_error is not None:
            parts.append(f"position_error={float(options.position_error)!r}")
    elif preset is OptimizePreset.TEXTURES:
        parts.append(f"max_texture_size={options.max_texture_size}")
        parts.append(f"texture_format={options.texture_format}")
    elif preset is OptimizePreset.LOD:
        parts.append("lod_ratios=" + ",".join(repr(float(r)) for r in options.lod_levels))
    return ";".join(parts)
