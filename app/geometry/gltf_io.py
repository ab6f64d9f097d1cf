"""Reading and writing the glTF 2.0 containers (GLB and JSON) and their accessors as numpy arrays.

This is the one place that knows the binary layout, so stats, validation, rendering and
conversion all read geometry the same way, without turning it into Python objects.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from app.errors import CorruptFile

GLB_MAGIC = b"glTF"
CHUNK_JSON = 0x4E4F534A
CHUNK_BIN = 0x004E4942

COMPONENT_DTYPES: dict[int, np.dtype] = {
    5120: np.dtype(np.int8),
    5121: np.dtype(np.uint8),
    5122: np.dtype("<i2"),
    5123: np.dtype("<u2"),
    5125: np.dtype("<u4"),
    5126: np.dtype("<f4"),
}
TYPE_SIZES: dict[str, int] = {
    "SCALAR": 1,
    "VEC2": 2,
    "VEC3": 3,
    "VEC4": 4,
    "MAT2": 4,
    "MAT3": 9,
    "MAT4": 16,
}
_NORMALIZE_DIVISORS = {5120: 127.0, 5121: 255.0, 5122: 32767.0, 5123: 65535.0}


@dataclass
class GltfAsset:
    """A parsed glTF document with its buffers resolved to bytes (index-aligned with `buffers`)."""

    document: dict[str, Any]
    buffers: list[bytes] = field(default_factory=list)

    def section(self, name: str) -> list[dict[str, Any]]:
        value = self.document.get(name, [])
        return value if isinstance(value, list) else []


def is_glb(data: bytes) -> bool:
    return data[:4] == GLB_MAGIC


def split_glb(data: bytes) -> tuple[dict[str, Any], bytes | None]:
    """Return the JSON document and the BIN chunk of a GLB, or raise CorruptFile."""
    if len(data) < 20 or data[:4] != GLB_MAGIC:
        raise CorruptFile("not a GLB file: missing the 'glTF' header")
    _, version, length = struct.unpack_from("<4sII", data, 0)
    if version != 2:
        raise CorruptFile(f"GLB version {version} is not supported; only glTF 2.0 is")
    if length > len(data):
        raise CorruptFile(f"GLB header declares {length} bytes but the file has {len(data)}")
    offset = 12
    document: dict[str, Any] | None = None
    binary: bytes | None = None
    while offset + 8 <= length:
        chunk_length, chunk_type = struct.unpack_from("<II", data, offset)
        start = offset + 8
        end = start + chunk_length
        if end > length:
            raise CorruptFile("GLB chunk runs past the end of the file")
        if chunk_type == CHUNK_JSON and document is None:
            document = parse_json(data[start:end])
        elif chunk_type == CHUNK_BIN and binary is None:
            binary = bytes(data[start:end])
        offset = end
    if document is None:
        raise CorruptFile("GLB has no JSON chunk")
    return document, binary


def parse_json(raw: bytes) -> dict[str, Any]:
    try:
        document = json.loads(bytes(raw).decode("utf-8").rstrip(" \x00"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorruptFile(f"glTF JSON does not parse: {exc}") from exc
    if not isinstance(document, dict):
        raise CorruptFile("glTF JSON is not an object")
    return document


def load_asset(
    data: bytes, resolve_uri: Callable[[str], bytes] | None = None
) -> GltfAsset:
    """Parse a GLB or glTF JSON file; external buffer URIs go through `resolve_uri`."""
    if is_glb(data):
        document, binary = split_glb(data)
    else:
        document, binary = parse_json(data), None
    buffers: list[bytes] = []
    for index, buffer in enumerate(document.get("buffers", []) or []):
        uri = buffer.get("uri") if isinstance(buffer, dict) else None
        if uri is None:
            # Only the GLB's first buffer has data without a URI; others without one are valid
            # too (EXT_meshopt_compression fallbacks) and read as empty.
            buffers.append(binary if index == 0 and binary is not None else b"")
        elif resolve_uri is None:
            raise CorruptFile(f"buffer {index} refers to '{uri}', which cannot be resolved")
        else:
            buffers.append(resolve_uri(uri))
    return GltfAsset(document=document, buffers=buffers)


def accessor_array(asset: GltfAsset, index: int) -> np.ndarray:
    """Return accessor `index` as an (count, components) array, or (count,) for SCALAR.

    Normalised integer accessors come back as float32; sparse accessors are applied.
    """
    accessors = asset.section("accessors")
    if not 0 <= index < len(accessors):
        raise CorruptFile(f"accessor {index} does not exist")
    accessor = accessors[index]
    try:
        dtype = COMPONENT_DTYPES[accessor["componentType"]]
        width = TYPE_SIZES[accessor["type"]]
        count = int(accessor["count"])
    except (KeyError, TypeError) as exc:
        raise CorruptFile(f"accessor {index} is malformed: {exc}") from exc
    if "bufferView" in accessor:
        values = _read_view(asset, accessor["bufferView"], accessor.get("byteOffset", 0),
                            dtype, width, count)
    else:
        values = np.zeros((count, width), dtype=dtype)
    sparse = accessor.get("sparse")
    if sparse:
        values = values.copy()
        sparse_count = int(sparse["count"])
        indices_info = sparse["indices"]
        indices = _read_view(asset, indices_info["bufferView"], indices_info.get("byteOffset", 0),
                             COMPONENT_DTYPES[indices_info["componentType"]], 1, sparse_count)
        replacement = _read_view(asset, sparse["values"]["bufferView"],
                                 sparse["values"].get("byteOffset", 0), dtype, width, sparse_count)
        if sparse_count and int(indices.max()) >= count:
            raise CorruptFile(f"accessor {index} sparse index out of range")
        values[indices.reshape(-1)] = replacement
    if accessor.get("normalized") and accessor["componentType"] in _NORMALIZE_DIVISORS:
        divisor = _NORMALIZE_DIVISORS[accessor["componentType"]]
        values = np.maximum(values.astype(np.float32) / divisor, -1.0)
    return values.reshape(count) if width == 1 else values


def _read_view(
    asset: GltfAsset, view_index: int, offset: int, dtype: np.dtype, width: int, count: int
) -> np.ndarray:
    views = asset.section("bufferViews")
    if not 0 <= view_index < len(views):
        raise CorruptFile(f"bufferView {view_index} does not exist")
    view = views[view_index]
    buffer_index = view.get("buffer", -1)
    if not 0 <= buffer_index < len(asset.buffers):
        raise CorruptFile(f"bufferView {view_index} refers to a missing buffer")
    buffer = asset.buffers[buffer_index]
    view_start = int(view.get("byteOffset", 0))
    view_length = int(view.get("byteLength", 0))
    if view_start + view_length > len(buffer):
        raise CorruptFile(f"bufferView {view_index} runs past the end of its buffer")
    element_size = dtype.itemsize * width
    stride = int(view.get("byteStride") or element_size)
    needed = offset + stride * (count - 1) + element_size if count else 0
    if needed > view_length:
        raise CorruptFile(f"accessor data runs past the end of bufferView {view_index}")
    start = view_start + offset
    if stride == element_size:
        flat = np.frombuffer(buffer, dtype=dtype, count=count * width, offset=start)
        return flat.reshape(count, width)
    strided = np.lib.stride_tricks.as_strided(
        np.frombuffer(buffer, dtype=np.uint8, count=needed, offset=start),
        shape=(count, element_size), strides=(stride, 1),
    )
    return np.ascontiguousarray(strided).view(dtype).reshape(count, width)


def build_glb(document: dict[str, Any], binary: bytes) -> bytes:
    """Assemble a GLB from a glTF document and its single BIN buffer, padding both chunks."""
    raw_json = json.dumps(document, separators=(",", ":")).encode("utf-8")
    raw_json += b" " * (-len(raw_json) % 4)
    binary_padding = b"\x00" * (-len(binary) % 4)
    binary_length = len(binary) + len(binary_padding)
    total = 12 + 8 + len(raw_json) + (8 + binary_length if binary else 0)
    parts = [struct.pack("<4sII", GLB_MAGIC, 2, total),
             struct.pack("<II", len(raw_json), CHUNK_JSON), raw_json]
    if binary:
        parts += [struct.pack("<II", binary_length, CHUNK_BIN), binary, binary_padding]
    return b"".join(parts)  # one copy of the binary, which may be hundreds of MiB
