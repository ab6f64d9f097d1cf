"""ASCII STL read into flat arrays, a block of whole lines at a time.

Each line's first word tells it apart (`solid name`, `facet normal x y z`, `vertex x y z`, in
any letter case); the numbers of a block's vertex lines, and of its facet lines, are gathered
past their keywords and parsed by one `np.fromstring` each. Every three vertices are a
triangle of their own; the caller welds them, as it welded trimesh's. One mesh per solid, named
by it, as trimesh read them; a solid's facet normals are kept when there is one per triangle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from app.errors import CorruptFile
from app.geometry.flat_mesh import FlatMesh
from app.geometry.text_blocks import (
    NEWLINE,
    SPACE,
    Bytes,
    Floats,
    Ints,
    line_blocks,
    number_lines,
    rows,
)

LOWER = 0x20  # or-ed into an ASCII letter, its lower case
PAD = 8  # bytes past a block's end, so the longest keyword compares without a bounds check
WHAT = "STL file"


@dataclass
class _Solid:
    name: str
    vertices: list[Floats] = field(default_factory=list)
    normals: list[Floats] = field(default_factory=list)


@dataclass
class _Lines:
    """A block's lines: where each starts and ends, and where its first word starts."""

    text: Bytes
    starts: Ints
    ends: Ints
    first: Ints
    words: Ints

    @classmethod
    def of(cls, block: bytes) -> _Lines:
        text = np.frombuffer(block + b" " * PAD, np.uint8)
        newlines = np.flatnonzero(text[: len(block)] == NEWLINE)
        starts = np.concatenate([[0], newlines + 1]).astype(np.int64)
        ends = np.append(newlines, len(block)).astype(np.int64)
        spaces = text <= SPACE
        word = ~spaces
        word[1:] &= spaces[:-1]
        words = np.append(np.flatnonzero(word), len(text))
        first = words[np.searchsorted(words, starts)]
        # A blank line's first word is on a later line: point it at the padding instead.
        return cls(text, starts, ends, np.where(first < ends, first, len(block)), words)

    def keyword(self, at: Ints, word: bytes) -> np.ndarray:
        """Which of the positions `at` start the whole word `word`, in any case."""
        match = np.ones(len(at), np.bool_)
        for offset, letter in enumerate(word):
            match &= (self.text[at + offset] | LOWER) == letter
        return match & (self.text[at + len(word)] <= SPACE)

    def numbers_after(self, lines: Ints, after: Ints) -> Floats:
        """The three numbers on each of `lines`, from `after` to the line's end."""
        if not len(lines):
            return np.zeros((0, 3))
        # Spans are sorted and apart: alternate runs of bytes left out and bytes taken.
        edges = np.column_stack([after, self.ends[lines] + 1]).reshape(-1)
        runs = np.diff(np.concatenate([[0], edges, [len(self.text)]]))
        taken = np.zeros(len(runs), np.bool_)
        taken[1::2] = True
        chosen = np.repeat(taken, runs)
        numbers = number_lines(self.text[chosen].tobytes(), WHAT)
        if len(numbers) != len(lines) or (numbers.counts != 3).any():
            raise CorruptFile(f"a vertex or facet normal line of the {WHAT} does not hold "
                              "three numbers")
        return rows(numbers, 3, f"line of the {WHAT}")


def parse_stl_text(data: bytes) -> list[FlatMesh]:
    """One unwelded mesh per solid that has triangles; CorruptFile for a solid whose vertices
    do not make whole triangles, or numbers that are not numbers."""
    solids: list[_Solid] = []
    for block in line_blocks(data, 0):
        _read_block(_Lines.of(block), solids)
    return [_mesh(solid) for solid in solids if solid.vertices]


def _read_block(lines: _Lines, solids: list[_Solid]) -> None:
    numbered = np.arange(len(lines.starts))
    opening = numbered[lines.keyword(lines.first, b"solid")]
    vertex = numbered[lines.keyword(lines.first, b"vertex")]
    facets = numbered[lines.keyword(lines.first, b"facet")]
    second = np.minimum(len(lines.text) - PAD, lines.words[
        np.searchsorted(lines.words, lines.first[facets] + len(b"facet"))])
    with_normal = lines.keyword(second, b"normal") & (second < lines.ends[facets])
    facet, normal_at = facets[with_normal], second[with_normal]
    vertices = lines.numbers_after(vertex, lines.first[vertex] + len(b"vertex"))
    normals = lines.numbers_after(facet, normal_at + len(b"normal"))
    before = len(solids)
    for line in opening:
        name = lines.text[lines.first[line] + len(b"solid"):lines.ends[line]].tobytes()
        solids.append(_Solid(name.decode("utf-8", "replace").strip()))
    # Each line belongs to the last solid opened before it; lines before any are left out.
    for rows_of, lines_of, target in ((vertices, vertex, "vertices"), (normals, facet, "normals")):
        owner = before - 1 + np.searchsorted(opening, lines_of, side="right")
        for number in np.unique(owner[owner >= 0]):
            getattr(solids[number], target).append(rows_of[owner == number])


def _mesh(solid: _Solid) -> FlatMesh:
    positions = np.concatenate(solid.vertices)
    if len(positions) % 3:
        raise CorruptFile(f"a solid of the {WHAT} has {len(positions)} vertices, not three "
                          "per facet")
    normals = np.concatenate(solid.normals) if solid.normals else np.zeros((0, 3))
    triangles = np.arange(len(positions), dtype=np.int64).reshape(-1, 3)
    return FlatMesh(name=solid.name, positions=positions, triangles=triangles,
                    face_normals=normals if len(normals) == len(triangles) else None)
