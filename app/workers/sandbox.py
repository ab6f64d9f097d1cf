"""Run CPU-heavy geometry in a contained child process: time limit, memory cap, resource limits,
no secrets in its environment and, where the kernel allows, no network.

The child comes from a forkserver that has the geometry modules imported already, so a job
pays milliseconds to start. A pathological file can hang or balloon only its own child, which
is killed at the deadline; the worker and its event loop stay untouched. The forkserver is
started from an environment without ATELIER_* settings or cloud credentials, so its children
never inherit them (not even in /proc/self/environ); each child also drops any that reached
its os.environ, caps its address space, CPU time, open files and processes, and moves into a
new network namespace (as root, or through a user namespace) or carries on without one.
"""

from __future__ import annotations

import asyncio
import contextlib
import ctypes
import multiprocessing
import multiprocessing.forkserver
import os
import resource
import signal
import threading
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar

from app.config import Settings
from app.errors import AtelierError, ErrorCode, JobTimeout

R = TypeVar("R")
ProgressHandler = Callable[[str, float], Awaitable[None]]

# ingest and convert load trimesh, DracoPy, Pillow and the simplifier only for the work that
# needs them (a fresh process converting one file pays for its own); a job's child gets them
# all from here.
_PRELOAD = ["app.geometry.ingest", "app.geometry.mesh_formats", "app.geometry.obj_trimesh",
            "app.geometry.convert", "app.geometry.convert.compress_draco",
            "app.geometry.convert.lod", "app.geometry.convert.simplify",
            "app.geometry.convert.textures", "app.geometry.convert.write_obj",
            "app.workers.render_child"]
_CONTEXT = multiprocessing.get_context("forkserver")
_CONTEXT.set_forkserver_preload(_PRELOAD)
_SECRET_PREFIXES = ("ATELIER_", "AWS_")
_SECRET_WORDS = ("SECRET", "TOKEN", "PASSWORD", "CREDENTIAL")
_CLONE_NEWNET = 0x40000000
_CLONE_NEWUSER = 0x10000000
# The hard CPU limit lets SIGXCPU (the soft one) end the child first.
_CPU_GRACE_SECONDS = 5
_forkserver_lock = threading.Lock()
_forkserver_scrubbed = False


@dataclass(frozen=True)
class Limits:
    timeout_seconds: float
    memory_mb: int
    cpu_seconds: int = 600
    max_open_files: int = 256
    max_processes: int = 4096

    @classmethod
    def from_settings(cls, settings: Settings) -> Limits:
        return cls(settings.job_timeout_seconds, settings.job_memory_mb,
                   settings.job_cpu_seconds, settings.job_max_open_files,
                   settings.job_max_processes)


def is_secret(name: str) -> bool:
    """An environment variable a job's child must not see."""
    upper = name.upper()
    return upper.startswith(_SECRET_PREFIXES) or any(word in upper for word in _SECRET_WORDS)


async def run_isolated(
    function: Callable[..., R],
    *args: Any,
    limits: Limits,
    on_progress: ProgressHandler | None = None,
) -> R:
    """Call `function(*args, report=...)` in a child; its AtelierErrors re-raise here."""
    _start_forkserver_without_secrets()
    receiver, sender = _CONTEXT.Pipe(duplex=False)
    process = _CONTEXT.Process(
        target=_child_main, args=(sender, limits, function, args), daemon=True
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


def _start_forkserver_without_secrets() -> None:
    """Start the forkserver once with the secrets taken out of the environment it copies."""
    global _forkserver_scrubbed
    with _forkserver_lock:
        if _forkserver_scrubbed:
            return
        with _environment_without_secrets():
            multiprocessing.forkserver.ensure_running()
        _forkserver_scrubbed = True


@contextlib.contextmanager
def _environment_without_secrets() -> Iterator[None]:
    removed = {name: os.environ.pop(name) for name in list(os.environ) if is_secret(name)}
    try:
        yield
    finally:
        os.environ.update(removed)


async def _receive(receiver: Connection, remaining: float, limits: Limits) -> tuple[Any, ...]:
    if remaining <= 0:
        raise JobTimeout(f"processing took longer than the limit of {limits.timeout_seconds:g}s")
    loop = asyncio.get_running_loop()
    readable: asyncio.Future[None] = loop.create_future()

    def wake() -> None:
        if not readable.done():
            readable.set_result(None)

    loop.add_reader(receiver.fileno(), wake)
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
    if exit_code == -signal.SIGXCPU:
        return JobTimeout(f"processing used more than the limit of {limits.cpu_seconds} CPU "
                          "seconds")
    if exit_code is not None and exit_code < 0:
        return AtelierError(
            f"processing was killed by signal {-exit_code}; it may have needed more than "
            f"{limits.memory_mb} MB",
            code=ErrorCode.RESOURCE_EXHAUSTED,
        )
    return AtelierError(f"processing stopped unexpectedly (exit code {exit_code})",
                        code=ErrorCode.INTERNAL)


def contain(limits: Limits) -> None:
    """Confine the calling process (a fresh, single-threaded child) for a job."""
    for name in [name for name in os.environ if is_secret(name)]:
        del os.environ[name]
    memory = limits.memory_mb * 1024 * 1024
    _limit(resource.RLIMIT_AS, memory, memory)
    _limit(resource.RLIMIT_CPU, limits.cpu_seconds, limits.cpu_seconds + _CPU_GRACE_SECONDS)
    _limit(resource.RLIMIT_NOFILE, limits.max_open_files, limits.max_open_files)
    _limit(resource.RLIMIT_NPROC, limits.max_processes, limits.max_processes)
    leave_network()


def leave_network() -> bool:
    """Move into a new, empty network namespace; False where the kernel does not allow it."""
    uid, gid = os.getuid(), os.getgid()
    if _unshare(_CLONE_NEWNET):
        return True
    if not _unshare(_CLONE_NEWUSER | _CLONE_NEWNET):
        return False
    # Inside the new user namespace, keep the same ids so files are still ours to write.
    with contextlib.suppress(OSError):
        _write("/proc/self/setgroups", "deny")
        _write("/proc/self/uid_map", f"{uid} {uid} 1")
        _write("/proc/self/gid_map", f"{gid} {gid} 1")
    return True


def _unshare(flags: int) -> bool:
    libc = ctypes.CDLL(None, use_errno=True)
    return bool(libc.unshare(flags) == 0)


def _write(path: str, text: str) -> None:
    Path(path).write_text(text)


def _limit(kind: int, soft: int, hard: int) -> None:
    """Lower a resource limit (never above the current hard limit); skipped if refused."""
    _, current_hard = resource.getrlimit(kind)
    if current_hard != resource.RLIM_INFINITY:
        soft, hard = min(soft, current_hard), min(hard, current_hard)
    with contextlib.suppress(ValueError, OSError):
        resource.setrlimit(kind, (soft, hard))


def _child_main(
    sender: Connection, limits: Limits, function: Callable[..., Any], args: tuple[Any, ...]
) -> None:
    contain(limits)

    def report(stage: str, fraction: float) -> None:
        sender.send(("progress", stage, float(fraction)))

    try:
        sender.send(("result", function(*args, report=report)))
    except AtelierError as error:
        sender.send(("error", error))
    except MemoryError:
        sender.send(("error", AtelierError(
            f"processing needed more than the memory limit of {limits.memory_mb} MB",
            code=ErrorCode.RESOURCE_EXHAUSTED,
        )))
    except Exception as error:  # anything else is our bug, reported without the traceback
        sender.send(("error", AtelierError(
            f"processing failed unexpectedly: {type(error).__name__}: {error}"[:500],
            code=ErrorCode.INTERNAL,
        )))
    finally:
        sender.close()
