"""The sandbox child is contained: no secrets in its environment, resource limits, no network.

Each is read from inside a real child: its os.environ and /proc/self/environ, its getrlimit
values, and a socket connect to a listener the test holds open on the loopback address.
"""

from __future__ import annotations

import contextlib
import multiprocessing.forkserver
import os
import resource
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from app.errors import ErrorCode, JobTimeout
from app.workers.sandbox import Limits, run_isolated

LIMITS = Limits(timeout_seconds=30, memory_mb=2048, cpu_seconds=20, max_open_files=64,
                max_processes=500)
SECRETS = {"ATELIER_SECRET_KEY": "signing-secret", "ATELIER_ADMIN_TOKEN": "admin-secret",
           "AWS_SECRET_ACCESS_KEY": "aws-secret", "AWS_ACCESS_KEY_ID": "aws-id",
           "DATABASE_PASSWORD": "db-secret"}


def environment(*, report: Any) -> tuple[dict[str, str], str]:
    return dict(os.environ), Path("/proc/self/environ").read_bytes().decode(errors="replace")


def limits(*, report: Any) -> dict[str, tuple[int, int]]:
    kinds = {"as": resource.RLIMIT_AS, "cpu": resource.RLIMIT_CPU,
             "nofile": resource.RLIMIT_NOFILE, "nproc": resource.RLIMIT_NPROC}
    return {name: resource.getrlimit(kind) for name, kind in kinds.items()}


def open_files(count: int, *, report: Any) -> int:
    opened = 0
    with contextlib.ExitStack() as handles:
        try:
            for _ in range(count):
                handles.enter_context(Path(os.devnull).open("rb"))
                opened += 1
        except OSError:
            pass
    return opened


def network_namespace() -> str:
    return str(Path("/proc/self/ns/net").readlink())


def connect(port: int, *, report: Any) -> tuple[str, str]:
    namespace = network_namespace()
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            return namespace, "connected"
    except OSError as error:
        return namespace, f"refused: {error}"


def spin(*, report: Any) -> None:
    while True:
        pass


@pytest.fixture
def forkserver_started_with_secrets(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """A fresh forkserver started while the worker's environment holds secrets, as a worker's
    does (stopping the one an earlier test started, which might not have seen them)."""
    for name, value in SECRETS.items():
        monkeypatch.setenv(name, value)
    multiprocessing.forkserver._forkserver._stop()
    monkeypatch.setattr("app.workers.sandbox._forkserver_scrubbed", False)
    yield
    multiprocessing.forkserver._forkserver._stop()


async def test_the_child_sees_no_secrets(forkserver_started_with_secrets: None) -> None:
    child_env, proc_environ = await run_isolated(environment, limits=LIMITS)

    assert not [name for name in child_env if name in SECRETS]
    assert not [value for value in SECRETS.values() if value in proc_environ]
    assert child_env["PATH"] == os.environ["PATH"]  # the rest of the environment is kept
    assert os.environ["ATELIER_SECRET_KEY"] == "signing-secret"  # the worker keeps its own


async def test_the_child_runs_under_resource_limits() -> None:
    seen = await run_isolated(limits, limits=LIMITS)

    assert seen["as"] == (2048 * 1024 * 1024,) * 2
    assert seen["cpu"][0] == 20
    assert seen["nofile"] == (64, 64)
    assert seen["nproc"] == (500, 500)
    assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] > 64  # the worker is not limited


async def test_the_open_files_limit_holds_in_the_child() -> None:
    opened = await run_isolated(open_files, 200, limits=LIMITS)

    assert opened < 64


async def test_a_child_spinning_past_its_cpu_time_ends_with_timeout() -> None:
    with pytest.raises(JobTimeout) as raised:
        await run_isolated(spin, limits=Limits(timeout_seconds=60, memory_mb=1024,
                                               cpu_seconds=1))

    assert raised.value.code is ErrorCode.TIMEOUT
    assert "1 CPU seconds" in raised.value.message


async def test_the_child_cannot_reach_the_network() -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(0.5)
        port = listener.getsockname()[1]
        namespace, outcome = await run_isolated(connect, port, limits=LIMITS)
        if namespace == network_namespace():
            pytest.skip("this kernel lets no process make a network namespace here")
        with pytest.raises(TimeoutError):
            listener.accept()

    assert outcome.startswith("refused")
