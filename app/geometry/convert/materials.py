"""Read glTF materials the way non-glTF writers need them: factors, texture images, PNG/JPEG."""

from __future__ import annotations

import io
from typing import Any

from PIL import Image as PillowImage

from app.errors import CorruptFile, LimitExceeded
from app.geometry.convert.model import Image, Model

PORTABLE_MIME_TYPES = frozenset({"image/png", "image/jpeg"})
TEXTURE_SLOTS = ("baseColorTexture", "metallicRoughnessTexture", "normalTexture",
                 "occlusionTexture", "emissiveTexture")


def material_at(model: Model, index: int | None) -> dict[str, Any]:
    materials = model.document.get("materials", [])
    return materials[index] if index is not None and 0 <= index < len(materials) else {}


def base_color_factor(material: dict[str, Any]) -> list[float]:
    pbr = material.get("pbrMetallicRoughness", {})
    return [float(v) for v in pbr.get("baseColorFactor", (1.0, 1.0, 1.0, 1.0))]


def texture_info(material: dict[str, Any], slot: str) -> dict[str, Any] | None:
    """The textureInfo object of a material slot, e.g. 'baseColorTexture', or None."""
    holder = material.get("pbrMetallicRoughness", {}) if slot in (
        "baseColorTexture", "metallicRoughnessTexture") else material
    info = holder.get(slot)
    return info if isinstance(info, dict) and "index" in info else None


def texture_source(model: Model, texture_index: int) -> int | None:
    """The image a texture samples, looking through EXT_texture_webp."""
    textures = model.document.get("textures", [])
    if not 0 <= texture_index < len(textures):
        return None
    texture = textures[texture_index]
    source = texture.get("source")
    if source is None:
        source = texture.get("extensions", {}).get("EXT_texture_webp", {}).get("source")
    return source if source is not None and 0 <= source < len(model.images) else None


def slot_image(model: Model, material: dict[str, Any], slot: str) -> int | None:
    info = texture_info(material, slot)
    return None if info is None else texture_source(model, info["index"])


def portable_image(image: Image, max_pixels: int) -> Image:
    """The image as PNG or JPEG, which every reader outside glTF can open."""
    if image.mime_type in PORTABLE_MIME_TYPES:
        return image
    picture = open_image(image, max_pixels)
    output = io.BytesIO()
    picture.save(output, format="PNG")
    return Image(output.getvalue(), "image/png")


def open_image(image: Image, max_pixels: int) -> PillowImage.Image:
    """Decode an image, refusing ones whose size would exhaust memory."""
    try:
        picture = PillowImage.open(io.BytesIO(image.data))
        width, height = picture.size
        if width * height > max_pixels:
            raise LimitExceeded(
                f"a texture has {width}x{height} pixels, more than the {max_pixels} allowed"
            )
        picture.load()
    except (OSError, ValueError, PillowImage.DecompressionBombError) as exc:
        raise CorruptFile(f"a texture does not decode: {exc}") from exc
    return picture
