"""Name, tag and key limits come from Settings alone: lowered there, assetUpload,
assetUploadCreate, sceneCreate and idempotency keys refuse past them, name the field, and store
nothing."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.errors import AtelierError, ErrorCode
from app.models.asset import Asset
from app.models.scene import Scene
from app.models.token import Scope
from app.services.auth import Principal
from app.services.container import Services, opened_services
from app.services.idempotency import Replay

VIEWER = Principal(owner="lena", scopes=frozenset(s for s in Scope if s is not Scope.ADMIN))


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="label_limits_test", secret_key="test",
                        storage_dir=tmp_path_factory.mktemp("label-objects"),
                        max_asset_tags=2, max_asset_tag_length=5, max_asset_name_length=8,
                        max_scene_name_length=6, idempotency_key_max_length=4)
    async with opened_services(settings) as opened:
        yield opened


async def refused(call: object) -> tuple[ErrorCode, list[str] | None]:
    with pytest.raises(AtelierError) as raised:
        await call  # type: ignore[misc]
    return raised.value.code, raised.value.field


def stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()]


async def one_chunk() -> AsyncIterator[bytes]:
    yield b"solid x\nendsolid x\n"


async def test_an_upload_past_the_tag_and_name_settings_is_refused_and_stores_nothing(
        services: Services) -> None:
    def upload(**labels: object) -> object:
        return services.assets.upload(VIEWER, filename="x.stl", chunks=one_chunk(), **labels)

    assert await refused(upload(tags=["a", "b", "c"])) == (ErrorCode.INVALID_INPUT, ["tags"])
    assert await refused(upload(tags=["longer"])) == (ErrorCode.INVALID_INPUT, ["tags"])
    assert await refused(upload(name="ninechars")) == (ErrorCode.INVALID_INPUT, ["name"])
    assert await refused(services.uploads.create(
        VIEWER, filename="x.stl", size_bytes=10, sha256=None, name="ninechars", tags=None,
        copy=False, base_url="http://test")) == (ErrorCode.INVALID_INPUT, ["name"])
    assert await Asset.find({"owner": VIEWER.owner}).count() == 0
    assert stored_files(services.storage.root) == []  # type: ignore[attr-defined]


async def test_a_scene_name_past_its_setting_is_refused(services: Services) -> None:
    assert await refused(services.scenes.create(VIEWER, name="seven!!")) == (
        ErrorCode.INVALID_INPUT, ["name"])

    kept = await services.scenes.create(VIEWER, name="six!!!")

    assert [scene.name for scene in await Scene.find({"owner": VIEWER.owner}).to_list()] == [
        kept.name]


async def test_an_idempotency_key_past_its_setting_is_refused_before_anything_runs(
        services: Services) -> None:
    ran: list[str] = []

    async def create() -> str:
        ran.append("created")
        return "made"

    async def recall(ids: dict[str, str]) -> str:
        return ids["made"]

    replay = Replay(lambda made: {"made": made}, recall)
    assert await refused(services.idempotency.once(
        VIEWER.owner, "five!", {"operation": "sceneCreate"}, create, replay)) == (
        ErrorCode.INVALID_INPUT, ["idempotency_key"])
    assert ran == []
    assert await services.idempotency.once(
        VIEWER.owner, "four", {"operation": "sceneCreate"}, create, replay) == "made"
