"""Where a backup is read from or restored to: a `serve` data dir (running or not) or the
split deployment's stores named by ATELIER_* settings."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.serve import load_or_create_secret, runtime_file, with_running_serve
from app.serve_checks import usable_data_dir
from app.usage import UsageError


def settings_for(data_dir_flag: Path | None) -> Settings:
    """The env's settings, with the --data-dir flag's folder when one is given."""
    return Settings(data_dir=data_dir_flag) if data_dir_flag else Settings()


def uses_data_dir(settings: Settings, data_dir_flag: Path | None) -> bool:
    """An explicit --data-dir wins; without one, store settings in the env name the place."""
    return data_dir_flag is not None or not settings.mongodb_url


@contextlib.contextmanager
def source_settings(data_dir_flag: Path | None) -> Iterator[Settings]:
    """Settings that reach the stores to read (backup, fsck, audit export): a running serve's,
    a stopped data dir's database started for the while, or the env's."""
    settings = settings_for(data_dir_flag)
    if not uses_data_dir(settings, data_dir_flag):
        yield settings
        return
    data_dir = settings.data_dir.resolve()
    if runtime_file(data_dir).exists():
        yield with_running_serve(_embedded(settings, data_dir, mongodb_url=None))
        return
    if not (data_dir / "db").is_dir():
        raise UsageError(f"--data-dir {settings.data_dir} holds no Atelier database")
    with _started_database(settings, data_dir) as started:
        yield started


@contextlib.contextmanager
def target_settings(data_dir_flag: Path | None) -> Iterator[Settings]:
    """Settings that reach the stores to restore into; a data dir must be new or empty (the
    env's database is checked for emptiness once it is open)."""
    settings = settings_for(data_dir_flag)
    if not uses_data_dir(settings, data_dir_flag):
        yield settings
        return
    data_dir = settings.data_dir.resolve()
    if data_dir.exists() and (not data_dir.is_dir() or any(data_dir.iterdir())):
        raise UsageError(f"--data-dir {settings.data_dir} is not empty; restore into a new "
                         "or empty folder")
    usable_data_dir(data_dir)
    with _started_database(settings, data_dir) as started:
        yield started


@contextlib.contextmanager
def _started_database(settings: Settings, data_dir: Path) -> Iterator[Settings]:
    database = EmbeddedDatabase(data_dir / "db", log_path=data_dir / "logs" / "secantus.log")
    database.start()
    try:
        yield _embedded(settings, data_dir, mongodb_url=database.url)
    finally:
        database.stop()


def _embedded(settings: Settings, data_dir: Path, *, mongodb_url: str | None) -> Settings:
    """The data dir's own stores, whatever store settings the env carries."""
    return settings.model_copy(update={
        "data_dir": data_dir, "mongodb_url": mongodb_url, "s3_bucket": None,
        "storage_dir": data_dir / "objects",
        "secret_key": load_or_create_secret(_secret_path(data_dir)),
    })


def _secret_path(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    return data_dir / "secret.key"
