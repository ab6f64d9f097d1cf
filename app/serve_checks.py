"""What `atelier serve` checks before it starts anything: a data dir it can write and a port it
can listen on, so a mistake costs one line and no half-started stores, token or link."""

from __future__ import annotations

import errno
import socket
import tempfile
from pathlib import Path

from app.config import Settings
from app.usage import UsageError

HIGHEST_PORT = 65535


def check_can_start(settings: Settings) -> Path:
    """The data dir, resolved and created; UsageError when it or the port cannot be used."""
    check_port_free(settings.host, settings.port)
    return usable_data_dir(settings.data_dir)


def usable_data_dir(data_dir: Path) -> Path:
    resolved = data_dir.resolve()
    if resolved.exists() and not resolved.is_dir():
        raise UsageError(f"--data-dir {data_dir} is a file, not a folder")
    try:
        resolved.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise UsageError(f"cannot create --data-dir {data_dir}: {error.strerror}") from error
    try:
        # Permission bits do not say it all (a read-only mount, root's own rules): try it.
        with tempfile.TemporaryFile(dir=resolved, prefix=".write-check-"):
            pass
    except OSError as error:
        raise UsageError(f"--data-dir {data_dir} is not writable: {error.strerror}") from error
    return resolved


def check_port_free(host: str, port: int) -> None:
    """Bind the address as uvicorn will (SO_REUSEADDR, so a port in TIME_WAIT counts as free)
    and let it go at once."""
    if not 1 <= port <= HIGHEST_PORT:
        raise UsageError(f"--port {port} is not a port: use 1 to {HIGHEST_PORT}")
    try:
        family, kind, protocol, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
    except socket.gaierror as error:
        raise UsageError(f"cannot listen on --host {host}: {error.strerror}") from error
    with socket.socket(family, kind, protocol) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(address)
        except OSError as error:
            if error.errno == errno.EADDRINUSE:
                raise UsageError(f"port {port} on {host} is already in use; stop what listens "
                                 "there or choose another with --port") from error
            raise UsageError(f"cannot listen on {host}:{port}: {error.strerror}") from error
