"""The block reader's numbers: the integer fast path gives exactly what numpy's float parser
gives, and anything it cannot read exactly goes to that parser or is refused."""

from __future__ import annotations

import numpy as np
import pytest

from app.errors import CorruptFile
from app.geometry.text_blocks import number_lines, parse_numbers


@pytest.mark.parametrize("spelling", ["%.6f", "%.6e", "%.9E", "%.15e", "%.17g", "%d"])
def test_every_spelling_reads_as_the_float_parser_reads_it(spelling: str) -> None:
    rng = np.random.default_rng(7)
    values = rng.standard_normal(20_000) * 10.0 ** rng.integers(-9, 9, 20_000)
    values = np.concatenate([values, [0.0, -0.0, 1.0, -1.0, 123456.0]])
    if spelling == "%d":
        values = np.round(values)
    text = " ".join(spelling % v for v in values).encode()
    parsed = parse_numbers(text, len(values), "test file")
    expected = np.fromstring(text, sep=" ")
    assert np.array_equal(parsed, expected)
    assert np.array_equal(np.signbit(parsed), np.signbit(expected))


@pytest.mark.parametrize("text", [b"1.0 2.0.0", b"1.0 x", b"1.5 -", b"1.0e 2.0", b"1 2 3",
                                  b"0x10 2"])
def test_what_is_not_two_numbers_is_refused(text: bytes) -> None:
    with pytest.raises(CorruptFile):
        parse_numbers(text, 2, "test file")


def test_lines_count_their_numbers_and_skip_blank_and_comment_lines() -> None:
    lines = number_lines(b"1 2 3\n\n  # a comment\n4 5 # six\n7\n", "test file",
                         comments=True)
    assert lines.counts.tolist() == [3, 2, 1]
    assert lines.values.tolist() == [1, 2, 3, 4, 5, 7]
    assert lines.lines(1, 3).values.tolist() == [4, 5, 7]
