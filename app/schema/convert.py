"""GraphQL inputs of conversions: the output format and one optimisation preset with its
settings."""

from __future__ import annotations

from enum import Enum

import strawberry

from app.geometry import convert
from app.geometry.convert import OptimizePreset, OutputFormat
from app.schema.enums import described, described_enum

described_enum(
    OutputFormat, name="OutputFormat", description="The file a conversion writes.", values={
        "GLB": "Binary glTF 2.0, one file.",
        "GLTF": "glTF 2.0 as a zip of the .gltf, its .bin and textures.",
        "OBJ": "Wavefront OBJ as a zip with its MTL and textures.",
        "STL": "Binary STL: triangles only.",
        "PLY": "Binary PLY, with vertex colours when present.",
        "USDZ": "USDZ, as Apple's AR Quick Look opens it.",
    })
described_enum(
    OptimizePreset, name="OptimizePreset", description="What a conversion does to the model "
    "on the way; each preset has its own settings in OptimizeInput.", values={
        "NONE": "Nothing: the model as ingest normalised it.",
        "WELD": "Merge duplicate vertices and drop degenerate triangles and unused data.",
        "SIMPLIFY": "Fewer triangles (ratio, targetTriangles or maxError), keeping UV seams "
                    "and borders.",
        "COMPRESS": "glTF mesh compression (meshopt or Draco), quantised within positionError.",
        "TEXTURES": "Resize images to maxTextureSize and re-encode them as textureFormat.",
    })


@described(description="How COMPRESS stores meshes.", values={
    "MESHOPT": "EXT_meshopt_compression: fast to decode, compresses well with gzip.",
    "DRACO": "KHR_draco_mesh_compression: the smallest geometry, slower to decode.",
})
class MeshCompression(Enum):
    MESHOPT = "MESHOPT"
    DRACO = "DRACO"


@described(description="Image encoding of TEXTURES output.", values={
    "JPEG": "Lossy, no alpha: an image with transparency becomes PNG instead.",
    "WEBP": "EXT_texture_webp: lossy, with alpha.",
    "PNG": "Lossless, with alpha.",
})
class TextureFormat(Enum):
    JPEG = "JPEG"
    WEBP = "WEBP"
    PNG = "PNG"


@strawberry.input(description="One optimisation preset; settings of other presets stay unset.")
class OptimizeInput:
    preset: OptimizePreset = strawberry.field(default=convert.OptimizePreset.NONE,
                                              description="What to do to the model")
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
    format: OutputFormat = strawberry.field(description="The file to write")
    optimize: OptimizeInput | None = strawberry.field(
        default=None, description="An optimisation on the way; null: NONE")
