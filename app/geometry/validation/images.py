"""Images: where their bytes come from, and whether those bytes are the image they claim to be."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from .context import join
from .image_headers import (
    ImageInvalid,
    ImageTruncated,
    ImageUnrecognized,
    detect_mime,
    read_header,
)
from .layout import view_bytes
from .model import IMAGE, Model
from .uris import read_uri

UriResolver = Callable[[str], bytes]


def check_images(model: Model, resolve_uri: UriResolver | None) -> dict[int, str]:
    """Check every image; return each image's MIME type (declared, else detected)."""
    ctx, types = model.ctx, {}
    for i, image, pointer in model.enumerate("images"):
        raw = model.asset.document["images"][i]
        view_index, mime = image.get("bufferView"), image.get("mimeType")
        uri, data_uri = read_uri(ctx, raw, pointer)
        has_uri = isinstance(raw.get("uri"), str)
        if view_index is not None and mime is None:
            ctx.add("UNSATISFIED_DEPENDENCY", join(pointer, "bufferView"), "'mimeType'")
        if (view_index is not None) == has_uri:
            ctx.add("ONE_OF_MISMATCH", pointer, "'bufferView', 'uri'")
        data = data_uri.data if data_uri is not None else None
        if data_uri is not None and detect_mime(data_uri.data) != data_uri.media_type.lower():
            ctx.add("INVALID_URI", join(pointer, "uri"), f"'{raw['uri'][:64]}'",
                    "the declared media type does not match the data")
            data = None
        view = model.resolve("bufferViews", view_index, pointer, "bufferView")
        if view_index is not None and view is not None:
            model.use_view(view_index, IMAGE, join(pointer, "bufferView"))
            if view.get("byteStride") is not None:
                ctx.add("IMAGE_BUFFER_VIEW_WITH_BYTESTRIDE", join(pointer, "bufferView"))
        if not image["extensions"]:
            data = _image_bytes(model, view_index, uri, data, resolve_uri, pointer)
            detected = _check_bytes(model, image, data, pointer) if data is not None else None
            mime = mime or detected
        if mime is not None:
            types[i] = mime
    return types


def _image_bytes(model: Model, view_index: int | None, uri: str | None, data: bytes | None,
                 resolve_uri: UriResolver | None, pointer: str) -> bytes | None:
    if uri is not None:
        if resolve_uri is None:
            return None
        try:
            return resolve_uri(uri)
        except Exception as exc:  # any failure to fetch is Khronos's IO_ERROR, reported as data
            model.ctx.add("IO_ERROR", join(pointer, "uri"), str(exc))
            return None
    if data is not None:
        return data
    found = view_bytes(model, view_index)
    if found is None:
        return None
    view, buffer = found
    start, length = view.get("byteOffset", 0), view.get("byteLength")
    if start is None or length is None or start + length > len(buffer):
        return None
    return buffer[start:start + length]


def _check_bytes(model: Model, image: dict[str, Any], data: bytes, pointer: str) -> str | None:
    ctx = model.ctx
    try:
        header = read_header(data)
    except ImageUnrecognized:
        ctx.add("IMAGE_UNRECOGNIZED_FORMAT", pointer)
        return None
    except ImageTruncated:
        ctx.add("IMAGE_UNEXPECTED_EOS", pointer)
        return None
    except ImageInvalid as exc:
        ctx.add("IMAGE_DATA_INVALID", pointer, str(exc))
        return None
    enabled = ("image/jpeg", "image/png") + (
        ("image/webp",) if "EXT_texture_webp" in ctx.extensions_loaded else ())
    if header.mime_type not in enabled:
        ctx.add("IMAGE_NON_ENABLED_MIME_TYPE", pointer, f"'{header.mime_type}'")
    declared = image.get("mimeType")
    if declared is not None and declared != header.mime_type:
        where = join(pointer, "bufferView" if image.get("bufferView") is not None else "uri")
        ctx.add("IMAGE_MIME_TYPE_INVALID", where, f"'{header.mime_type}'", f"'{declared}'")
    if not (_power_of_two(header.width) and _power_of_two(header.height)):
        ctx.add("IMAGE_NPOT_DIMENSIONS", pointer, header.width, header.height)
    if header.unusual:
        ctx.add("IMAGE_FEATURES_UNSUPPORTED", pointer)
    return header.mime_type


def _power_of_two(value: int) -> bool:
    return value > 0 and value & (value - 1) == 0
