"""Reading raw upload bytes for validation: the GLB container, strict JSON, and buffer bytes.

Unlike `gltf_io.load_asset`, nothing here raises on a bad file: every problem becomes an issue
(Khronos's GLB_*, INVALID_JSON, IO_ERROR codes) and whatever can still be read is returned.
"""

from __future__ import annotations

import json
import struct
from typing import Any

from app.geometry.gltf_io import CHUNK_BIN, CHUNK_JSON, GltfAsset

from .context import Context, is_int, join
from .images import UriResolver
from .uris import parse_data_uri, reference_problem

_JSON_START = b"{ \t\r\n\xef"


def load_for_validation(ctx: Context, data: bytes,
                        resolve_uri: UriResolver | None) -> GltfAsset | None:
    """The asset with every buffer that can be loaded; None when there is no JSON to validate."""
    binary = None
    if data[:1] == b"g":
        ctx.glb = True
        raw_json, binary = read_glb(ctx, data)
    elif data[:1] and data[:1] in _JSON_START:
        raw_json = data
    else:
        ctx.add("INVALID_JSON", None, "the data is neither a GLB nor glTF JSON")
        return None
    # An empty JSON chunk is already reported as such, not parsed.
    document = parse_document(ctx, raw_json) if raw_json else None
    if document is None:
        return None
    return GltfAsset(document=document, buffers=_load_buffers(ctx, document, binary, resolve_uri))


def parse_document(ctx: Context, raw: bytes) -> dict[str, Any] | None:
    if raw[:3] == b"\xef\xbb\xbf":
        ctx.add("INVALID_JSON", None, "a byte order mark starts the UTF-8 stream")
        return None
    try:
        document = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
    except (UnicodeDecodeError, ValueError) as exc:
        ctx.add("INVALID_JSON", None, str(exc))
        return None
    if not isinstance(document, dict):
        ctx.add("TYPE_MISMATCH", None, json.dumps(document)[:64], "object")
        return None
    return document


def _reject_constant(name: str) -> float:
    raise ValueError(f"{name} is not valid JSON")


def read_glb(ctx: Context, data: bytes) -> tuple[bytes | None, bytes | None]:
    """Walk the GLB header and chunks as Khronos does; return the JSON and BIN chunk bytes."""
    if len(data) < 12:
        ctx.add_at_byte("GLB_UNEXPECTED_END_OF_HEADER", len(data))
        return None, None
    magic, version, total = struct.unpack_from("<4sII", data)
    if magic != b"glTF":
        ctx.add_at_byte("GLB_INVALID_MAGIC", 0, int.from_bytes(magic, "little"))
        return None, None
    if version != 2:
        ctx.add_at_byte("GLB_INVALID_VERSION", 4, version)
        return None, None
    if total <= 12:
        ctx.add_at_byte("GLB_LENGTH_TOO_SMALL", 8, total)
    chunks: dict[int, bytes] = {}
    offset, number = 12, 0
    while offset < len(data):
        if offset == total:
            ctx.add_at_byte("GLB_EXTRA_DATA", offset)
            break
        if offset + 8 > len(data):
            ctx.add_at_byte("GLB_UNEXPECTED_END_OF_CHUNK_HEADER", len(data))
            return None, None
        length, kind = struct.unpack_from("<II", data, offset)
        _check_chunk_header(ctx, offset, length, kind, number, total, chunks)
        number += 1
        start, offset = offset + 8, offset + 8 + length
        if offset > len(data):
            if length:
                ctx.add_at_byte("GLB_UNEXPECTED_END_OF_CHUNK_DATA", len(data))
            return None, None
        if kind in (CHUNK_JSON, CHUNK_BIN) and kind not in chunks:
            chunks[kind] = data[start:offset]
    if offset == len(data) and total != offset:
        ctx.add_at_byte("GLB_LENGTH_MISMATCH", offset, total, offset)
    return chunks.get(CHUNK_JSON), chunks.get(CHUNK_BIN)


def _check_chunk_header(ctx: Context, offset: int, length: int, kind: int, number: int,
                        total: int, seen: dict[int, bytes]) -> None:
    name = f"0x{kind:08x}"
    if length & 3:
        ctx.add_at_byte("GLB_CHUNK_LENGTH_UNALIGNED", offset, name)
    if offset + 8 + length > total:
        ctx.add_at_byte("GLB_CHUNK_TOO_BIG", offset, name, length)
    if number == 0 and kind != CHUNK_JSON:
        ctx.add_at_byte("GLB_UNEXPECTED_FIRST_CHUNK", offset, name)
    if kind == CHUNK_BIN and number > 1 and CHUNK_BIN not in seen:
        ctx.add_at_byte("GLB_UNEXPECTED_BIN_CHUNK", offset)
    if kind == CHUNK_JSON and length == 0:
        ctx.add_at_byte("GLB_EMPTY_CHUNK", offset, name)
    if kind == CHUNK_BIN and length == 0:
        ctx.add_at_byte("GLB_EMPTY_BIN_CHUNK", offset)
    if kind in (CHUNK_JSON, CHUNK_BIN) and kind in seen:
        ctx.add_at_byte("GLB_DUPLICATE_CHUNK", offset, name)
    elif kind not in (CHUNK_JSON, CHUNK_BIN):
        ctx.add_at_byte("GLB_UNKNOWN_CHUNK_TYPE", offset, name)


def _load_buffers(ctx: Context, document: dict[str, Any], binary: bytes | None,
                  resolve_uri: UriResolver | None) -> list[bytes]:
    """One entry per buffer; buffers that cannot be loaded are empty and marked unloaded."""
    buffers = document.get("buffers")
    loaded: list[bytes] = []
    for i, buffer in enumerate(buffers if isinstance(buffers, list) else []):
        data = _buffer_bytes(ctx, i, buffer, binary, resolve_uri)
        if data is None:
            ctx.unloaded_buffers.add(i)
        loaded.append(data or b"")
    return loaded


def _buffer_bytes(ctx: Context, index: int, buffer: object, binary: bytes | None,
                  resolve_uri: UriResolver | None) -> bytes | None:
    if not isinstance(buffer, dict) or not _valid_length(buffer.get("byteLength")):
        return None
    uri = buffer.get("uri")
    if "uri" not in buffer:
        if ctx.glb and index == 0:
            if binary is None:
                ctx.add("BUFFER_MISSING_GLB_DATA", join("/buffers", 0))
            return binary
        return None
    if not isinstance(uri, str) or reference_problem(uri) is not None:
        return None  # reported as TYPE_MISMATCH or INVALID_URI by the buffer checks
    if uri[:5].lower() == "data:":
        try:
            return parse_data_uri(uri).data
        except ValueError:  # reported as INVALID_URI by the buffer checks
            return None
    try:
        if resolve_uri is None:
            raise LookupError("external resources are not available")
        return resolve_uri(uri)
    except Exception as exc:  # any failure to fetch is Khronos's IO_ERROR, reported as data
        ctx.add("IO_ERROR", join("/buffers", index, "uri"), str(exc))
        return None


def _valid_length(value: object) -> bool:
    return is_int(value) and int(value) >= 1
