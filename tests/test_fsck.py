"""`atelier fsck` on the real database and a filesystem store: it names each record whose
object is gone, counts what it checked, and exits 1 only when something is missing; with
--orphans it lists the objects no record names older than the sweep's grace, and with
--delete-orphans deletes them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.fsck import MissingObject, check_objects
from app.models.common import FileRole
from app.services.container import Services, opened_services
from tests.geometry.test_scene_sources import box_glb
from tests.services.test_scenes import principal, stored_asset
from tests.support.stack import ROOT


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="fsck_test", secret_key="test",
                        storage_dir=tmp_path_factory.mktemp("fsck-objects"))
    async with opened_services(settings) as opened:
        yield opened


def fsck(settings: Settings, *flags: str) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "ATELIER_MONGODB_URL": str(settings.mongodb_url),
           "ATELIER_DATABASE_NAME": settings.database_name, "ATELIER_SECRET_KEY": "test",
           "ATELIER_STORAGE_DIR": str(settings.storage_dir),
           "ATELIER_STORAGE_SWEEP_GRACE_HOURS": str(settings.storage_sweep_grace_hours)}
    return subprocess.run([sys.executable, "-m", "app", "fsck", *flags], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


async def test_fsck_names_the_records_whose_objects_are_gone(services: Services) -> None:
    intact = await stored_asset(services, "ivy", box_glb((1, 1, 1), (1, 0, 0, 1)))
    trashed = await stored_asset(services, "ivy", box_glb((1, 1, 2), (1, 0, 0, 1)))
    await services.asset_trash.delete(principal("ivy"), trashed.id)
    assert (await check_objects(services.settings)).missing == []

    broken = await stored_asset(services, "ivy", box_glb((1, 2, 2), (1, 0, 0, 1)))
    glb = broken.file(FileRole.GLB)
    assert glb is not None and intact.file(FileRole.GLB) is not None
    await services.storage.delete(glb.key)

    report = await check_objects(services.settings)
    ran = fsck(services.settings)

    assert report.missing == [MissingObject("assets", broken.id, glb.key)]
    assert (report.records, report.objects) == (3, 3)
    assert ran.returncode == 1, ran.stderr
    assert ran.stdout.splitlines() == [f"assets {broken.id}: object {glb.key} is missing",
                                       "checked 3 objects of 3 records: 1 missing"]


async def test_fsck_lists_old_orphans_and_deletes_them_when_asked(
        database: EmbeddedDatabase, redis_server: EmbeddedRedis, tmp_path: Path) -> None:
    # Given an asset, an orphan written two hours ago and one written now, with a 1 h grace
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="fsck_orphans_test", secret_key="test",
                        storage_dir=tmp_path / "objects", storage_sweep_grace_hours=1)
    async with opened_services(settings) as services:
        asset = await stored_asset(services, "ivy", box_glb((2, 1, 1), (1, 0, 0, 1)))
        old = await services.storage.put_stream("renders/old.png", one_chunk(b"old"))
        young = await services.storage.put_stream("renders/young.png", one_chunk(b"young"))
    then = time.time() - 2 * 3600
    for key in (old.key, *(file.key for file in asset.files)):
        os.utime(tmp_path / "objects" / key, (then, then))

    # When fsck lists orphans, then deletes them
    listed = fsck(settings, "--orphans")
    deleted = fsck(settings, "--delete-orphans")
    again = fsck(settings, "--orphans")

    # Then only the old orphan is named, deleted once, and the rest stays
    assert listed.returncode == 0, listed.stderr
    lines = listed.stdout.splitlines()
    assert lines[0] == "checked 1 objects of 1 records: 0 missing"
    assert lines[1].startswith("orphan renders/old.png (3 bytes, modified ")
    assert lines[2:] == ["1 orphaned objects older than 1 hours"]
    assert deleted.returncode == 0, deleted.stderr
    assert deleted.stdout.splitlines()[1:] == ["deleted orphan renders/old.png (3 bytes)",
                                               "1 orphaned objects older than 1 hours deleted"]
    assert again.stdout.splitlines()[1:] == ["0 orphaned objects older than 1 hours"]
    assert not (tmp_path / "objects" / old.key).exists()
    assert (tmp_path / "objects" / young.key).read_bytes() == b"young"
    assert all((tmp_path / "objects" / file.key).exists() for file in asset.files)


async def one_chunk(data: bytes) -> AsyncIterator[bytes]:
    yield data
