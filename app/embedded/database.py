"""SecantusDB, the embedded MongoDB-compatible database, run as a separate GPL process."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

from pymongo import MongoClient
from pymongo.errors import PyMongoError

from app.embedded.process import ChildProcess, free_port, port_open
from app.usage import UsageError

NOT_INSTALLED = ("SecantusDB, the embedded database, is not installed: `make run` installs it "
                 "(pip install 'atelier[embedded]'), or set ATELIER_MONGODB_URL to a MongoDB")


def mongodb_url(host: str, port: int) -> str:
    return f"mongodb://{host}:{port}/?directConnection=true"


class EmbeddedDatabase:
    """`python -m secantus` on a free loopback port, storing its data under `storage_path`."""

    def __init__(self, storage_path: Path, *, log_path: Path | None = None) -> None:
        if importlib.util.find_spec("secantus") is None:
            raise UsageError(NOT_INSTALLED)
        self.host = "127.0.0.1"
        self.port = free_port()
        self.storage_path = storage_path
        storage_path.mkdir(parents=True, exist_ok=True)
        # --sync-on-commit: without it a SIGKILL loses about 1% of acknowledged writes.
        self.child = ChildProcess(
            "secantus",
            [
                sys.executable, "-m", "secantus",
                "--host", self.host, "--port", str(self.port),
                "--storage-path", str(storage_path),
                "--sync-on-commit", "--log-level", "WARNING",
            ],
            log_path=log_path,
        )

    @property
    def url(self) -> str:
        return mongodb_url(self.host, self.port)

    def start(self, timeout: float = 60.0) -> None:
        self.child.start()
        self.child.wait_ready(self._answers, timeout)

    def stop(self) -> None:
        self.child.stop()

    def _answers(self) -> bool:
        if not port_open(self.host, self.port):
            return False
        try:
            with MongoClient[dict[str, Any]](self.url, serverSelectionTimeoutMS=500) as client:
                client.admin.command("ping")
        except PyMongoError:
            return False
        return True
