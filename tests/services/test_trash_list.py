"""The `trash` list on the real database: the caller's restorable deleted assets and scenes,
newest deleted first, paged by cursor, in the projects it reads and of the kinds its scopes
read; another owner's trash, an entry the sweeper has claimed and a restored one never show."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.errors import ErrorCode
from app.models.asset import Asset, AssetStatus
from app.models.project import ProjectRole, personal_project_id
from app.models.token import Scope
from app.models.trash import TrashEntry, TrashKind
from app.services.access import ProjectAccess
from app.services.auth import Principal
from app.services.container import Services, opened_services
from app.services.trash import Trash, backfill_summaries
from app.services.trash_list import trash_page, trash_query
from tests.services.test_scenes import USER_SCOPES, code_of, principal
from tests.services.test_usage_month import scanned_index

RETENTION = timedelta(days=3)
PAGE = 50


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="trash_list_test", secret_key="test",
                        storage_dir=tmp_path_factory.mktemp("trash-list-objects"),
                        trash_retention_days=RETENTION.days)
    async with opened_services(settings) as opened:
        yield opened


def someone() -> str:
    return "owner-" + uuid.uuid4().hex[:8]


async def deleted_asset(services: Services, viewer: Principal, name: str,
                        project_id: str = "") -> Asset:
    asset = Asset(owner=viewer.owner, name=name, filename=f"{name}.stl",
                  status=AssetStatus.READY, project_id=project_id)
    await asset.insert()
    await services.asset_trash.delete(viewer, asset.id)
    return asset


async def listed(viewer: Principal, first: int = PAGE, after: str | None = None
                 ) -> list[tuple[TrashKind, str]]:
    page = await trash_page(viewer, first=first, after=after, max_size=PAGE)
    return [(entry.kind, entry.name) for entry in page.items]


async def test_the_trash_lists_assets_and_scenes_newest_deleted_first_with_purge_times(
        services: Services) -> None:
    viewer = principal(someone())
    older = await deleted_asset(services, viewer, "older")
    scene = await services.scenes.create(viewer, name="a scene")
    await services.scene_trash.delete(viewer, scene.id)
    await deleted_asset(services, viewer, "newest")

    page = await trash_page(viewer, first=PAGE, after=None, max_size=PAGE)

    assert [(e.kind, e.name) for e in page.items] == [
        (TrashKind.ASSET, "newest"), (TrashKind.SCENE, "a scene"), (TrashKind.ASSET, "older")]
    assert [e.id for e in page.items][1:] == [scene.id, older.id]
    assert all(e.purge_after - e.trashed_at == RETENTION for e in page.items)
    assert await page.count() == 3


async def test_pages_follow_their_cursor(services: Services) -> None:
    viewer = principal(someone())
    for name in ("a", "b", "c"):
        await deleted_asset(services, viewer, name)

    first = await trash_page(viewer, first=2, after=None, max_size=PAGE)
    rest = await trash_page(viewer, first=2, after=first.end_cursor, max_size=PAGE)

    assert [e.name for e in first.items] == ["c", "b"] and first.has_next_page
    assert [e.name for e in rest.items] == ["a"] and not rest.has_next_page
    assert rest.has_previous_page


async def test_each_kind_needs_its_read_scope(services: Services) -> None:
    owner = someone()
    await deleted_asset(services, principal(owner), "model")
    scene = await services.scenes.create(principal(owner), name="scene")
    await services.scene_trash.delete(principal(owner), scene.id)

    assets_only = await listed(principal(owner, frozenset({Scope.ASSETS_READ})))
    scenes_only = await listed(principal(owner, frozenset({Scope.SCENES_READ})))
    neither = await code_of(trash_page(principal(owner, frozenset({Scope.JOBS_READ})),
                                       first=PAGE, after=None, max_size=PAGE))

    assert assets_only == [(TrashKind.ASSET, "model")]
    assert scenes_only == [(TrashKind.SCENE, "scene")]
    assert neither is ErrorCode.FORBIDDEN


async def test_another_owners_trash_never_shows_but_a_shared_projects_does(
        services: Services) -> None:
    ann, bob = someone(), someone()
    project = "prj_" + uuid.uuid4().hex[:12]
    in_project = ProjectAccess.of_roles([(personal_project_id(ann), ProjectRole.OWNER),
                                         (project, ProjectRole.OWNER)])
    await deleted_asset(services, principal(ann), "personal")
    await deleted_asset(services, Principal(ann, USER_SCOPES, access=in_project), "shared",
                        project_id=project)
    member = Principal(bob, USER_SCOPES, access=ProjectAccess.of_roles([
        (personal_project_id(bob), ProjectRole.OWNER), (project, ProjectRole.VIEWER)]))

    assert await listed(principal(bob)) == []
    assert await listed(member) == [(TrashKind.ASSET, "shared")]


async def test_a_claimed_or_restored_entry_is_no_longer_listed(services: Services) -> None:
    viewer = principal(someone())
    claimed = await deleted_asset(services, viewer, "claimed")
    restored = await deleted_asset(services, viewer, "restored")
    await deleted_asset(services, viewer, "kept")

    assert await Trash.claim(claimed.id)
    await services.asset_trash.restore(viewer, restored.id)

    assert await listed(viewer) == [(TrashKind.ASSET, "kept")]


async def test_entries_put_away_before_the_list_existed_are_backfilled(
        services: Services) -> None:
    viewer = principal(someone())
    asset = await deleted_asset(services, viewer, "old entry")
    await TrashEntry.get_pymongo_collection().update_one(
        {"_id": asset.id}, {"$unset": {"project_id": "", "name": ""}})
    assert await listed(viewer) == []

    assert await backfill_summaries() >= 1

    assert await listed(viewer) == [(TrashKind.ASSET, "old entry")]
    assert await backfill_summaries() == 0


@pytest.mark.parametrize("access", [
    ProjectAccess.personal("someone"), ProjectAccess.of_roles([
        ("prj_a", ProjectRole.OWNER), ("prj_b", ProjectRole.VIEWER)]),
    ProjectAccess.unrestricted(),
], ids=["one project", "two projects", "admin"])
@pytest.mark.parametrize("scopes", [USER_SCOPES, frozenset({Scope.SCENES_READ})],
                         ids=["both kinds", "scenes only"])
async def test_the_list_reads_through_an_index(services: Services, access: ProjectAccess,
                                                scopes: frozenset[Scope]) -> None:
    query = trash_query(Principal("someone", scopes, access=access))
    collection = TrashEntry.get_pymongo_collection()
    explained = await collection.database.command("explain", {
        "aggregate": collection.name, "cursor": {},
        "pipeline": [{"$match": query}, {"$sort": {"trashed_at": -1, "_id": -1}}]})

    index = scanned_index(explained)
    assert index is not None and set(query) <= set(index)
