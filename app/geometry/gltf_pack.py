"""Pack a glTF document and its resources into one self-contained GLB (one BIN buffer)."""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

from app.errors import CorruptFile
from app.geometry.gltf_io import build_glb

ALIGNMENT = 8
IMAGE_MEDIA_TYPES = {b"\x89PNG": "image/png", b"\xff\xd8\xff": "image/jpeg", b"RIFF": "image/webp"}

Resolver = Callable[[str], tuple[bytes, str | None]]


def pack_glb(document: dict[str, Any], binary: bytes | None, resolve: Resolver) -> bytes:
    """Inline every buffer and image URI through `resolve(uri) -> (bytes, media type)`.

    Buffers without data that EXT_meshopt_compression marks as fallbacks stay data-less
    buffers of their own, after the one BIN buffer.
    """
    packed = copy.deepcopy(document)
    blob = bytearray()
    placement: list[tuple[int, int]] = []  # (new buffer index, byte offset) per old buffer
    fallbacks: list[dict[str, Any]] = []
    for index, buffer in enumerate(packed.get("buffers") or []):
        if _is_fallback(buffer, index, binary):
            fallbacks.append({"byteLength": buffer["byteLength"],
                              "extensions": buffer["extensions"]})
            placement.append((len(fallbacks), 0))
        else:
            placement.append((0, _append(blob, _buffer_bytes(buffer, index, binary, resolve))))
    for view in packed.get("bufferViews") or []:
        buffer_index = view.get("buffer")
        if not isinstance(buffer_index, int) or not 0 <= buffer_index < len(placement):
            raise CorruptFile(f"a bufferView refers to buffer {buffer_index}, which is missing")
        view["buffer"], offset = placement[buffer_index]
        view["byteOffset"] = int(view.get("byteOffset", 0)) + offset
    for image in packed.get("images") or []:
        if "uri" in image:
            data, media_type = resolve(image.pop("uri"))
            image["mimeType"] = _sniff_image(data, media_type)
            packed.setdefault("bufferViews", []).append(
                {"buffer": 0, "byteOffset": _append(blob, data), "byteLength": len(data)}
            )
            image["bufferView"] = len(packed["bufferViews"]) - 1
    if fallbacks and not blob:
        blob.extend(b"\x00" * ALIGNMENT)  # the BIN buffer must come first, and not be empty
    if blob:
        packed["buffers"] = [{"byteLength": len(blob)}, *fallbacks]
    else:
        packed.pop("buffers", None)
    return build_glb(packed, bytes(blob))


def _is_fallback(buffer: dict[str, Any], index: int, binary: bytes | None) -> bool:
    meshopt = (buffer.get("extensions") or {}).get("EXT_meshopt_compression") or {}
    has_data = "uri" in buffer or (index == 0 and binary is not None)
    return not has_data and meshopt.get("fallback") is True and "byteLength" in buffer


def _buffer_bytes(buffer: dict[str, Any], index: int, binary: bytes | None,
                  resolve: Resolver) -> bytes:
    declared = int(buffer.get("byteLength", 0))
    if "uri" in buffer:
        data, _ = resolve(buffer["uri"])
    elif index == 0 and binary is not None:
        data = binary
    else:
        raise CorruptFile(f"buffer {index} has no data")
    if len(data) < declared:
        raise CorruptFile(f"buffer {index} declares {declared} bytes but has {len(data)}")
    return data[:declared]


def _append(blob: bytearray, data: bytes) -> int:
    blob.extend(b"\x00" * (-len(blob) % ALIGNMENT))
    offset = len(blob)
    blob.extend(data)
    return offset


def _sniff_image(data: bytes, declared: str | None) -> str:
    """The type the image's bytes show (a URI's declared type can be wrong), else declared."""
    for magic, media_type in IMAGE_MEDIA_TYPES.items():
        if data.startswith(magic):
            return media_type
    if declared is None:
        raise CorruptFile("an image is neither PNG, JPEG nor WebP")
    return declared
