"""convert_glb: read a normalised GLB, apply one optimisation preset, write one output file."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from app.errors import AtelierError, ErrorCode, InvalidInput, JobTimeout, LimitExceeded
from app.geometry.convert.compress_meshopt import MeshoptCodec, meshopt_codec
from app.geometry.convert.model import Model, read_model
from app.geometry.convert.options import (
    DEFAULT_MAX_LOD_LEVELS,
    OptimizeOptions,
    OptimizePreset,
    OutputFormat,
    check_supported,
    output_format,
)
from app.geometry.convert.packing import ViewCodec
from app.geometry.convert.quantization import (
    CompressionReport,
    default_position_error,
    model_extent,
)
from app.geometry.convert.scene import drawn_triangles, flatten
from app.geometry.convert.weld import weld
from app.geometry.convert.write_gltf import write_glb, write_gltf_zip
from app.geometry.convert.write_mesh import write_ply, write_stl

Progress = Callable[[str, float], None]
CONTENT_TYPES = {
    OutputFormat.GLB: "model/gltf-binary",
    OutputFormat.GLTF: "application/zip",
    OutputFormat.OBJ: "application/zip",
    OutputFormat.STL: "model/stl",
    OutputFormat.PLY: "application/vnd.ply",
    OutputFormat.USDZ: "model/vnd.usdz+zip",
}
SUFFIXES = {
    OutputFormat.GLB: ".glb",
    OutputFormat.GLTF: ".gltf.zip",
    OutputFormat.OBJ: ".obj.zip",
    OutputFormat.STL: ".stl",
    OutputFormat.PLY: ".ply",
    OutputFormat.USDZ: ".usdz",
}


@dataclass(frozen=True)
class ConvertLimits:
    """What one conversion may consume; exceeding any raises LimitExceeded or JobTimeout."""

    max_source_bytes: int = 1 << 30
    max_triangles: int = 20_000_000
    max_texture_pixels: int = 8192 * 8192
    max_output_bytes: int = 2 << 30
    max_seconds: float = 900.0
    max_lod_levels: int = DEFAULT_MAX_LOD_LEVELS


@dataclass(frozen=True)
class ConvertedFile:
    path: Path
    format: OutputFormat
    content_type: str
    filename: str
    triangle_count: int
    compression: dict[str, Any] | None = None  # a CompressionReport, for COMPRESS
    lod_triangles: tuple[int, ...] | None = None  # LOD: drawn at level 0 (the source), 1, ...


class _Stages:
    """Reports each named stage and enforces the time limit between stages."""

    def __init__(self, progress: Progress | None, max_seconds: float) -> None:
        self.progress = progress
        self.deadline = time.monotonic() + max_seconds
        self.max_seconds = max_seconds

    def enter(self, name: str, fraction: float) -> None:
        if time.monotonic() > self.deadline:
            raise JobTimeout(f"conversion took longer than {self.max_seconds:g} s, stopped "
                             f"before '{name}'")
        self.report(name, fraction)

    def report(self, name: str, fraction: float) -> None:
        if self.progress is not None:
            self.progress(name, fraction)


def convert_glb(
    source: Path,
    fmt: OutputFormat,
    options: OptimizeOptions,
    work_dir: Path,
    progress: Progress | None = None,
    limits: ConvertLimits = ConvertLimits(),  # frozen: one shared default is safe
    stem: str = "model",
) -> ConvertedFile:
    """Convert `source` into `work_dir/<stem><suffix>`, reporting progress at named stages:
    'read', the preset's name in lower case (unless NONE), 'write' and 'converted'.

    Raises UnsupportedOption or InvalidInput before reading anything, CorruptFile for a bad
    source, LimitExceeded / JobTimeout past `limits`, and AtelierError(CONVERSION_FAILED)
    when a library fails on a valid source.
    """
    fmt = output_format(fmt)
    check_supported(fmt, options, limits.max_lod_levels)
    if not stem or stem.startswith(".") or Path(stem).name != stem:
        raise InvalidInput(f"'{stem}' is not a plain file name", field=["stem"])
    stages = _Stages(progress, limits.max_seconds)
    target = work_dir / f"{stem}{SUFFIXES[fmt]}"
    try:
        stages.enter("read", 0.0)
        model = _read(source, limits)
        if options.preset is not OptimizePreset.NONE:
            stages.enter(options.preset.lower(), 0.1)
        lod_triangles = None
        if options.preset is OptimizePreset.LOD:
            from app.geometry.convert.lod import add_lod_levels

            lod_triangles = add_lod_levels(model, options.lod_levels)
        codec = _optimize(model, options, limits)
        triangles = drawn_triangles(model.document)
        stages.enter("write", 0.5)
        report: CompressionReport | None = codec.report if isinstance(codec, MeshoptCodec) else None
        if options.preset is OptimizePreset.COMPRESS and options.compression == "DRACO":
            # after counting: Draco leaves only accessor stubs behind
            from app.geometry.convert.compress_draco import draco_compress

            report = draco_compress(model, position_budget(model, options))
        _write(model, fmt, target, codec, limits)
        if target.stat().st_size > limits.max_output_bytes:
            raise LimitExceeded(f"the {fmt} output is larger than "
                                f"{limits.max_output_bytes} bytes")
    except AtelierError:
        target.unlink(missing_ok=True)
        raise
    except MemoryError as exc:
        target.unlink(missing_ok=True)
        raise AtelierError("the conversion ran out of memory",
                           code=ErrorCode.RESOURCE_EXHAUSTED) from exc
    except Exception as exc:  # a library failing on valid input is a conversion failure
        target.unlink(missing_ok=True)
        raise AtelierError(f"{fmt} conversion failed: {type(exc).__name__}: {exc}",
                           code=ErrorCode.CONVERSION_FAILED) from exc
    stages.report("converted", 1.0)  # finished work is kept even if the clock ran out just now
    return ConvertedFile(target, fmt, CONTENT_TYPES[fmt], target.name, triangles,
                         report.as_dict() if report else None, lod_triangles)


def position_budget(model: Model, options: OptimizeOptions) -> float:
    """The error positions may have: the one asked for, or 14 bits over the model's extent."""
    if options.position_error is not None:
        return options.position_error
    positions = [p["attributes"]["POSITION"] for p in model.primitives()]
    return default_position_error(model_extent(positions))


def _read(source: Path, limits: ConvertLimits) -> Model:
    size = source.stat().st_size
    if size > limits.max_source_bytes:
        raise LimitExceeded(f"the source is {size} bytes, more than the "
                            f"{limits.max_source_bytes} allowed")
    model = read_model(source.read_bytes())
    if model.triangle_count() > limits.max_triangles:
        raise LimitExceeded(f"the source has {model.triangle_count()} triangles, more than "
                            f"the {limits.max_triangles} allowed")
    return model


def _optimize(model: Model, options: OptimizeOptions, limits: ConvertLimits) -> ViewCodec | None:
    """Apply the preset; returns the buffer view codec the writer must use, if any.

    Each preset's libraries (meshoptimizer's simplifier, DracoPy, Pillow) load when it runs:
    a process converting once pays only for its own (a tenth of a COMPRESS's CPU time).
    """
    preset = options.preset
    if preset is OptimizePreset.WELD:
        weld(model)
    elif preset is OptimizePreset.SIMPLIFY:
        from app.geometry.convert.simplify import simplify

        simplify(model, options.ratio, options.target_triangles, options.max_error)
    elif preset is OptimizePreset.TEXTURES:
        from app.geometry.convert.textures import optimize_textures

        optimize_textures(model, options.max_texture_size, options.texture_format,
                          limits.max_texture_pixels)
    elif preset is OptimizePreset.COMPRESS and options.compression == "MESHOPT":
        return meshopt_codec(model, options.quantize, position_budget(model, options))
    return None


def _write(
    model: Model, fmt: OutputFormat, target: Path, codec: ViewCodec | None, limits: ConvertLimits
) -> None:
    if fmt is OutputFormat.GLB:
        write_glb(model, target, codec)
    elif fmt is OutputFormat.GLTF:
        write_gltf_zip(model, target, codec)
    elif fmt is OutputFormat.USDZ:
        # USD's libraries take about 60 MiB and most of a second to load: only USDZ pays.
        from app.geometry.convert.write_usdz import write_usdz

        write_usdz(model, target, limits.max_texture_pixels)
    else:
        parts = list(flatten(model))
        if fmt is OutputFormat.OBJ:
            from app.geometry.convert.write_obj import write_obj_zip  # Pillow, for textures

            write_obj_zip(model, parts, target, limits.max_texture_pixels)
        elif fmt is OutputFormat.STL:
            write_stl(parts, target)
        else:
            write_ply(parts, model.document.get("materials", []), target)
