"""`atelier fsck` on the real database and a filesystem store: it names each record whose
object is gone, counts what it checked, and exits 1 only when something is missing."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import AsyncIterator

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


def fsck(settings: Settings) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ["PATH"], "ATELIER_MONGODB_URL": str(settings.mongodb_url),
           "ATELIER_DATABASE_NAME": settings.database_name, "ATELIER_SECRET_KEY": "test",
           "ATELIER_STORAGE_DIR": str(settings.storage_dir)}
    return subprocess.run([sys.executable, "-m", "app", "fsck"], env=env, cwd=ROOT,
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
