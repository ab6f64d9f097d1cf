"""Numbers of a text mesh file's lines, read a block of whole lines at a time by numpy.

The text formats whose lines hold numbers alone (OFF's and ASCII PLY's bodies) are read in
blocks of about BLOCK_BYTES: each block's numbers are parsed by one `np.fromstring`, and how
many numbers each non-empty line holds comes from a byte mask and one `np.add.reduceat`, so
no Python object is made per line or per number and the temporaries stay the size of a block.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from app.errors import CorruptFile

BLOCK_BYTES = 1 << 20
SPACE = 32  # bytes at or below it are whitespace here: space, tab, CR, LF
NEWLINE = ord("\n")
_COMMENT = re.compile(rb"#[^\n]*")
POINT, MINUS, EXPONENT, LOWER = ord("."), ord("-"), ord("e"), 0x20
DECIMAL_BYTES = np.zeros(256, np.bool_)
DECIMAL_BYTES[np.frombuffer(b"0123456789.-+eE \t\r\n", np.uint8)] = True
MAX_MANTISSA_CHARACTERS = 16  # a sign, a point and 14 digits, or a point and 15: under 2**53
MAX_EXACT_POWER = 22  # 10**22 is the largest power of ten a double holds exactly
TENS = 10.0 ** np.arange(MAX_EXACT_POWER + 1)

Bytes = NDArray[np.uint8]
Ints = NDArray[np.int64]
Floats = NDArray[np.float64]


@dataclass(frozen=True)
class NumberLines:
    """The non-empty lines of one block: how many numbers each holds, and all of them."""

    counts: Ints
    values: Floats

    def __len__(self) -> int:
        return len(self.counts)

    def lines(self, start: int, stop: int) -> NumberLines:
        """Lines start..stop of this block, with their numbers."""
        offsets = np.concatenate([[0], np.cumsum(self.counts)])
        return NumberLines(self.counts[start:stop],
                           self.values[offsets[start]:offsets[stop]])


def line_blocks(data: bytes, start: int, block_bytes: int = BLOCK_BYTES) -> Iterator[bytes]:
    """`data` from `start` in pieces of whole lines (the last may lack its newline)."""
    while start < len(data):
        end = data.find(b"\n", min(start + block_bytes, len(data)) - 1)
        end = len(data) if end < 0 else end + 1
        yield data[start:end]
        start = end


def number_lines(block: bytes, what: str, *, comments: bool = False) -> NumberLines:
    """The numbers on each non-empty line of `block`; CorruptFile for a word that is not one.
    With `comments`, text from a '#' to the end of its line is left out."""
    if comments and b"#" in block:
        block = _COMMENT.sub(b"", block)
    text = np.frombuffer(block + b"\n", np.uint8)
    spaces = text <= SPACE
    token = ~spaces
    token[1:] &= spaces[:-1]
    line_starts = np.concatenate([[0], np.flatnonzero(text == NEWLINE)[:-1] + 1])
    counts = np.add.reduceat(token, line_starts).astype(np.int64)
    counts = counts[counts > 0]
    values = parse_numbers(block, int(counts.sum()), what)
    return NumberLines(counts, values)


def element_lines(data: bytes, start: int, sizes: list[int], what: str, *,
                  comments: bool = False) -> list[list[NumberLines]]:
    """The non-empty lines from `start` on, cut into consecutive elements of `sizes` lines
    (lines past them are left out), each as the pieces the blocks gave; CorruptFile when the
    file has fewer lines than the sizes add up to."""
    pieces: list[list[NumberLines]] = [[] for _ in sizes]
    bounds = np.concatenate([[0], np.cumsum(sizes, dtype=np.int64)])
    seen = 0
    for block in line_blocks(data, start):
        if seen >= bounds[-1]:
            break
        lines = number_lines(block, what, comments=comments)
        for number, piece in enumerate(pieces):
            low = int(min(max(bounds[number] - seen, 0), len(lines)))
            high = int(min(max(bounds[number + 1] - seen, 0), len(lines)))
            if high > low:
                piece.append(lines.lines(low, high))
        seen += len(lines)
    if seen < bounds[-1]:
        raise CorruptFile(f"the {what} declares {int(bounds[-1])} lines of vertices and faces, "
                          f"but has {seen}")
    return pieces


def parse_numbers(text: bytes, expected: int, what: str) -> Floats:
    """Every number in `text`, which must hold `expected` of them and nothing else."""
    values = _decimals(text, expected)
    if values is None:
        with warnings.catch_warnings():
            # numpy only warns, for now, when it stops early at a word; both mean the same.
            warnings.simplefilter("error", DeprecationWarning)
            try:
                values = np.fromstring(text, dtype=np.float64, sep=" ")
            except (DeprecationWarning, ValueError):
                values = np.empty(0)
    if len(values) != expected:
        raise CorruptFile(f"the {what} holds something that is not a number")
    return values


def _decimals(text: bytes, expected: int) -> Floats | None:
    """Numbers written the way exporters write them (-0.123456, 1.234567e+00, 42) read by numpy's
    integer parser, several times faster than its float one: the digits with the point taken
    out, and the exponent, are integers, and digits / 10**k (or digits * 10**k) with both
    exact (under 2**53 and 10**22) is the correctly rounded value the float parser gives.
    None for any other spelling, or a count other than `expected`, left to the float parser.
    """
    bytes_ = np.frombuffer(text, np.uint8)
    if not len(bytes_) or not DECIMAL_BYTES[bytes_].all():
        return None
    spaces = bytes_ <= SPACE
    starts = ~spaces
    starts[1:] &= spaces[:-1]
    tokens = np.flatnonzero(starts)
    points = np.flatnonzero(bytes_ == POINT)
    exponents = np.flatnonzero((bytes_ | LOWER) == EXPONENT)
    if len(tokens) != expected or (len(points) and not _one_each(tokens, points)):
        return None
    if len(exponents) and not (len(points) and _one_each(tokens, exponents)):
        return None
    ends = exponents if len(exponents) else _token_ends(spaces, len(tokens))
    decimals = ends - points - 1 if len(points) else np.zeros(len(tokens), np.int64)
    if int((ends - tokens).max(initial=0)) > MAX_MANTISSA_CHARACTERS:
        return None
    kept = np.ones(len(bytes_), np.bool_)
    kept[points] = False
    digits = bytes_.copy()
    digits[exponents] = SPACE
    with warnings.catch_warnings():
        warnings.simplefilter("error", DeprecationWarning)
        try:
            integers = np.fromstring(digits[kept].tobytes(), dtype=np.int64, sep=" ")
        except (DeprecationWarning, ValueError):
            return None
    if len(integers) != expected * (2 if len(exponents) else 1):
        return None
    mantissas, scale = (integers[0::2], integers[1::2] - decimals) if len(exponents) \
        else (integers, -decimals)
    if int(np.abs(scale).max(initial=0)) > MAX_EXACT_POWER:
        return None
    values = np.where(scale >= 0, mantissas * TENS[np.maximum(scale, 0)],
                      mantissas / TENS[np.maximum(-scale, 0)])
    # "-0.0" reads as the integer 0: keep its sign, as the float parser does.
    return np.asarray(np.copysign(values, np.where(bytes_[tokens] == MINUS, -1.0, 1.0)),
                      np.float64)


def _one_each(tokens: Ints, marks: Ints) -> bool:
    """Whether each token holds exactly one of the marks."""
    return len(marks) == len(tokens) and bool(
        (np.searchsorted(tokens, marks, side="right") - 1 == np.arange(len(tokens))).all())


def _token_ends(spaces: NDArray[np.bool_], count: int) -> Ints:
    ends = np.flatnonzero(spaces[1:] & ~spaces[:-1]) + 1
    return np.append(ends, len(spaces))[:count] if len(ends) < count else ends[:count]


def rows(lines: NumberLines, width: int, what: str) -> Floats:
    """The first `width` numbers of each line as rows; CorruptFile for a shorter line."""
    if not len(lines):
        return np.zeros((0, width))
    least = int(lines.counts.min())
    if least < width:
        raise CorruptFile(f"a {what} line has {least} numbers; it needs {width}")
    if int(lines.counts.max()) == least:
        return lines.values.reshape(-1, least)[:, :width]
    first = np.cumsum(lines.counts) - lines.counts
    return np.asarray(lines.values[first[:, None] + np.arange(width)], np.float64)


def fan_triangles(lines: NumberLines, skip: int, what: str) -> Ints:
    """Polygon lines (`skip` numbers, then the corner count n, then n vertex numbers, then
    anything) as triangles: each n-gon fanned from its first corner into n - 2 of them."""
    if not len(lines):
        return np.zeros((0, 3), np.int64)
    first = np.cumsum(lines.counts) - lines.counts + skip
    if int(lines.counts.min()) <= skip:
        raise CorruptFile(f"a {what} line has no corner count")
    sizes = lines.values[first]
    if not ((sizes >= 3) & (sizes == np.floor(sizes))).all():
        raise CorruptFile(f"a {what} line has a corner count that is not a whole number of "
                          "at least 3")
    corners = sizes.astype(np.int64)
    if (lines.counts < skip + 1 + corners).any():
        raise CorruptFile(f"a {what} line has fewer vertex numbers than its corner count says")
    fans = corners - 2
    line = np.repeat(np.arange(len(corners)), fans)
    step = np.arange(len(line)) - np.repeat(np.cumsum(fans) - fans, fans) + 1
    base = first[line] + 1
    values = lines.values
    triangles = np.column_stack([values[base], values[base + step], values[base + step + 1]])
    if not (triangles == np.floor(triangles)).all():
        raise CorruptFile(f"a {what} line has a vertex number that is not a whole number")
    return triangles.astype(np.int64)


def check_indices(triangles: Ints, vertices: int, what: str) -> None:
    if len(triangles) and (int(triangles.min()) < 0 or int(triangles.max()) >= vertices):
        raise CorruptFile(f"a {what} refers to vertex {int(triangles.max())} or "
                          f"{int(triangles.min())}; the file has {vertices} vertices "
                          "(numbered from 0)")
