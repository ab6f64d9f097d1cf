"""Recognise a model's format from its bytes (magic numbers and structure), not its name.

Most formats show in the first bytes; where a format can put what identifies it further in (a
glTF's `"asset"` key after a large `buffers` array, an OBJ's first statement after a long
comment header), the file is read on until it shows, or to its end.
"""

from __future__ import annotations

import io
import json
import re
import struct
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from app.errors import CorruptFile, EmptyFile, UnsupportedFormat

SNIFF_BYTES = 64 * 1024
SCAN_CHUNK_BYTES = 1024 * 1024
# readline() pieces while skipping OBJ comments: a longer line is read in several pieces.
LINE_PIECE_BYTES = 4096
BINARY_STL_HEADER_BYTES = 84
BINARY_STL_TRIANGLE_BYTES = 50
UTF8_BOM = b"\xef\xbb\xbf"


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
    USD = "USD"  # a USDA or USDC layer, or a USDZ package of them
    IFC = "IFC"  # an ISO 10303-21 file whose schema is IFC2X3, IFC4 or later
    STEP = "STEP"  # an ISO 10303-21 file of any other schema (AP203, AP214, AP242)
    IGES = "IGES"


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
    ".usd": SourceFormat.USD,
    ".usda": SourceFormat.USD,
    ".usdc": SourceFormat.USD,
    ".usdz": SourceFormat.USD,
    ".ifc": SourceFormat.IFC,
    ".step": SourceFormat.STEP,
    ".stp": SourceFormat.STEP,
    ".iges": SourceFormat.IGES,
    ".igs": SourceFormat.IGES,
}

_OBJ_LINE = re.compile(rb"^\s*(v|vt|vn|f|o|g|mtllib|usemtl|s)\s", re.MULTILINE)
# An ASCII STL with no facet at all is still well formed: `solid name` then `endsolid name`.
_EMPTY_ASCII_STL = re.compile(rb"solid\b[^\n]*\n\s*endsolid\b")
_GLTF_ASSET_KEY = b'"asset"'
USD_LAYER_SUFFIXES = (b".usd", b".usda", b".usdc")
# USDZ stores its files uncompressed, each one's data starting at a multiple of 64 bytes.
USDZ_ALIGNMENT = 64
_ZIP_LOCAL_HEADER = struct.Struct("<4s2xHH4x4x4x4xHH")
# ISO 10303-21 (IFC and STEP): the magic line, then a header naming the schema the data uses.
_ISO_10303_21 = b"ISO-10303-21;"
_FILE_SCHEMA = re.compile(rb"FILE_SCHEMA\s*\(\s*\(\s*'([A-Za-z0-9_ ]+)")
# IGES: 80-column records whose column 73 names the section; the file starts with Start ('S')
# or, where the start section is empty, Global ('G') records.
IGES_RECORD_COLUMNS = 80
_IGES_FIRST_SECTIONS = (b"S", b"G")


def detect_format(path: Path, filename: str) -> SourceFormat:
    """The format the bytes are in; raises EmptyFile, UnsupportedFormat or CorruptFile."""
    with path.open("rb") as handle:
        return detect_stream(handle, path.stat().st_size, filename)


def detect_bytes(data: bytes, filename: str) -> SourceFormat:
    """The format of `data`, a whole file named `filename` (a member of a zip, say)."""
    return detect_stream(io.BytesIO(data), len(data), filename)


def detect_stream(handle: BinaryIO, size: int, filename: str) -> SourceFormat:
    """The format of the `size` bytes `handle` reads from its start, named `filename`."""
    if size == 0:
        raise EmptyFile(f"the file '{filename[:200]}' is empty")
    head = handle.read(SNIFF_BYTES)
    found = sniff(head, size) or _sniff_further(handle, head, size, filename)
    if found is not None:
        return found
    claimed = EXTENSIONS.get(Path(filename).suffix.lower())
    if claimed is not None:
        raise CorruptFile(f"the file is named as {claimed.value} but its bytes are not")
    raise UnsupportedFormat(
        "the file is not a supported 3D format (glTF/GLB, OBJ, STL, PLY, OFF, FBX, DAE, 3MF, "
        "USD, IFC, STEP, IGES or a zip of them)"
    )


def sniff(head: bytes, size: int) -> SourceFormat | None:
    """The format recognised from the first bytes of a file of `size` bytes, if any."""
    if head.startswith(b"glTF"):
        return SourceFormat.GLB
    if head.startswith(b"PK\x03\x04"):
        if is_usdz(head):
            return SourceFormat.USD
        return SourceFormat.THREE_MF if b"3D/3dmodel.model" in head else SourceFormat.ZIP
    if head.startswith(b"PXR-USDC"):
        return SourceFormat.USD
    if head.startswith(b"Kaydara FBX Binary"):
        return SourceFormat.FBX
    if head.startswith(b"ply") and head[3:4] in (b"\n", b"\r"):
        return SourceFormat.PLY
    if binary_stl_triangles(head, size) is not None:
        return SourceFormat.STL
    return _sniff_text(head, complete=len(head) == size)


def is_usdz(head: bytes) -> bool:
    """Whether a zip is a USDZ package: its first entry is a USD layer, stored uncompressed
    with its data 64-byte aligned, as the USDZ specification requires. Any other zip stays a
    zip: a bundle of models, or one model with its resources."""
    if len(head) < _ZIP_LOCAL_HEADER.size:
        return False
    _, _, method, name_length, extra_length = _ZIP_LOCAL_HEADER.unpack_from(head)
    name = head[_ZIP_LOCAL_HEADER.size:_ZIP_LOCAL_HEADER.size + name_length].lower()
    data_offset = _ZIP_LOCAL_HEADER.size + name_length + extra_length
    return method == 0 and name.endswith(USD_LAYER_SUFFIXES) and \
        data_offset % USDZ_ALIGNMENT == 0


def binary_stl_triangles(head: bytes, size: int) -> int | None:
    """The triangle count of a binary STL (an 80-byte header, a count and exactly that many
    triangles, none included); None when the file is not one."""
    if len(head) < BINARY_STL_HEADER_BYTES:
        return None
    triangles: int = struct.unpack_from("<I", head, 80)[0]
    return triangles if size == BINARY_STL_HEADER_BYTES + BINARY_STL_TRIANGLE_BYTES * triangles \
        else None


def _sniff_text(head: bytes, *, complete: bool) -> SourceFormat | None:
    text = head.lstrip(UTF8_BOM + b" \t\r\n")
    if head.startswith(b"#usda"):
        return SourceFormat.USD
    if text.startswith(_ISO_10303_21):
        return _iso_10303_21_format(text)
    # An IGES Start record may be blank up to its section letter (OpenCascade writes it so):
    # its leading spaces are kept.
    if _is_iges(head.lstrip(UTF8_BOM + b"\r\n")):
        return SourceFormat.IGES
    if text.startswith(b"{") and complete and _is_gltf_document(text):
        return SourceFormat.GLTF
    if text.startswith(b"solid") and (b"facet" in text or _EMPTY_ASCII_STL.match(text)):
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


def _iso_10303_21_format(text: bytes) -> SourceFormat:
    """IFC when the header's FILE_SCHEMA names an IFC schema, STEP otherwise (a header too
    broken to name one is left to the STEP reader, which reports what is wrong)."""
    schema = _FILE_SCHEMA.search(text)
    if schema is not None and schema.group(1).strip().upper().startswith(b"IFC"):
        return SourceFormat.IFC
    return SourceFormat.STEP


def _is_iges(text: bytes) -> bool:
    """Whether the first record is an IGES Start or Global record: 80 columns, the 73rd the
    section letter and the last seven a sequence number."""
    first = text.split(b"\n", 1)[0].rstrip(b"\r")
    return len(first) == IGES_RECORD_COLUMNS and first[72:73] in _IGES_FIRST_SECTIONS \
        and first[73:].strip().isdigit()


def _is_gltf_document(text: bytes) -> bool:
    try:
        document = json.loads(text)
    except ValueError:
        # A broken glTF is still a glTF: its parser reports what is wrong with it.
        return _GLTF_ASSET_KEY in text
    return isinstance(document, dict) and "asset" in document


def _sniff_further(handle: BinaryIO, head: bytes, size: int, filename: str
                   ) -> SourceFormat | None:
    """The formats whose mark can lie past the head: read on as far as it takes."""
    text = head.lstrip(UTF8_BOM + b" \t\r\n")
    if text.startswith(b"{") and len(head) < size and _has_asset_key(handle):
        return SourceFormat.GLTF
    if EXTENSIONS.get(Path(filename).suffix.lower()) is SourceFormat.OBJ \
            and _mostly_text(text) and _is_commented_obj(handle):
        return SourceFormat.OBJ
    return None


def _has_asset_key(handle: BinaryIO) -> bool:
    """Whether the document holds `"asset"`, read in chunks that overlap by the key's length."""
    handle.seek(0)
    carried = b""
    while chunk := handle.read(SCAN_CHUNK_BYTES):
        window = carried + chunk
        if _GLTF_ASSET_KEY in window:
            return True
        carried = window[-(len(_GLTF_ASSET_KEY) - 1):]
    return False


def _is_commented_obj(handle: BinaryIO) -> bool:
    """A file named .obj that starts with comments is one when its first statement is an OBJ
    statement, or when it holds only comments (an empty OBJ, which has no geometry)."""
    statement = _first_statement(handle)
    return statement is None or _OBJ_LINE.match(statement) is not None


def _first_statement(handle: BinaryIO) -> bytes | None:
    """The start of the first line that is neither blank nor a `#` comment; None at the end."""
    handle.seek(0)
    if handle.read(len(UTF8_BOM)) != UTF8_BOM:
        handle.seek(0)
    in_comment = False
    while piece := handle.readline(LINE_PIECE_BYTES):
        ends_line = piece.endswith(b"\n")
        if in_comment:
            in_comment = not ends_line
            continue
        stripped = piece.lstrip()
        if stripped.startswith(b"#"):
            in_comment = not ends_line
        elif stripped:
            # A statement cut at the piece's end: read enough of the rest to see its keyword.
            return stripped if ends_line else stripped + handle.readline(LINE_PIECE_BYTES)
    return None


def _mostly_text(data: bytes) -> bool:
    sample = data[:4096]
    printable = sum(32 <= byte < 127 or byte in (9, 10, 13) for byte in sample)
    return printable >= 0.98 * len(sample)
