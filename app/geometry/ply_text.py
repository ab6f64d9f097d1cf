"""ASCII PLY read into flat arrays: the header's elements and properties, then each element's
lines, a block at a time by `text_blocks`.

Read here: a `vertex` element of scalar properties (x y z; nx ny nz; red green blue alpha;
texture_u/v, u/v or s/t, as trimesh looked for them) and a `face` element whose one list is
`vertex_indices` (or `vertex_index`), with scalar colours beside it; faces with more than
three corners are fanned from their first corner; lines of other elements are skipped. What
else a PLY may hold (a binary body, lists on vertices, per-corner texture coordinates, a
`TextureFile`) is left to trimesh: `ply_layout` says None for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from app.errors import CorruptFile
from app.geometry.flat_mesh import FlatMesh
from app.geometry.text_blocks import (
    Floats,
    Ints,
    NumberLines,
    check_indices,
    element_lines,
    fan_triangles,
)

WHAT = "PLY file"
_END_HEADER = re.compile(rb"^end_header[ \t]*\r?\n", re.MULTILINE)
TYPES = {name: np.dtype(kind) for names, kind in (
    (("char", "int8"), "i1"), (("uchar", "uint8"), "u1"), (("short", "int16"), "i2"),
    (("ushort", "uint16"), "u2"), (("int", "int32"), "i4"), (("uint", "uint32"), "u4"),
    (("float", "float32"), "f4"), (("double", "float64"), "f8"),
) for name in names}
INDEX_LISTS = ("vertex_indices", "vertex_index")
COLOURS = ("red", "green", "blue", "alpha")
UV_NAMES = (("texture_u", "texture_v"), ("u", "v"), ("s", "t"))


@dataclass(frozen=True)
class Element:
    name: str
    count: int
    properties: list[str]  # in file order; a list property by its name
    types: dict[str, np.dtype]  # scalars' types
    lists: list[str]


@dataclass(frozen=True)
class PlyLayout:
    elements: list[Element]
    vertex: Element
    face: Element | None
    body: int  # where the first element's lines begin


def ply_layout(data: bytes) -> PlyLayout | None:
    """The elements of an ASCII PLY this module reads; None for one left to trimesh."""
    end = _END_HEADER.search(data)
    if end is None:
        raise CorruptFile(f"the {WHAT} has no end_header line")
    lines = data[: end.start()].decode("ascii", "replace").splitlines()
    if not any(line.split() == ["format", "ascii", "1.0"] for line in lines):
        return None
    if any(line.split()[:2] == ["comment", "TextureFile"] for line in lines):
        return None
    elements = _elements(lines)
    vertex = _named(elements, "vertex")
    face = _named(elements, "face")
    if vertex is None or vertex.lists or not {"x", "y", "z"} <= vertex.types.keys():
        return None
    if face is not None and (len(face.lists) != 1 or face.lists[0] not in INDEX_LISTS):
        return None
    return PlyLayout(elements, vertex, face, end.end())


def parse_ply_text(data: bytes, layout: PlyLayout) -> FlatMesh:
    """The mesh of an ASCII PLY; CorruptFile for lines that do not match the header's counts
    and properties, numbers that are not numbers and vertex numbers out of range."""
    pieces = element_lines(data, layout.body, [e.count for e in layout.elements], WHAT)
    columns = _vertex_columns(layout.vertex, pieces[layout.elements.index(layout.vertex)])
    face = layout.face
    triangles, face_colors = (_faces(face, pieces[layout.elements.index(face)])
                              if face is not None else (np.zeros((0, 3), np.int64), None))
    check_indices(triangles, layout.vertex.count, f"face of the {WHAT}")
    return FlatMesh(
        name=None, positions=np.column_stack([columns[axis] for axis in "xyz"]).astype(np.float64),
        triangles=triangles,
        vertex_normals=_stack(columns, ("nx", "ny", "nz")),
        vertex_colors=_colours(columns),
        face_colors=face_colors,
        uvs=next((_stack(columns, names) for names in UV_NAMES
                  if set(names) <= columns.keys()), None))


def _elements(lines: list[str]) -> list[Element]:
    elements: list[Element] = []
    for line in lines:
        words = line.split()
        if words[:1] == ["element"]:
            if len(words) != 3 or not words[2].isdigit():
                raise CorruptFile(f"the {WHAT}'s header has a malformed line '{line[:80]}'")
            elements.append(Element(words[1], int(words[2]), [], {}, []))
        elif words[:1] == ["property"]:
            _add_property(elements, words, line)
    return elements


def _add_property(elements: list[Element], words: list[str], line: str) -> None:
    if not elements:
        raise CorruptFile(f"the {WHAT}'s header has a property before any element")
    element = elements[-1]
    if len(words) == 5 and words[1] == "list" and words[2] in TYPES and words[3] in TYPES:
        element.lists.append(words[4])
    elif len(words) == 3 and words[1] in TYPES:
        element.types[words[2]] = TYPES[words[1]]
    else:
        raise CorruptFile(f"the {WHAT}'s header has a malformed line '{line[:80]}'")
    element.properties.append(words[-1])


def _named(elements: list[Element], name: str) -> Element | None:
    return next((e for e in elements if e.name == name), None)


def _vertex_columns(vertex: Element, pieces: list[NumberLines]) -> dict[str, NDArray[np.generic]]:
    width = len(vertex.properties)
    for piece in pieces:
        if (piece.counts != width).any():
            raise CorruptFile(f"a vertex line of the {WHAT} does not hold its {width} "
                              "properties")
    table = (np.concatenate([p.values for p in pieces]) if pieces else np.zeros(0))
    table = table.reshape(-1, width)
    return {name: table[:, number].astype(vertex.types[name])
            for number, name in enumerate(vertex.properties)}


def _faces(face: Element, pieces: list[NumberLines]) -> tuple[Ints, NDArray[np.generic] | None]:
    """The fanned triangles, and each triangle's colour when the faces have one."""
    skip = face.properties.index(face.lists[0])
    colours = [name for name in COLOURS if name in face.types]
    parts, colour_parts = [], []
    for piece in pieces:
        triangles = fan_triangles(piece, skip, f"face line of the {WHAT}")
        first = np.cumsum(piece.counts) - piece.counts
        corners = piece.values[first + skip].astype(np.int64)
        if (piece.counts != len(face.properties) + corners).any():
            raise CorruptFile(f"a face line of the {WHAT} does not hold its properties and "
                              "as many vertex numbers as it says")
        parts.append(triangles)
        if len(colours) >= 3:
            colour_parts.append(np.repeat(_face_scalars(face, piece, first, corners, colours),
                                          corners - 2, axis=0))
    triangles = np.concatenate(parts) if parts else np.zeros((0, 3), np.int64)
    return triangles, np.concatenate(colour_parts) if colour_parts else None


def _face_scalars(face: Element, piece: NumberLines, first: Ints, corners: Ints,
                  names: list[str]) -> NDArray[np.generic]:
    """The named scalar properties of each face line, wherever they sit around the list."""
    listed = face.properties.index(face.lists[0])
    columns = []
    for name in names:
        position = face.properties.index(name)
        at = first + position if position < listed else first + position + corners
        columns.append(piece.values[at].astype(face.types[name]))
    return np.column_stack(columns)


def _stack(columns: dict[str, NDArray[np.generic]], names: tuple[str, ...]) -> Floats | None:
    if not set(names) <= columns.keys():
        return None
    return np.column_stack([columns[name] for name in names]).astype(np.float64)


def _colours(columns: dict[str, NDArray[np.generic]]) -> NDArray[np.generic] | None:
    present = [columns[name] for name in COLOURS if name in columns]
    return np.column_stack(present) if len(present) >= 3 else None
