"""Run native code that may crash on a damaged file in a forked child, so that a crash becomes
an error of the file rather than the death of the job.

OpenCascade's STEP transfer dereferences what a damaged file leaves out, and its IGES reader
trusts the file's counts: either may end the process with SIGSEGV. The work runs in a child
forked from this process (the job's own sandboxed child, whose limits it inherits); its result
or error comes back pickled through a pipe, and the child dies with its parent (Linux's
PR_SET_PDEATHSIG), so a job killed at its deadline leaves nothing running.
"""

from __future__ import annotations

import ctypes
import os
import pickle
import signal
from collections.abc import Callable
from typing import TypeVar

from app.errors import AtelierError, ErrorCode

R = TypeVar("R")
_PR_SET_PDEATHSIG = 1


def run_guarded(work: Callable[[], R], crashed: Callable[[str], AtelierError]) -> R:
    """`work()`'s result, computed in a forked child; its exception re-raised here, and
    `crashed(signal name)` raised when a signal ends the child."""
    parent = os.getpid()
    read_end, write_end = os.pipe()
    child = os.fork()
    if child == 0:  # the forked child, which never returns
        os.close(read_end)
        _serve(work, write_end, parent)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        payload = pipe.read()
    _, status = os.waitpid(child, 0)
    if os.WIFSIGNALED(status):
        raise crashed(signal.Signals(os.WTERMSIG(status)).name)
    if not payload:
        raise AtelierError(f"the reader's process ended with status {os.WEXITSTATUS(status)} "
                           "without an answer", code=ErrorCode.INTERNAL)
    succeeded, value = pickle.loads(payload)
    if not succeeded:
        raise value
    return value  # type: ignore[no-any-return]


def _serve(work: Callable[[], object], write_end: int, parent: int) -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
        if os.getppid() != parent:  # the parent died before the request took hold
            os._exit(1)
        try:
            payload = pickle.dumps((True, work()))
        except MemoryError:
            payload = pickle.dumps((False, AtelierError(
                "the reader ran out of memory", code=ErrorCode.RESOURCE_EXHAUSTED)))
        except Exception as exc:
            payload = _pickled_error(exc)
        with os.fdopen(write_end, "wb") as pipe:
            pipe.write(payload)
    finally:
        # No atexit handlers or buffers of the parent's run twice.
        os._exit(0)


def _pickled_error(exc: Exception) -> bytes:
    try:
        return pickle.dumps((False, exc))
    except (pickle.PicklingError, TypeError, AttributeError):
        return pickle.dumps((False, AtelierError(f"the reader failed: {exc!r}",
                                                 code=ErrorCode.INTERNAL)))
