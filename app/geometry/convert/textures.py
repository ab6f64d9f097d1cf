"""The TEXTURES preset: shrink images to a maximum size and re-encode them with Pillow.

An image that already fits and already has the asked encoding is left byte for byte.
JPEG has no alpha channel, so an image with transparency asked to become JPEG becomes
PNG instead of losing its cut-outs. WebP images are referenced through EXT_texture_webp.
"""

from __future__ import annotations

import io
from typing import cast

from PIL import Image as PillowImage

from app.geometry.convert.materials import open_image
from app.geometry.convert.model import Image, Model, add_extension, drop_extension

WEBP_EXTENSION = "EXT_texture_webp"
MIME_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp"}
ENCODINGS = {mime: name for name, mime in MIME_TYPES.items()}
QUALITY = 90


def optimize_textures(
    model: Model, max_size: int | None, encoding: str | None, max_pixels: int
) -> None:
    for index, image in enumerate(model.images):
        model.images[index] = reencode(image, max_size, encoding, max_pixels)
    _reference_images(model)


def reencode(image: Image, max_size: int | None, encoding: str | None, max_pixels: int) -> Image:
    picture = open_image(image, max_pixels)
    target = encoding or ENCODINGS.get(image.mime_type, "PNG")
    if target == "JPEG" and _has_transparency(picture):
        target = "PNG"
    too_big = max_size is not None and max(picture.size) > max_size
    if not too_big and MIME_TYPES[target] == image.mime_type:
        return image
    if too_big and max_size is not None:
        picture.thumbnail((max_size, max_size), PillowImage.Resampling.LANCZOS)
    output = io.BytesIO()
    if target == "JPEG":
        picture.convert("RGB").save(output, format="JPEG", quality=QUALITY, optimize=True)
    elif target == "WEBP":
        picture.save(output, format="WEBP", quality=QUALITY, method=4)
    else:
        picture.save(output, format="PNG", optimize=True)
    return Image(output.getvalue(), MIME_TYPES[target])


def _has_transparency(picture: PillowImage.Image) -> bool:
    if picture.mode == "P":
        picture = picture.convert("RGBA")
    if "A" not in picture.getbands():
        return False
    # One band's extrema are a (min, max) pair; Pillow's type also covers many bands.
    low, _ = cast(tuple[int, int], picture.getchannel("A").getextrema())
    return bool(low < 255)


def _reference_images(model: Model) -> None:
    """Point each texture at its image the way the image's encoding requires."""
    any_webp = False
    for texture in model.document.get("textures", []):
        extensions = texture.get("extensions", {})
        source = texture.get("source", extensions.get(WEBP_EXTENSION, {}).get("source"))
        if source is None:
            continue
        if model.images[source].mime_type == MIME_TYPES["WEBP"]:
            texture.pop("source", None)
            extensions[WEBP_EXTENSION] = {"source": source}
            texture["extensions"] = extensions
            any_webp = True
        else:
            texture["source"] = source
            extensions.pop(WEBP_EXTENSION, None)
            if not extensions:
                texture.pop("extensions", None)
    if any_webp:
        add_extension(model.document, WEBP_EXTENSION, required=True)
    else:
        drop_extension(model.document, WEBP_EXTENSION)
