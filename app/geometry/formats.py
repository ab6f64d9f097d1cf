"""Recognise a model's format from its bytes (magic numbers and structure), not its name."""

from __future__ import annotations

import json
import re
import struct
from enum import StrEnum
from pathlib import Path

from app.errors import CorruptFile, EmptyFile, UnsupportedFormat

SNIFF_BYTES = 64 * 1024


class SourceFormat(StrEnum):
    GLB = "GLB"
    GLTF = "GLTF"
    ZIP = "ZIP"
    STL = "STL"
    OBJ = "OBJ"
    PLY = "PLY"
    OFF = "OFF"
    FBX = "FBX"
    DAE = "DAE"
    THREE_MF = "3MF"


EXTENSIONS: dict[str, SourceFormat] = {
    ".glb": SourceFormat.GLB,
    ".gltf": SourceFormat.GLTF,
    ".zip": SourceFormat.ZIP,
    ".stl": SourceFormat.STL,
    ".obj": SourceFormat.OBJ,
    ".ply": SourceFormat.PLY,
    ".off": SourceFormat.OFF,
    ".fbx": SourceFormat.FBX,
    ".dae": SourceFormat.DAE,
    ".3mf": SourceFormat.THREE_MF,
}

_OBJ_LINE = re.compile(rb"^\s*(v|vt|vn|f|o|g|mtllib|usemtl|s)\s", re.MULTILINE)


def detect_format(path: Path, filename: str) -> SourceFormat:
    """The format the bytes are in; raises EmptyFile, UnsupportedFormat or CorruptFile."""
    with path.open("rb") as handle:
        head = handle.read(SNIFF_BYTES)
    return detect_head(head, path.stat().st_size, filename)


def detect_head(head: bytes, size: int, filename: str) -> SourceFormat:
    """The format of a file of `size` bytes that starts with `head`, named `filename`."""
    if size == 0:
        raise EmptyFile(f"the file '{filename[:200]}' is empty")
    found = sniff(head, size)
    if found is not None:
        return found
    claimed = EXTENSIONS.get(Path(filename).suffix.lower())
    if claimed is not None:
        raise CorruptFile(f"the file is named as {claimed.value} but its bytes are not")
    raise UnsupportedFormat(
        "the file is not a supported 3D format (glTF/GLB, OBJ, STL, PLY, OFF, FBX, DAE, 3MF "
        "or a zip of them)"
    )


def sniff(head: bytes, size: int) -> SourceFormat | None:
    """The format recognised from the first bytes of a file of `size` bytes, if any."""
    if head.startswith(b"glTF"):
        return SourceFormat.GLB
    if head.startswith(b"PK\x03\x04"):
        return SourceFormat.THREE_MF if b"3D/3dmodel.model" in head else SourceFormat.ZIP
    if head.startswith(b"Kaydara FBX Binary"):
        return SourceFormat.FBX
    if head.startswith(b"ply") and head[3:4] in (b"\n", b"\r"):
        return SourceFormat.PLY
    if _is_binary_stl(head, size):
        return SourceFormat.STL
    return _sniff_text(head)


def _is_binary_stl(head: bytes, size: int) -> bool:
    if len(head) < 84:
        return False
    triangles: int = struct.unpack_from("<I", head, 80)[0]
    return triangles > 0 and size == 84 + 50 * triangles


def _sniff_text(head: bytes) -> SourceFormat | None:
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if text.startswith(b"{") and _looks_like_gltf(text):
        return SourceFormat.GLTF
    if text.startswith(b"solid") and b"facet" in text:
        return SourceFormat.STL
    if re.match(rb"^[CN]?OFF\b", text):
        return SourceFormat.OFF
    if text.startswith(b"<") and b"<COLLADA" in text:
        return SourceFormat.DAE
    if b"; FBX " in text[:200] or text.startswith(b"; FBX"):
        return SourceFormat.FBX
    if _OBJ_LINE.search(text) and _mostly_text(text):
        return SourceFormat.OBJ
    return None


def _looks_like_gltf(text: bytes) -> bool:
    try:
        document = json.loads(text)
    except ValueError:
        # Only the head was read: accept a glTF-shaped start of a large document.
        return b'"asset"' in text
    return isinstance(document, dict) and "asset" in document


def _mostly_text(data: bytes) -> bool:
    sample = data[:4096]
    printable = sum(32 <= byte < 127 or byte in (9, 10, 13) for byte in sample)
    return printable >= 0.98 * len(sample)
