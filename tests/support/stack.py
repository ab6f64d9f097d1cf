"""Start the real Atelier processes for tests: `atelier api` and `atelier worker` subprocesses
on embedded SecantusDB and redis-server, each on a free port."""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import httpx

from app.embedded.process import ChildProcess, free_port

ROOT = Path(__file__).resolve().parents[2]
TEST_SIGNING_KEY = "test-signing-key"


def stack_env(
    *, mongodb_url: str, redis_url: str, storage_dir: Path, database_name: str,
    admin_token: str, extra: dict[str, str] | None = None,
) -> dict[str, str]:
    env = {key: value for key, value in os.environ.items() if not key.startswith("ATELIER_")}
    env.update({
        "ATELIER_MONGODB_URL": mongodb_url,
        "ATELIER_REDIS_URL": redis_url,
        "ATELIER_STORAGE_DIR": str(storage_dir),
        "ATELIER_DATABASE_NAME": database_name,
        "ATELIER_QUEUE_NAME": f"atelier:queue:{database_name}",
        "ATELIER_SECRET_KEY": TEST_SIGNING_KEY,
        "ATELIER_ADMIN_TOKEN": admin_token,
        "PYTHONUNBUFFERED": "1",
        # The whole suite calls from one address with one admin token, far faster than any
        # client; tests of the rate limits start their own API with tight ones.
        "ATELIER_RATE_LIMIT_PER_IP": "1000000/minute",
        "ATELIER_RATE_LIMIT_PER_TOKEN": "1000000/minute",
        **(extra or {}),
    })
    return env


def start_api(env: dict[str, str], log_path: Path) -> tuple[ChildProcess, str]:
    port = free_port()
    api = ChildProcess(
        "api", [sys.executable, "-m", "app", "api", "--host", "127.0.0.1", "--port", str(port)],
        env=env, log_path=log_path,
    )
    api.start()
    url = f"http://127.0.0.1:{port}"
    api.wait_ready(lambda: _ready(url), timeout=60)
    return api, url


def start_worker(env: dict[str, str], log_path: Path) -> ChildProcess:
    (worker,) = start_workers(env, [log_path])
    return worker


def start_workers(env: dict[str, str], log_paths: list[Path]) -> list[ChildProcess]:
    """Workers started together (one log each), returned once every one is ready."""
    workers = [ChildProcess("worker", [sys.executable, "-m", "app", "worker"], env=env,
                            log_path=log_path) for log_path in log_paths]
    for worker in workers:
        worker.start()
    deadline = time.monotonic() + 30 * len(workers)
    for worker, log_path in zip(workers, log_paths, strict=True):
        while time.monotonic() < deadline and "worker ready" not in _text(log_path):
            if not worker.alive():
                raise RuntimeError(f"worker exited:\n{_text(log_path)[-3000:]}")
            time.sleep(0.1)
    return workers


def _ready(url: str) -> bool:
    try:
        return httpx.get(f"{url}/readyz", timeout=1).status_code == 200
    except httpx.HTTPError:
        return False


def _text(path: Path) -> str:
    return path.read_text(errors="replace") if path.exists() else ""
