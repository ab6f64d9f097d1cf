"""OFF (and COFF, NOFF, CNOFF, STOFF) read into flat arrays, block by block.

After the keyword, the first non-empty line counts vertices, faces and edges; then come that
many vertex lines (x y z, then a normal with N, a colour of 3 or 4 numbers with C, a UV with ST, in
that order; the UV is left out, as trimesh left it) and face lines
(n, then n vertex numbers from 0, then an optional colour, which trimesh left out too). Faces
with more than three corners are fanned from their first corner, as trimesh fanned them; a
'#' starts a comment. The vertex and face numbers are read by `text_blocks`, a block of lines
at a time.
"""

from __future__ import annotations

import re

import numpy as np

from app.errors import CorruptFile
from app.geometry.flat_mesh import FlatMesh, color_bytes
from app.geometry.text_blocks import (
    Floats,
    Ints,
    NumberLines,
    check_indices,
    element_lines,
    fan_triangles,
    rows,
)

_HEADER = re.compile(rb"(?:\s*#[^\n]*\n)*\s*(ST)?(C)?(N)?OFF(?=\s)")
BOM = b"\xef\xbb\xbf"
_COUNTS_LINE = re.compile(rb"[ \t]*([^\s#][^\n#]*)")
POSITION = 3
NORMAL = 3
UV = 2


def parse_off(data: bytes) -> FlatMesh:
    """The mesh of an OFF file; CorruptFile for counts that do not match the lines, numbers
    that are not numbers and vertex numbers out of range."""
    header = _HEADER.match(data, len(BOM) if data.startswith(BOM) else 0)
    if header is None:
        raise CorruptFile("the OFF file does not start with OFF, COFF, NOFF, CNOFF or STOFF")
    vertex_count, face_count, body = _counts(data, header.end())
    vertex_pieces, face_pieces = element_lines(data, body, [vertex_count, face_count],
                                               "OFF file", comments=True)
    vertex_rows: list[Floats] = []
    colour_start = POSITION + (NORMAL if header.group(3) else 0)
    for piece in vertex_pieces:  # the first line sets how many numbers a colour has
        colours = vertex_rows[0].shape[1] - colour_start if vertex_rows else None
        vertex_rows.append(_vertex_rows(piece, header, colours))
    table = np.concatenate(vertex_rows) if vertex_rows else np.zeros((0, POSITION))
    triangles = _triangles(face_pieces)
    check_indices(triangles, vertex_count, "face of the OFF file")
    return _mesh(table, triangles, header)


def _counts(data: bytes, start: int) -> tuple[int, int, int]:
    """(vertices, faces, where the vertex lines begin), from the first non-empty line."""
    position = start
    while position < len(data):
        end = data.find(b"\n", position)
        end = len(data) if end < 0 else end
        line = _COUNTS_LINE.match(data, position, end)
        if line is not None and line.group(1).strip():
            words = line.group(1).split()
            if len(words) < 2 or not all(w.isdigit() for w in words[:3]):
                raise CorruptFile("the OFF file's count line is not its vertex, face and "
                                  "edge counts")
            return int(words[0]), int(words[1]), end + 1
        position = end + 1
    raise CorruptFile("the OFF file has no vertex and face count line")


def _vertex_rows(lines: NumberLines, header: re.Match[bytes], colours: int | None) -> Floats:
    """Each vertex line's position, normal (NOFF) and colour (COFF), `colours` numbers of it
    (3 or 4; None: as many as the first line holds)."""
    normal = NORMAL if header.group(3) else 0
    if header.group(2) is not None and colours is None:
        spare = int(lines.counts[0]) - POSITION - normal - (UV if header.group(1) else 0)
        colours = 4 if spare >= 4 else 3 if spare == 3 else 0
    return rows(lines, POSITION + normal + (colours or 0), "vertex line of the OFF file")


def _triangles(face_lines: list[NumberLines]) -> Ints:
    parts = [fan_triangles(lines, 0, "face line of the OFF file") for lines in face_lines]
    return np.concatenate(parts) if parts else np.zeros((0, 3), np.int64)


def _mesh(table: Floats, triangles: Ints, header: re.Match[bytes]) -> FlatMesh:
    normal = POSITION + (NORMAL if header.group(3) else 0)
    return FlatMesh(
        name=None, positions=table[:, :POSITION], triangles=triangles,
        vertex_normals=table[:, POSITION:normal] if normal > POSITION else None,
        vertex_colors=color_bytes(table[:, normal:]) if table.shape[1] > normal else None)
