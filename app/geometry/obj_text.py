"""The numbers on a set of OBJ lines, read at once by numpy.

The lines of one kind are gathered out of a block of the file with their keyword blanked, and
all their numbers parsed by one `np.fromstring`; which line and which `/` field of a face
corner each number belongs to comes from byte masks and `searchsorted`, so no Python object is
made per line, per vertex or per number.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
from numpy.typing import NDArray

from app.errors import CorruptFile

SPACE = 32  # bytes at or below it are whitespace here: space, tab, CR, LF
SLASH = ord("/")
FIELDS = 3  # a face corner's v/vt/vn

Bytes = NDArray[np.uint8]
Ints = NDArray[np.int64]
Floats = NDArray[np.float64]


def gather_lines(block: Bytes, starts: Ints, lengths: Ints, chosen: NDArray[np.bool_],
                 keyword: int) -> tuple[Bytes, Ints]:
    """A writable copy of the chosen lines' bytes with their `keyword` first bytes blanked,
    and where each line starts in it."""
    text = block[np.repeat(chosen, lengths)]
    own = lengths[chosen]
    own_starts = np.zeros(len(own), np.int64)
    np.cumsum(own[:-1], out=own_starts[1:])
    for offset in range(keyword):
        text[own_starts + offset] = SPACE
    return text, own_starts


def vertex_rows(text: Bytes, starts: Ints, least: int, keyword: str) -> Floats:
    """The numbers of `v`, `vt` or `vn` lines as rows; lines of unequal length are cut to the
    shortest, as trimesh did (a file where only some `v` lines carry a colour)."""
    if (text == SLASH).any():
        raise CorruptFile(f"a `{keyword}` line of the OBJ file holds a '/'")
    tokens = _token_starts(text <= SPACE)
    counts = np.bincount(np.searchsorted(starts, tokens, side="right") - 1,
                         minlength=len(starts))
    values = np.asarray(_numbers(text, np.float64, len(tokens), keyword), np.float64)
    width = int(counts.min())
    if width < least:
        raise CorruptFile(f"a `{keyword}` line of the OBJ file has {width} numbers; it needs "
                          f"at least {least}")
    if int(counts.max()) == width:
        return values.reshape(-1, width)
    first = np.cumsum(counts) - counts
    return np.asarray(values[first[:, None] + np.arange(width)], np.float64)


def face_corners(text: Bytes, starts: Ints) -> tuple[Ints, Ints]:
    """Each corner of `f` lines as (v, vt, vn) as written (0 where a field is left out), and
    how many corners each line has."""
    spaces = text <= SPACE
    slashes = text == SLASH
    tokens = _token_starts(spaces)
    if (text[tokens] == SLASH).any():
        raise CorruptFile("a face corner of the OBJ file has no vertex index")
    digits = ~(spaces | slashes)
    number = digits.copy()
    number[1:] &= ~digits[:-1]
    numbers = np.flatnonzero(number)
    slash_at = np.flatnonzero(slashes)
    token_of = np.searchsorted(tokens, numbers, side="right") - 1
    # A number's field is how many slashes lie between its corner's start and itself.
    field = (np.searchsorted(slash_at, numbers)
             - np.searchsorted(slash_at, tokens)[token_of])
    if len(field) and int(field.max()) >= FIELDS:
        raise CorruptFile("a face corner of the OBJ file has more than v/vt/vn")
    text[slashes] = SPACE
    values = np.asarray(_numbers(text, np.int64, len(numbers), "f"), np.int64)
    if (values == 0).any():
        raise CorruptFile("a face of the OBJ file refers to index 0 (indices start at 1)")
    corners = np.zeros((len(tokens), FIELDS), np.int64)
    corners[token_of, field] = values
    per_line = np.bincount(np.searchsorted(starts, tokens, side="right") - 1,
                           minlength=len(starts))
    return corners, per_line


def _token_starts(spaces: NDArray[np.bool_]) -> Ints:
    start = ~spaces
    start[1:] &= spaces[:-1]
    return np.flatnonzero(start)


def _numbers(text: Bytes, dtype: type[np.int64] | type[np.float64], expected: int,
             keyword: str) -> NDArray[Any]:
    """Every number in `text`; a word that is no number (numpy stops there) is a corrupt line.
    """
    with warnings.catch_warnings():
        # numpy only warns, for now, when it stops early; both mean the same here.
        warnings.simplefilter("error", DeprecationWarning)
        try:
            values = np.fromstring(text.tobytes(), dtype=dtype, sep=" ")
        except (DeprecationWarning, ValueError):
            values = np.empty(0, dtype)
    if len(values) != expected:
        raise CorruptFile(f"a `{keyword}` line of the OBJ file holds something that is not "
                          "a number")
    return values
