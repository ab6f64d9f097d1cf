"""Checks of textures and material extensions: sizes a GPU or viewer handles badly, and
extensions a viewer may not implement."""

from __future__ import annotations

from dataclasses import dataclass

from app.geometry.gltf_images import HEADER_BYTES
from app.geometry.gltf_io import GltfAsset
from app.geometry.validation.image_headers import (
    ImageInvalid,
    ImageTruncated,
    ImageUnrecognized,
    read_header,
)

# What three.js's GLTFLoader (the demo page's viewer, and the most common web viewer) reads.
# Anything else falls back to the core material at best, or refuses the file when required.
VIEWER_EXTENSIONS = frozenset({
    "KHR_draco_mesh_compression", "KHR_lights_punctual", "KHR_materials_anisotropy",
    "KHR_materials_clearcoat", "KHR_materials_dispersion", "KHR_materials_emissive_strength",
    "KHR_materials_ior", "KHR_materials_iridescence", "KHR_materials_sheen",
    "KHR_materials_specular", "KHR_materials_transmission", "KHR_materials_unlit",
    "KHR_materials_volume", "KHR_mesh_quantization", "KHR_texture_basisu",
    "KHR_texture_transform", "EXT_materials_bump", "EXT_meshopt_compression",
    "EXT_mesh_gpu_instancing", "EXT_texture_avif", "EXT_texture_webp",
})


@dataclass(frozen=True)
class ImageSize:
    pointer: str
    width: int
    height: int


def image_sizes(asset: GltfAsset) -> list[ImageSize]:
    """The size each embedded PNG, JPEG or WebP image declares (KTX2 and broken headers are
    left to validation)."""
    views = asset.section("bufferViews")
    sizes = []
    for index, image in enumerate(asset.section("images")):
        view_index = image.get("bufferView") if isinstance(image, dict) else None
        if not isinstance(view_index, int) or not 0 <= view_index < len(views):
            continue
        view = views[view_index]
        buffer_index, start = view.get("buffer", 0), int(view.get("byteOffset", 0))
        if not isinstance(buffer_index, int) or not 0 <= buffer_index < len(asset.buffers):
            continue
        length = min(int(view.get("byteLength", 0)), HEADER_BYTES)
        try:
            header = read_header(asset.buffers[buffer_index][start:start + length])
        except (ImageUnrecognized, ImageTruncated, ImageInvalid):
            continue
        sizes.append(ImageSize(f"/images/{index}", header.width, header.height))
    return sizes


def is_power_of_two(value: int) -> bool:
    return value > 0 and value & (value - 1) == 0


def required_unsupported(asset: GltfAsset) -> list[tuple[str, str]]:
    """(pointer, name) of each required extension outside VIEWER_EXTENSIONS."""
    required = asset.document.get("extensionsRequired")
    return [(f"/extensionsRequired/{index}", name)
            for index, name in enumerate(required if isinstance(required, list) else [])
            if isinstance(name, str) and name not in VIEWER_EXTENSIONS]


def material_unsupported(asset: GltfAsset) -> list[tuple[str, list[str]]]:
    """(pointer, names) of each material using extensions outside VIEWER_EXTENSIONS."""
    found = []
    for index, material in enumerate(asset.section("materials")):
        extensions = material.get("extensions") if isinstance(material, dict) else None
        names = sorted(name for name in (extensions if isinstance(extensions, dict) else {})
                       if name not in VIEWER_EXTENSIONS)
        if names:
            found.append((f"/materials/{index}", names))
    return found
