"""GraphQL inputs of conversions: the output format and one optimisation preset with its
settings."""

from __future__ import annotations

from enum import Enum
from typing import Any

import strawberry

from app.errors import UnsupportedOption
from app.geometry import convert

OutputFormat = strawberry.enum(
    convert.OutputFormat, name="OutputFormat",
    description="GLB; GLTF (a zip of .gltf, .bin and textures); OBJ (a zip with MTL and "
    "textures); STL (binary); PLY (binary, with vertex colours when present); USDZ.")
OptimizePreset = strawberry.enum(
    convert.OptimizePreset, name="OptimizePreset",
    description="NONE; WELD merges duplicate vertices and drops degenerate and unused data; "
    "SIMPLIFY keeps ratio or targetTriangles of the triangles, UV seams and borders; COMPRESS "
    "writes glTF mesh compression; TEXTURES resizes and re-encodes images.")


@strawberry.enum(description="How COMPRESS stores meshes.")
class MeshCompression(Enum):
    MESHOPT = "MESHOPT"
    DRACO = "DRACO"


@strawberry.enum(description="Image encoding of TEXTURES output.")
class TextureFormat(Enum):
    JPEG = "JPEG"
    WEBP = "WEBP"
    PNG = "PNG"
    KTX2 = "KTX2"


@strawberry.input(description="One optimisation preset; settings of other presets stay unset.")
class OptimizeInput:
    preset: OptimizePreset = convert.OptimizePreset.NONE
    ratio: float | None = strawberry.field(
        default=None, description="SIMPLIFY: the fraction of triangles to keep, in (0, 1)")
    target_triangles: int | None = strawberry.field(
        default=None, description="SIMPLIFY: how many triangles to keep")
    compression: MeshCompression | None = strawberry.field(
        default=None, description="COMPRESS: MESHOPT (EXT_meshopt_compression, the default) or "
        "DRACO (KHR_draco_mesh_compression)")
    quantize: bool | None = strawberry.field(
        default=None, description="COMPRESS: quantise vertex data (default true; DRACO always "
        "quantises)")
    max_texture_size: int | None = strawberry.field(
        default=None, description="TEXTURES: the longest side of any image, in pixels")
    texture_format: TextureFormat | None = strawberry.field(
        default=None, description="TEXTURES: re-encode every image as this")

    def to_options(self) -> convert.OptimizeOptions:
        """The options asked for; settings left out keep the converter's defaults."""
        compress_only = {"compression": self.compression, "quantize": self.quantize}
        for name, value in compress_only.items():
            if value is not None and self.preset is not convert.OptimizePreset.COMPRESS:
                raise UnsupportedOption(f"'{name}' belongs to the COMPRESS preset, not "
                                        f"{self.preset}", field=["input", "optimize", name])
        given: dict[str, Any] = {
            "ratio": self.ratio, "target_triangles": self.target_triangles,
            "compression": self.compression and self.compression.value,
            "quantize": self.quantize, "max_texture_size": self.max_texture_size,
            "texture_format": self.texture_format and self.texture_format.value,
        }
        return convert.OptimizeOptions(
            self.preset, **{name: value for name, value in given.items() if value is not None})


@strawberry.input(description="What to convert an asset to.")
class AssetConvertInput:
    format: OutputFormat
    optimize: OptimizeInput | None = None

    def to_request(self) -> convert.ConversionRequest:
        optimize = self.optimize or OptimizeInput()
        return convert.ConversionRequest(self.format, optimize.to_options())
