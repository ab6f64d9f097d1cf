"""Wait for queued GL work with the GIL released, so other Python threads run meanwhile.

moderngl holds the GIL in every call, and reading pixels back waits for the whole frame: on
Mesa llvmpipe that is the entire render, during which a worker's event loop would stall.
glFinish called through ctypes releases the GIL while it waits, so the read that follows only
copies finished pixels.
"""

from __future__ import annotations

import ctypes
import functools
from collections.abc import Callable
from ctypes.util import find_library

import moderngl


@functools.cache
def _gl_finish() -> Callable[[], None] | None:
    # The same library glcontext's EGL backend loads; GLVND dispatches to the current context.
    name = find_library("GL")
    if name is None:
        return None
    try:
        function: Callable[[], None] = ctypes.CDLL(name).glFinish
    except (OSError, AttributeError):
        return None
    return function


def finish_releasing_gil(context: moderngl.Context) -> None:
    """Block until `context` (current on this thread) has executed every queued command."""
    gl_finish = _gl_finish()
    if gl_finish is None:
        context.finish()  # still correct, only holding the GIL while it waits
    else:
        gl_finish()
