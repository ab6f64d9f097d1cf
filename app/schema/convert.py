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
        "LOD": "Levels of detail (lodRatios) in one glTF with MSFT_lod; viewers without it "
               "show the source. The job's message gives each level's triangles.",
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
    lod_ratios: list[float] | None = strawberry.field(
        default=None, description="LOD: the fraction of the source's triangles each level "
        "keeps, each in (0, 1) and strictly decreasing (default [0.5, 0.25, 0.125]; at most "
        "ATELIER_LOD_MAX_LEVELS levels)")


@strawberry.input(description="What to convert an asset to.")
class AssetConvertInput:
    format: OutputFormat = strawberry.field(description="The file to write")
    optimize: OptimizeInput | None = strawberry.field(
        default=None, description="An optimisation on the way; null: NONE")


@strawberry.type(description="One attribute as COMPRESS stored it, and what that cost.")
class CompressedAttribute:
    semantic: str = strawberry.field(description=(
        "The glTF attribute (POSITION, NORMAL, TEXCOORD_0, ...), 'target X' for a morph "
        "target's, or 'rotation keyframes'."))
    encoding: str = strawberry.field(description=(
        "How it is stored: integer (a 16-bit grid), normalized, octahedral, exponential, "
        "quaternion, lossless or draco."))
    bits: int = strawberry.field(description="Quantisation bits per component; 0 when lossless.")
    bytes: int = strawberry.field(description=(
        "Compressed bytes in the file (Draco books its whole stream on POSITION)."))
    max_error: float = strawberry.field(description=(
        "The largest error measured against the source: a distance in model units for "
        "positions, in UV units for texture coordinates, degrees for normals, tangents and "
        "rotations."))


@strawberry.type(description="What COMPRESS did: the budget it worked to and each attribute's "
                 "size and error.")
class CompressionReport:
    compression: MeshCompression = strawberry.field(description="The codec used.")
    position_error: float = strawberry.field(description=(
        "The position error budget in model units: positionError, or what 14 bits over the "
        "model's extent give; 0 for MESHOPT without quantisation."))
    attributes: list[CompressedAttribute] = strawberry.field(description=(
        "Each compressed attribute, primitives folded together."))
    index_bytes: int = strawberry.field(description=(
        "Bytes of the encoded index buffers (0 for Draco, whose stream holds them)."))

