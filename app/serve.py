"""`atelier serve`: the whole product in one command, on embedded stores under --data-dir.

Starts SecantusDB and redis-server as child processes, then the workers, then the API in this
process; Ctrl-C or SIGTERM stops them in reverse order. Children die with this process even if
it is killed outright, so nothing is left orphaned.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import secrets
import signal
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

import uvicorn

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.process import ChildProcess
from app.embedded.redis import EmbeddedRedis
from app.main import create_app
from app.serve_checks import check_can_start
from app.services.container import opened_services
from app.usage import UsageError

log = logging.getLogger("atelier.serve")

WORKER_RESTART_CHECK_SECONDS = 0.5
FIRST_RESTART_DELAY_SECONDS = 1.0
MAX_RESTART_DELAY_SECONDS = 30.0
# A worker that ran this long before exiting was healthy: its next restart is not delayed more.
HEALTHY_WORKER_SECONDS = 60.0


def load_or_create_secret(path: Path) -> str:
    """The signing key under the data dir, created on first use readable by its owner only.

    O_EXCL with mode 0600 creates the draft with those permissions in one step (no moment when
    another user could open it); the complete draft is then linked into place, which fails if
    the key exists, so of two processes starting at once both end up with the one key.
    """
    if path.exists():
        return path.read_text().strip()
    draft = path.with_name(f".{path.name}.{os.getpid()}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w") as handle:
            handle.write(secrets.token_urlsafe(48))
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileExistsError):
            os.link(draft, path)
    finally:
        draft.unlink()
    return path.read_text().strip()


def runtime_file(data_dir: Path) -> Path:
    return data_dir / "runtime.json"


def with_running_serve(settings: Settings) -> Settings:
    """Settings pointing at the stores of a `serve` running on the same --data-dir, if any."""
    if settings.mongodb_url:
        return settings
    path = runtime_file(settings.data_dir.resolve())
    if not path.exists():
        raise UsageError(
            f"no running `atelier serve` found in {settings.data_dir}; start it, pass its "
            "--data-dir, or set ATELIER_MONGODB_URL and the other store settings"
        )
    return Settings(**{**settings.model_dump(), **json.loads(path.read_text())})


def write_runtime_file(settings: Settings) -> None:
    path = runtime_file(settings.data_dir)
    path.write_text(json.dumps({
        "mongodb_url": settings.mongodb_url,
        "redis_url": settings.redis_url,
        "storage_dir": str(settings.embedded_storage_dir),
        "secret_key": settings.secret_key,
    }))
    path.chmod(0o600)


def embedded_env(settings: Settings) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "ATELIER_MONGODB_URL": settings.mongodb_url or "",
        "ATELIER_REDIS_URL": settings.redis_url or "",
        "ATELIER_STORAGE_DIR": str(settings.embedded_storage_dir),
        "ATELIER_SECRET_KEY": settings.secret_key or "",
        "ATELIER_DATA_DIR": str(settings.data_dir),
    })
    return env


async def prepare(settings: Settings) -> None:
    """Print a first admin token, and put back in the queue what a previous run left."""
    async with opened_services(settings) as services:
        secret = await services.tokens.bootstrap_admin()
        if secret is not None:
            print(
                f"\n  Admin token (shown once, keep it): {secret}\n"
                f"  Open http://{settings.host}:{settings.port}/#token={secret}\n",
                flush=True,
            )
        await services.jobs.queue.clear_stale_claims()
        await services.jobs.redeliver_unfinished()


@dataclass
class SupervisedWorker:
    """One worker process and when it may next be restarted."""

    process: ChildProcess
    started_at: float = 0.0
    restart_delay: float = FIRST_RESTART_DELAY_SECONDS
    restart_at: float | None = None

    def start(self) -> None:
        self.process.start()
        self.started_at, self.restart_at = time.monotonic(), None

    def exit_code(self) -> int | None:
        popen = self.process.process
        return None if popen is None else popen.poll()

    def schedule_restart(self, now: float) -> float:
        """When to start it again: soon after a long run, later after each quick exit."""
        if now - self.started_at >= HEALTHY_WORKER_SECONDS:
            self.restart_delay = FIRST_RESTART_DELAY_SECONDS
        delay, self.restart_delay = (self.restart_delay,
                                     min(self.restart_delay * 2, MAX_RESTART_DELAY_SECONDS))
        self.restart_at = now + delay
        return delay


class WorkerPool:
    """Worker processes, each restarted with backoff if it exits while the pool runs."""

    def __init__(self, count: int, env: dict[str, str]) -> None:
        self.workers = [
            SupervisedWorker(ChildProcess(f"worker-{index}", [sys.executable, "-m", "app",
                                                              "worker"], env=env))
            for index in range(count)
        ]
        self._stopping = threading.Event()
        self._monitor = threading.Thread(target=self._watch, name="worker-monitor", daemon=True)

    def start(self) -> None:
        for worker in self.workers:
            worker.start()
        self._monitor.start()

    def stop(self) -> None:
        self._stopping.set()
        for worker in self.workers:
            worker.process.stop()

    def _watch(self) -> None:
        while not self._stopping.wait(WORKER_RESTART_CHECK_SECONDS):
            now = time.monotonic()
            for worker in self.workers:
                code = worker.exit_code()
                if code is None or self._stopping.is_set():
                    continue
                if worker.restart_at is None:
                    delay = worker.schedule_restart(now)
                    log.warning("%s exited with code %d; restarting it in %.1fs",
                                worker.process.name, code, delay)
                elif now >= worker.restart_at:
                    log.info("restarting %s", worker.process.name)
                    worker.start()


class StopRequested(Exception):
    """SIGINT or SIGTERM arrived: leave the API loop and stop the children in order."""


def _request_stop(signum: int, frame: FrameType | None) -> None:
    raise StopRequested(signal.Signals(signum).name)


def serve(settings: Settings) -> None:
    data_dir = check_can_start(settings)
    # uvicorn hands a signal it caught back to these handlers once it has shut down.
    signal.signal(signal.SIGTERM, _request_stop)
    signal.signal(signal.SIGINT, _request_stop)
    logs = data_dir / "logs"
    database = EmbeddedDatabase(data_dir / "db", log_path=logs / "secantus.log")
    redis = EmbeddedRedis(data_dir / "redis", log_path=logs / "redis.log")
    workers: WorkerPool | None = None
    try:
        database.start()
        redis.start()
        settings = settings.model_copy(update={
            "data_dir": data_dir,
            "mongodb_url": database.url,
            "redis_url": redis.url,
            "storage_dir": settings.embedded_storage_dir.resolve(),
            "secret_key": settings.secret_key or load_or_create_secret(data_dir / "secret.key"),
        })
        write_runtime_file(settings)
        asyncio.run(prepare(settings))
        workers = WorkerPool(settings.workers, embedded_env(settings))
        workers.start()
        log.info("Atelier on http://%s:%d (data in %s)", settings.host, settings.port, data_dir)
        uvicorn.run(create_app(settings), host=settings.host, port=settings.port,
                    log_level="info", log_config=None)
    except StopRequested as stop:
        log.info("%s received; stopping", stop)
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        runtime_file(data_dir).unlink(missing_ok=True)
        if workers is not None:
            workers.stop()
        redis.stop()
        database.stop()
