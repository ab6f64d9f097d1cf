"""Read glTF metallic-roughness materials and decode the textures they use: base colour,
metallic-roughness, normal, occlusion and emissive (with KHR_materials_emissive_strength)."""

from __future__ import annotations

import base64
import io
from typing import Any

import numpy as np
from PIL import Image, UnidentifiedImageError

from app.errors import CorruptFile
from app.geometry.gltf_io import GltfAsset
from app.geometry.render.options import RenderLimits
from app.geometry.render.scene_data import Material, Texture, xyz

_EMISSIVE_STRENGTH = "KHR_materials_emissive_strength"


def read_materials(
    asset: GltfAsset, limits: RenderLimits
) -> tuple[list[Material], dict[int, Texture]]:
    """Every material, and the decoded textures they use, keyed by glTF texture index.

    A texture whose image is not inside the file (an external URI, or only a GPU-compressed
    source such as KTX2) is left out and its map is ignored (the factor alone applies).
    """
    materials: list[Material] = []
    textures: dict[int, Texture] = {}

    def texture(reference: dict[str, Any] | None) -> int | None:
        index = reference.get("index") if reference else None
        if index is not None and index not in textures:
            decoded = _read_texture(asset, index, limits)
            if decoded is not None:
                textures[index] = decoded
        return index if index in textures else None

    for entry in asset.section("materials"):
        pbr = entry.get("pbrMetallicRoughness", {})
        references = [pbr.get("baseColorTexture"), pbr.get("metallicRoughnessTexture"),
                      entry.get("normalTexture"), entry.get("occlusionTexture"),
                      entry.get("emissiveTexture")]
        indices = [texture(reference) for reference in references]
        used = [ref for ref, index in zip(references, indices, strict=True) if index is not None]
        normal = entry.get("normalTexture") or {}
        occlusion = entry.get("occlusionTexture") or {}
        strength = float(entry.get("extensions", {}).get(_EMISSIVE_STRENGTH, {}).get(
            "emissiveStrength", 1.0))
        materials.append(Material(
            base_color=tuple(pbr.get("baseColorFactor", (1.0, 1.0, 1.0, 1.0))),
            base_color_texture=indices[0],
            uv_set=int(used[0].get("texCoord", 0)) if used else 0,
            metallic=float(pbr.get("metallicFactor", 1.0)),
            roughness=float(pbr.get("roughnessFactor", 1.0)),
            metallic_roughness_texture=indices[1],
            normal_texture=indices[2],
            normal_scale=float(normal.get("scale", 1.0)),
            occlusion_texture=indices[3],
            occlusion_strength=float(occlusion.get("strength", 1.0)),
            emissive=xyz(strength * float(channel)
                         for channel in entry.get("emissiveFactor", (0.0, 0.0, 0.0))),
            emissive_texture=indices[4],
            alpha_mode=entry.get("alphaMode", "OPAQUE"),
            alpha_cutoff=float(entry.get("alphaCutoff", 0.5)),
            double_sided=bool(entry.get("doubleSided", False)),
        ))
    return materials, textures


def _read_texture(asset: GltfAsset, index: int, limits: RenderLimits) -> Texture | None:
    textures = asset.section("textures")
    if not 0 <= index < len(textures):
        raise CorruptFile(f"a material uses texture {index}, which does not exist")
    texture = textures[index]
    webp = texture.get("extensions", {}).get("EXT_texture_webp", {})
    source = webp.get("source", texture.get("source"))
    encoded = _image_bytes(asset, source) if source is not None else None
    if encoded is None:
        return None
    sampler = _sampler(asset, texture.get("sampler"))
    return Texture(pixels=_decode(encoded, limits), **sampler)


def _image_bytes(asset: GltfAsset, source: int) -> bytes | None:
    images = asset.section("images")
    if not 0 <= source < len(images):
        raise CorruptFile(f"a texture uses image {source}, which does not exist")
    image = images[source]
    if "bufferView" in image:
        views = asset.section("bufferViews")
        view = views[image["bufferView"]] if 0 <= image["bufferView"] < len(views) else {}
        if not 0 <= view.get("buffer", -1) < len(asset.buffers):
            raise CorruptFile(f"image {source} refers to a missing bufferView or buffer")
        start = int(view.get("byteOffset", 0))
        buffer: bytes = asset.buffers[view["buffer"]]
        return buffer[start : start + int(view.get("byteLength", 0))]
    uri = image.get("uri", "")
    if uri.startswith("data:") and ";base64," in uri:
        return base64.b64decode(uri.split(";base64,", 1)[1])
    return None


def _decode(encoded: bytes, limits: RenderLimits) -> np.ndarray:
    try:
        with Image.open(io.BytesIO(encoded)) as image:
            # Pillow reads the size from the header, so the limit holds before decoding.
            limits.check_texture(*image.size)
            image.draft("RGB", (limits.max_texture_size, limits.max_texture_size))
            rgba = image.convert("RGBA")
    except (UnidentifiedImageError, OSError, Image.DecompressionBombError) as exc:
        raise CorruptFile(f"a texture image does not decode: {exc}") from exc
    if max(rgba.size) > limits.max_texture_size:
        rgba.thumbnail((limits.max_texture_size, limits.max_texture_size))
    return np.asarray(rgba)


def _sampler(asset: GltfAsset, index: int | None) -> dict[str, int]:
    samplers = asset.section("samplers")
    if index is None or not 0 <= index < len(samplers):
        return {}
    sampler = samplers[index]
    keys = {"wrapS": "wrap_s", "wrapT": "wrap_t", "minFilter": "min_filter",
            "magFilter": "mag_filter"}
    return {ours: int(sampler[theirs]) for theirs, ours in keys.items() if theirs in sampler}
