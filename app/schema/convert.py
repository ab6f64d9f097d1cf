"""GraphQL inputs of conversions: the output format and one optimisation preset with its
settings."""

from __future__ import annotations

from enum import Enum

import strawberry

from app.geometry import convert
from app.geometry.convert import OptimizePreset, OutputFormat

strawberry.enum(
    OutputFormat, name="OutputFormat",
    description="GLB; GLTF (a zip of .gltf, .bin and textures); OBJ (a zip with MTL and "
    "textures); STL (binary); PLY (binary, with vertex colours when present); USDZ.")
strawberry.enum(
    OptimizePreset, name="OptimizePreset",
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
    max_error: float | None = strawberry.field(
        default=None, description="SIMPLIFY: instead of a count, remove triangles while the "
        "surface stays within this fraction of the mesh's extent, in (0, 1]")
    compression: MeshCompression | None = strawberry.field(
        default=None, description="COMPRESS: MESHOPT (EXT_meshopt_compression, the default) or "
        "DRACO (KHR_draco_mesh_compression)")
    quantize: bool | None = strawberry.field(
        default=None, description="COMPRESS: quantise vertex data (default true; DRACO always "
        "quantises)")
    position_error: float | None = strawberry.field(
        default=None, description="COMPRESS: the largest distance, in model units, a quantised "
        "position may move (default: what 14 bits over the model's extent give); positions get "
        "the fewest bits within it. The job's message reports the error reached")
    max_texture_size: int | None = strawberry.field(
        default=None, description="TEXTURES: the longest side of any image, in pixels")
    texture_format: TextureFormat | None = strawberry.field(
        default=None, description="TEXTURES: re-encode every image as this")


@strawberry.input(description="What to convert an asset to.")
class AssetConvertInput:
    format: OutputFormat
    optimize: OptimizeInput | None = None
