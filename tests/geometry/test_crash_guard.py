"""Work run by run_guarded comes back as its result or its error, and a native crash in it
becomes the caller's error instead of ending this process."""

from __future__ import annotations

import ctypes
import os

import pytest

from app.errors import AtelierError, CorruptFile, ErrorCode, LimitExceeded
from app.geometry.crash_guard import run_guarded


def crashed(signal_name: str) -> AtelierError:
    return CorruptFile(f"crashed with {signal_name}")


def test_the_result_comes_back_from_the_child() -> None:
    result = run_guarded(lambda: (os.getpid(), b"x" * 1_000_000), crashed)

    assert result[0] != os.getpid()  # computed elsewhere
    assert result[1] == b"x" * 1_000_000


def test_an_error_of_the_work_is_raised_here() -> None:
    def refuse() -> None:
        raise LimitExceeded("too many triangles")

    with pytest.raises(AtelierError) as raised:
        run_guarded(refuse, crashed)

    assert raised.value.code is ErrorCode.LIMIT_EXCEEDED
    assert raised.value.message == "too many triangles"


def test_a_segmentation_fault_is_the_callers_error() -> None:
    with pytest.raises(AtelierError) as raised:
        run_guarded(lambda: ctypes.string_at(0), crashed)

    assert raised.value.code is ErrorCode.CORRUPT_FILE
    assert raised.value.message == "crashed with SIGSEGV"
