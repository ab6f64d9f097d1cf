"""Run CPU-heavy geometry in a child process with a time limit and a memory cap.

The child comes from a forkserver that has the geometry modules imported already, so a job
pays milliseconds to start. A pathological file can hang or balloon only its own child, which
is killed at the deadline; the worker and its event loop stay untouched.
"""

from __future__ import annotations

import asyncio
import contextlib
import multiprocessing
import resource
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any, TypeVar

from app.errors import AtelierError, ErrorCode, JobTimeout

R = TypeVar("R")
ProgressHandler = Callable[[str, float], Awaitable[None]]

_PRELOAD = ["app.geometry.ingest", "app.geometry.convert"]
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(_PRELOAD)


@dataclass(frozen=True)
class Limits:
    timeout_seconds: float
    memory_mb: int


async def run_isolated(
    function: Callable[..., R],
    *args: Any,
    limits: Limits,
    on_progress: ProgressHandler | None = None,
) -> R:
    """Call `function(*args, report=...)` in a child; its AtelierErrors re-raise here."""
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(
        target=_child_main, args=(sender, limits.memory_mb, function, args), daemon=True
    )
    process.start()
    sender.close()
    deadline = time.monotonic() + limits.timeout_seconds
    try:
        while True:
            message = await _receive(receiver, deadline - time.monotonic(), limits)
            if message[0] == "progress" and on_progress is not None:
                await on_progress(message[1], message[2])
            elif message[0] == "result":
                return message[1]  # type: ignore[no-any-return]
            elif message[0] == "error":
                raise message[1]
    except EOFError:
        await asyncio.to_thread(process.join, 5)
        raise _death_error(process.exitcode, limits) from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        await asyncio.to_thread(process.join, 5)


async def _receive(receiver: Connection, remaining: float, limits: Limits) -> tuple[Any, ...]:
    if remaining <= 0:
        raise JobTimeout(f"processing took longer than the limit of {limits.timeout_seconds:g}s")
    loop = asyncio.get_running_loop()
    readable: asyncio.Future[None] = loop.create_future()
    loop.add_reader(receiver.fileno(), lambda: readable.done() or readable.set_result(None))
    try:
        await asyncio.wait_for(readable, remaining)
    except TimeoutError:
        raise JobTimeout(
            f"processing took longer than the limit of {limits.timeout_seconds:g}s"
        ) from None
    finally:
        loop.remove_reader(receiver.fileno())
    return receiver.recv()  # type: ignore[no-any-return]


def _death_error(exit_code: int | None, limits: Limits) -> AtelierError:
    if exit_code is not None and exit_code < 0:
        return AtelierError(
            f"processing was killed by signal {-exit_code}; it may have needed more than "
            f"{limits.memory_mb} MB",
            code=ErrorCode.RESOURCE_EXHAUSTED,
        )
    return AtelierError(f"processing stopped unexpectedly (exit code {exit_code})",
                        code=ErrorCode.INTERNAL)


def _child_main(
    sender: Connection, memory_mb: int, function: Callable[..., Any], args: tuple[Any, ...]
) -> None:
    cap = memory_mb * 1024 * 1024
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_AS, (cap, cap))

    def report(stage: str, fraction: float) -> None:
        sender.send(("progress", stage, float(fraction)))

    try:
        sender.send(("result", function(*args, report=report)))
    except AtelierError as error:
        sender.send(("error", error))
    except MemoryError:
        sender.send(("error", AtelierError(
            f"processing needed more than the memory limit of {memory_mb} MB",
            code=ErrorCode.RESOURCE_EXHAUSTED,
        )))
    except Exception as error:  # anything else is our bug, reported without the traceback
        sender.send(("error", AtelierError(
            f"processing failed unexpectedly: {type(error).__name__}: {error}"[:500],
            code=ErrorCode.INTERNAL,
        )))
    finally:
        sender.close()
