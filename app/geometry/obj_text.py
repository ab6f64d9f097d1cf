"""The numbers on a set of OBJ lines, read at once by numpy.

The lines of one kind are gathered out of a block of the file with their keyword blanked, and
all their numbers parsed by one `np.fromstring`; which line and which `/` field of a face
corner each number belongs to comes from byte masks and running sums, so no Python object is
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
POINT = ord(".")
MINUS = ord("-")
FIELDS = 3  # a face corner's v/vt/vn
PLAIN_DECIMAL = np.zeros(256, np.bool_)
PLAIN_DECIMAL[np.frombuffer(b"0123456789.-+ \t\r\n", np.uint8)] = True
MAX_PLAIN_LENGTH = 15  # characters: at most 15 digits, under 2**53
TENS = 10.0 ** np.arange(MAX_PLAIN_LENGTH)

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
    spaces = text <= SPACE
    token = _token_starts(spaces)
    counts = np.add.reduceat(token, starts)
    values = _floats(text, spaces, np.flatnonzero(token), keyword)
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
    token = _token_starts(spaces)
    tokens = np.flatnonzero(token)
    if (text[tokens] == SLASH).any():
        raise CorruptFile("a face corner of the OBJ file has no vertex index")
    per_line = np.add.reduceat(token, starts)
    if _all_three_fields(spaces, slashes, tokens):  # the usual file: no field masks needed
        text[slashes] = SPACE
        values = _numbers(text, np.int64, FIELDS * len(tokens), "f")
        return _checked(values).reshape(-1, FIELDS), per_line
    digits = ~(spaces | slashes)
    number = digits.copy()
    number[1:] &= ~digits[:-1]
    numbers_per_corner = np.add.reduceat(number, tokens) if len(tokens) else tokens
    fields = _fields(slashes, number, tokens, numbers_per_corner)
    text[slashes] = SPACE
    values = _checked(_numbers(text, np.int64, len(fields), "f"))
    corners = np.zeros((len(tokens), FIELDS), np.int64)
    corners[np.repeat(np.arange(len(tokens)), numbers_per_corner), fields] = values
    return corners, per_line


def _all_three_fields(spaces: NDArray[np.bool_], slashes: NDArray[np.bool_], tokens: Ints
                      ) -> bool:
    """Whether every corner is `v/vt/vn` with all three written: its two slashes, and only
    they, lie inside it with something before, between and after them. Found from the
    slashes' and spaces' places alone, so the usual file needs no mask per field."""
    at = np.flatnonzero(slashes)
    if len(at) != 2 * len(tokens) or not len(tokens):
        return False
    pairs = at.reshape(-1, 2)
    breaks = np.flatnonzero(spaces)
    after = np.searchsorted(breaks, tokens)  # the whitespace that ends each corner
    ends = np.where(after < len(breaks), breaks[np.minimum(after, len(breaks) - 1)],
                    len(spaces))
    return bool(((pairs[:, 0] > tokens) & (pairs[:, 1] > pairs[:, 0] + 1)
                 & (ends > pairs[:, 1] + 1)).all())


def _checked(values: NDArray[Any]) -> Ints:
    if (values == 0).any():
        raise CorruptFile("a face of the OBJ file refers to index 0 (indices start at 1)")
    return np.asarray(values, np.int64)


def _fields(slashes: NDArray[np.bool_], number: NDArray[np.bool_], tokens: Ints,
            numbers_per_corner: Ints) -> Ints:
    """Which field (0 v, 1 vt, 2 vn) each number of the face corners is: how many slashes lie
    between its corner's start and itself."""
    slashes_before = np.cumsum(slashes, dtype=np.int32)
    at_corner = np.repeat(slashes_before[tokens], numbers_per_corner)
    fields = (slashes_before[np.flatnonzero(number)] - at_corner).astype(np.int64)
    if len(fields) and int(fields.max()) >= FIELDS:
        raise CorruptFile("a face corner of the OBJ file has more than v/vt/vn")
    return fields


def _token_starts(spaces: NDArray[np.bool_]) -> NDArray[np.bool_]:
    start = ~spaces
    start[1:] &= spaces[:-1]
    return start


def _floats(text: Bytes, spaces: NDArray[np.bool_], tokens: Ints, keyword: str) -> Floats:
    """The numbers of vertex lines. Plain decimals, what exporters write (-0.123456), are
    read by numpy's integer parser, several times faster than its float one, with the point
    taken out and then divided by 10**decimals: with both exact (under 2**53 and 10**22) the
    quotient is the correctly rounded value of the decimal, as the float parser gives. Any
    other spelling (exponents, nan, long digit strings) goes to the float parser."""
    if not len(tokens):
        return np.zeros(0)
    lengths = np.diff(np.append(tokens, len(text))) - np.add.reduceat(spaces, tokens)
    if not (PLAIN_DECIMAL[text].all() and (lengths <= MAX_PLAIN_LENGTH).all()):
        return np.asarray(_numbers(text, np.float64, len(tokens), keyword), np.float64)
    points = text == POINT
    points_per_token = np.add.reduceat(points, tokens)
    if (points_per_token > 1).any():
        raise CorruptFile(f"a `{keyword}` line of the OBJ file holds something that is not "
                          "a number")
    decimals = np.zeros(len(tokens), np.int64)
    with_point = points_per_token == 1
    decimals[with_point] = (tokens + lengths)[with_point] - np.flatnonzero(points) - 1
    values = _numbers(text[~points], np.int64, len(tokens), keyword) / TENS[decimals]
    # "-0.0" reads as the integer 0: keep its sign, as the float parser does.
    return np.asarray(np.copysign(values, np.where(text[tokens] == MINUS, -1.0, 1.0)),
                      np.float64)


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
