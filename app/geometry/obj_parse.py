"""Wavefront OBJ bytes read into flat arrays: positions (and `v` colours), UVs, normals, and
per material the triangles' corners as zero-based (v, vt, vn) indices.

The file is read in blocks of whole lines. Each block's lines are told apart by their first
bytes, and the numbers of each kind read at once (`obj_text`); only `usemtl`, `o`, `g` and
`mtllib` lines, which name things, are read one by one. Faces with more than three corners
are fanned into triangles. Faces group by material, as trimesh grouped them; the file's first
`o` names it, as in trimesh (which read no later one). The triangle cap is checked block by
block, so a file past it is refused before its faces are all held in memory.

Left out, as trimesh left them out (no other reader is kept for them): `l` and `p` elements,
free-form curves and surfaces (`cstype`, `curv`, `surf`), `vp`, and statements indented by
whitespace.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import BinaryIO

import numpy as np
from numpy.typing import NDArray

from app.errors import CorruptFile, LimitExceeded
from app.geometry.obj_text import (
    SPACE,
    Bytes,
    Floats,
    Ints,
    face_corners,
    gather_lines,
    vertex_rows,
)

# Small enough that a block's masks and indices stay a few MiB; more blocks cost no time.
BLOCK_BYTES = 1 << 20
NEWLINE = ord("\n")
CONTINUED = (b"\\\n", b"\\\r\n")
MISSING = -1
# Line kinds, from the first bytes of the line.
OTHER, POSITION, UV, NORMAL, FACE, NAMING = range(6)
NAMING_FIRST_BYTES = b"uomg"  # usemtl, o, mtllib, g: read one by one
# Index type of the corners: 2**31 vertices is far past anything the triangle cap lets in.
Corners = NDArray[np.int32]


@dataclass
class ObjGroup:
    """The triangles of one material, as rows of (v, vt, vn) corners, three per triangle."""

    material: str | None
    corners: list[Corners] = field(default_factory=list)


@dataclass
class ObjData:
    positions: Floats
    colors: Floats | None
    uvs: Floats
    normals: Floats
    groups: list[ObjGroup]
    object_name: str | None
    mtllib: str | None
    face_lines: int


@dataclass
class _State:
    max_triangles: int
    counts: list[int] = field(default_factory=lambda: [0, 0, 0])  # v, vt, vn so far
    rows: dict[int, list[Floats]] = field(
        default_factory=lambda: {POSITION: [], UV: [], NORMAL: []})
    groups: dict[str | None, ObjGroup] = field(default_factory=dict)
    material: str | None = None
    object_name: str | None = None
    mtllib: str | None = None
    triangles: int = 0
    face_lines: int = 0


def parse_obj(stream: BinaryIO, max_triangles: int) -> ObjData:
    """Read an OBJ file as it streams in; raises CorruptFile for a line it cannot read or an
    index out of range, LimitExceeded past `max_triangles`."""
    state = _State(max_triangles)
    for block in _blocks(stream):
        _read_block(np.frombuffer(block, np.uint8), state)
    return _finished(state)


def _blocks(stream: BinaryIO) -> Iterator[bytes]:
    """The stream in blocks of whole lines, about BLOCK_BYTES each (one line may be longer),
    lines continued by a final backslash joined to the next."""
    pending: list[bytes] = []  # read but not yet a whole line: joined once a newline comes
    while chunk := stream.read(BLOCK_BYTES):
        pending.append(chunk)
        if b"\n" not in chunk:
            continue
        text = b"".join(pending)
        cut = text.rfind(b"\n") + 1
        while cut and text.endswith(CONTINUED, 0, cut):  # its last line goes on in the next
            cut = text.rfind(b"\n", 0, cut - 1) + 1
        if cut:
            yield _joined(text[:cut])
        pending = [text[cut:]]
    if rest := b"".join(pending):
        yield _joined(rest)


def _joined(text: bytes) -> bytes:
    if b"\\" not in text:  # one byte is found by memchr; two-byte patterns scan slower
        return text
    for continued in CONTINUED:
        text = text.replace(continued, b"")
    return text


def _read_block(block: Bytes, state: _State) -> None:
    starts = np.concatenate([[0], np.flatnonzero(block[:-1] == NEWLINE) + 1]).astype(np.int64)
    lengths = np.diff(np.append(starts, len(block)))
    kinds = _line_kinds(block, starts)
    faces = np.flatnonzero(kinds == FACE)
    # Vertices read so far before each face line, for its negative indices.
    before = [state.counts[i] + np.cumsum(kinds == kind)[faces]
              for i, kind in enumerate((POSITION, UV, NORMAL))]
    for kind, keyword, least, name in ((POSITION, 1, 3, "v"), (UV, 2, 1, "vt"),
                                       (NORMAL, 2, 3, "vn")):
        chosen = kinds == kind
        if chosen.any():
            text, own_starts = gather_lines(block, starts, lengths, chosen, keyword)
            state.rows[kind].append(vertex_rows(text, own_starts, least, name))
            state.counts[kind - POSITION] += int(chosen.sum())
    naming = np.flatnonzero(kinds == NAMING)
    if not len(faces):
        _apply_names(block, starts, lengths, naming, state)
        return
    state.face_lines += len(faces)
    text, own_starts = gather_lines(block, starts, lengths, kinds == FACE, 1)
    raw, per_line = face_corners(text, own_starts)
    corners = _zero_based(raw, [np.repeat(b, per_line) for b in before])
    picks, per_face = _fan(per_line)
    state.triangles += len(picks) // 3
    if state.triangles > state.max_triangles:
        raise LimitExceeded(f"the model has more than {state.max_triangles} triangles; the "
                            f"limit is {state.max_triangles}")
    _add_faces(block, starts, lengths, (naming, faces), corners[picks], per_face, state)


def _line_kinds(block: Bytes, starts: Ints) -> NDArray[np.int8]:
    head = np.full((len(starts), 3), NEWLINE, np.uint8)
    for offset in range(3):
        at = starts + offset
        inside = at < len(block)
        head[inside, offset] = block[at[inside]]
    first, second, third = head[:, 0], head[:, 1] <= SPACE, head[:, 2] <= SPACE
    vertex = first == ord("v")
    kinds = np.full(len(starts), OTHER, np.int8)
    kinds[vertex & second] = POSITION
    kinds[vertex & (head[:, 1] == ord("t")) & third] = UV
    kinds[vertex & (head[:, 1] == ord("n")) & third] = NORMAL
    kinds[(first == ord("f")) & second] = FACE
    kinds[np.isin(first, np.frombuffer(NAMING_FIRST_BYTES, np.uint8))] = NAMING
    return kinds


def _zero_based(raw: Ints, before: list[Ints]) -> Corners:
    """OBJ indices (1-based, or negative: counted back from the last one read so far) as
    zero-based ones, MISSING where a field was left out."""
    corners = np.where(raw > 0, raw - 1, MISSING)
    for column, counted in enumerate(before):
        negative = raw[:, column] < 0
        corners[negative, column] = counted[negative] + raw[negative, column]
    if len(corners) and (int(corners.max()) >= np.iinfo(np.int32).max
                         or (corners[raw != 0] < 0).any()):
        raise CorruptFile("a face of the OBJ file refers to a vertex before the first one "
                          "or past any there can be")
    return corners.astype(np.int32)


def _fan(per_line: Ints) -> tuple[Ints, Ints]:
    """The corners of each face's triangles, fanned from its first corner (a quad 0 1 2 3
    gives 0 1 2 and 0 2 3), and how many triangles each face gave; a face of fewer than three
    corners gives none, as trimesh skipped it."""
    per_face = np.maximum(per_line - 2, 0)
    if (per_line == 3).all():
        return np.arange(3 * len(per_line)), per_face
    first = np.cumsum(per_line) - per_line
    face = np.repeat(np.arange(len(per_line)), per_face)
    step = np.arange(len(face)) - np.repeat(np.cumsum(per_face) - per_face, per_face)
    corner = first[face]
    return np.column_stack([corner, corner + step + 1, corner + step + 2]).ravel(), per_face


def _add_faces(block: Bytes, starts: Ints, lengths: Ints, lines: tuple[Ints, Ints],
               corners: Corners, per_face: Ints, state: _State) -> None:
    """File the block's triangles under the material in use at each, one piece per material
    however often `usemtl` switches between them."""
    naming, faces = lines
    first_triangle = np.concatenate([[0], np.cumsum(per_face)])
    edges = [0, *first_triangle[np.searchsorted(faces, naming)].tolist(), len(corners) // 3]
    runs: dict[str | None, list[int]] = {}  # per material, the runs of triangles it has
    for run, (begin, end) in enumerate(itertools.pairwise(edges)):
        if end > begin:
            runs.setdefault(state.material, []).append(run)
            state.groups.setdefault(state.material, ObjGroup(state.material))
        if run < len(naming):
            _apply_names(block, starts, lengths, naming[run:run + 1], state)
    if len(runs) == 1:
        state.groups[next(iter(runs))].corners.append(corners)
        return
    run_of = np.repeat(np.arange(len(edges) - 1), np.diff(edges))
    triangles = corners.reshape(-1, 3, 3)
    for material, own in runs.items():
        state.groups[material].corners.append(triangles[np.isin(run_of, own)].reshape(-1, 3))


def _apply_names(block: Bytes, starts: Ints, lengths: Ints, naming: Ints,
                 state: _State) -> None:
    for line in naming.tolist():
        text = block[starts[line]:starts[line] + lengths[line]].tobytes()
        keyword, *value = text.decode("utf-8", "replace").split(maxsplit=1)
        name = value[0].strip() if value else ""
        if keyword == "usemtl":
            state.material = name
        elif keyword == "o" and state.object_name is None:
            state.object_name = name
        elif keyword == "mtllib" and state.mtllib is None:
            state.mtllib = name


def _finished(state: _State) -> ObjData:
    positions, colors = np.zeros((0, 3)), None
    if state.rows[POSITION]:
        rows = _stacked(state.rows[POSITION])
        positions = rows[:, :3]
        colors = rows[:, 3:6] if rows.shape[1] >= 6 else None
    uvs = _stacked(state.rows[UV]) if state.rows[UV] else np.zeros((0, 2))
    if uvs.shape[1] < 2:  # `vt u` leaves v at 0
        uvs = np.column_stack([uvs[:, 0], np.zeros(len(uvs))])
    normals = _stacked(state.rows[NORMAL])[:, :3] if state.rows[NORMAL] else np.zeros((0, 3))
    return ObjData(positions, colors, uvs[:, :2], normals, list(state.groups.values()),
                   state.object_name, state.mtllib, state.face_lines)


def _stacked(rows: list[Floats]) -> Floats:
    width = min(r.shape[1] for r in rows)
    return np.concatenate([r[:, :width] for r in rows])
