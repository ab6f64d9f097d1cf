"""The assets list on the session's SecantusDB: each filter, search with its relevance, and each
order paged forwards and backwards with its cursors (no item skipped or repeated, ties
included)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.errors import ErrorCode
from app.models.asset import Asset, AssetLicense, AssetStatus
from app.models.common import AssetStats
from app.services.asset_details import CatalogLimits
from app.services.asset_search import AssetFilter, AssetOrder, AssetOrderKey
from app.services.asset_writes import backfill_search_keys, set_asset_status
from app.services.container import Services, opened_services
from app.services.projects import migrate_to_personal_projects
from tests.services.test_scenes import code_of, error_of, principal

OWNER = "searcher"
T0 = datetime(2026, 1, 1, tzinfo=UTC)


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="asset_search_test", secret_key="test",
                        storage_dir=tmp_path_factory.mktemp("search-objects"), max_search_words=4)
    async with opened_services(settings) as opened:
        await Asset.find({}).delete()
        yield opened


def stats(triangles: int, animations: int = 0) -> AssetStats:
    return AssetStats(triangle_count=triangles, animation_count=animations, vertex_count=3)


# name, tags, description, size, triangles (None: not READY), animations, licence, days.
CATALOG: list[tuple[str, list[str], str | None, int, int | None, int, str | None, int]] = [
    ("Red chair", ["furniture", "wood"], "A red wooden chair", 300, 12, 0, "CC-BY-4.0", 0),
    ("blue Table", ["furniture"], "Oak table, seats four", 100, 500, 1, "CC0-1.0", 1),
    ("Robot", ["character"], "A walking robot with a red light", 300, 5000, 3, None, 2),
    ("red", ["colour"], None, 50, None, 0, "MIT", 3),
    ("Lamp", ["furniture", "light"], "Desk lamp", 300, 12, 0, "CC-BY-4.0", 4),
    ("chair", [], "Folding chair", 75, 80, 0, None, 5),
    ("Tree", ["nature", "wood"], "An oak tree", 900, None, 0, None, 6),
]


@pytest.fixture(scope="module")
async def catalog(services: Services) -> dict[str, Asset]:
    made = {}
    for name, tags, description, size, triangles, animations, spdx, days in CATALOG:
        asset = Asset(owner=OWNER, name=name, filename=f"{name}.glb", tags=tags,
                      description=description, size_bytes=size,
                      status=AssetStatus.READY if triangles is not None else AssetStatus.FAILED,
                      stats=None if triangles is None else stats(triangles, animations),
                      license=AssetLicense(spdx_id=spdx) if spdx else None,
                      source_format="GLB" if size != 75 else "STL",
                      created_at=T0 + timedelta(days=days),
                      updated_at=T0 + timedelta(days=10 - days))
        await asset.insert()
        made[name] = asset
    # Another owner's asset never shows.
    await Asset(owner="someone-else", name="Red chair", filename="x.glb", tags=["wood"]).insert()
    return made


async def names(services: Services, *, where: AssetFilter | None = None,
                search: str | None = None, order: AssetOrder | None = None) -> list[str]:
    page = await services.assets.list(principal(OWNER), first=100, after=None,
                                      where=where or AssetFilter(), search=search, order=order)
    assert await page.count() == len(page.items)
    return [asset.name for asset in page.items]


@pytest.mark.parametrize(("where", "expected"), [
    (AssetFilter(status=[AssetStatus.FAILED]), {"red", "Tree"}),
    (AssetFilter(tags=["furniture", "wood"]), {"Red chair"}),
    (AssetFilter(tags_any=["wood", "character"]), {"Red chair", "Robot", "Tree"}),
    (AssetFilter(tags=["furniture"], tags_any=["light", "wood"]), {"Red chair", "Lamp"}),
    (AssetFilter(source_format=["STL"]), {"chair"}),
    (AssetFilter(name_contains="CHAIR"), {"Red chair", "chair"}),
    (AssetFilter(created_after=T0 + timedelta(days=2), created_before=T0 + timedelta(days=4)),
     {"Robot", "red"}),
    (AssetFilter(updated_after=T0 + timedelta(days=9)), {"Red chair", "blue Table"}),
    (AssetFilter(updated_before=T0 + timedelta(days=5)), {"Tree"}),
    (AssetFilter(min_triangles=80, max_triangles=500), {"blue Table", "chair"}),
    (AssetFilter(max_triangles=12), {"Red chair", "Lamp"}),
    (AssetFilter(has_animations=True), {"blue Table", "Robot"}),
    (AssetFilter(has_animations=False), {"Red chair", "Lamp", "chair"}),
    (AssetFilter(license=["cc-by-4.0", "MIT"]), {"Red chair", "red", "Lamp"}),
    (AssetFilter(status=[AssetStatus.READY], license=["CC-BY-4.0"], min_triangles=1), {
        "Red chair", "Lamp"}),
], ids=lambda value: "" if isinstance(value, set) else
    ",".join(k for k, v in vars(value).items() if v is not None))
async def test_each_filter_keeps_exactly_the_assets_it_names(
        services: Services, catalog: dict[str, Asset], where: AssetFilter,
        expected: set[str]) -> None:
    assert set(await names(services, where=where)) == expected


async def test_search_ranks_name_words_above_description_and_tag_words(
        services: Services, catalog: dict[str, Asset]) -> None:
    # "Red chair" holds both words in its name (each counted twice); "chair" and "red" one
    # word in their names (a tie, the newer first); Robot one in its description.
    assert await names(services, search="RED chair") == ["Red chair", "chair", "red", "Robot"]


async def test_search_finds_words_of_tags_and_descriptions_in_any_case(
        services: Services, catalog: dict[str, Asset]) -> None:
    assert set(await names(services, search="oak")) == {"blue Table", "Tree"}
    assert set(await names(services, search="Nature")) == {"Tree"}
    assert await names(services, search="unicorn") == []


async def test_search_combines_with_filters(services: Services,
                                            catalog: dict[str, Asset]) -> None:
    assert await names(services, search="red chair", where=AssetFilter(
        status=[AssetStatus.READY], tags_any=["furniture"])) == ["Red chair"]


def expected_order(catalog: dict[str, Asset], order: AssetOrder) -> list[str]:
    keys: dict[AssetOrderKey, Callable[[Asset], Any]] = {
        AssetOrderKey.CREATED: lambda a: a.created_at,
        AssetOrderKey.UPDATED: lambda a: a.updated_at,
        AssetOrderKey.NAME: lambda a: a.name.casefold(),
        AssetOrderKey.SIZE: lambda a: a.size_bytes,
        AssetOrderKey.TRIANGLES: lambda a: -1 if a.stats is None else a.stats.triangle_count,
    }
    ranked = sorted(catalog.values(), key=lambda a: (keys[order.key](a), a.id),
                    reverse=order.descending)
    return [asset.name for asset in ranked]


async def walk(services: Services, *, order: AssetOrder, size: int, backward: bool,
               search: str | None = None) -> list[str]:
    """Every asset, page by page of `size`, following the cursors one way."""
    seen: list[str] = []
    cursor = None
    while True:
        page = await services.assets.list(
            principal(OWNER), first=None if backward else size, last=size if backward else None,
            after=None if backward else cursor, before=cursor if backward else None,
            where=AssetFilter(), search=search, order=order)
        assert 0 < len(page.items) <= size
        # Beyond the cursor the walk came from, there is always more.
        assert (page.has_next_page if backward else page.has_previous_page) is (cursor is not None)
        names = [asset.name for asset in page.items]
        seen = [*names, *seen] if backward else [*seen, *names]
        cursor = page.cursor_at(0) if backward else page.end_cursor
        if not (page.has_previous_page if backward else page.has_next_page):
            return seen


@pytest.mark.parametrize("key", [k for k in AssetOrderKey if k is not AssetOrderKey.RELEVANCE])
@pytest.mark.parametrize("descending", [True, False], ids=["DESC", "ASC"])
async def test_each_order_pages_forwards_and_backwards_without_gaps_or_repeats(
        services: Services, catalog: dict[str, Asset], key: AssetOrderKey,
        descending: bool) -> None:
    order = AssetOrder(key, descending)
    expected = expected_order(catalog, order)

    assert await names(services, order=order) == expected
    assert await walk(services, order=order, size=2, backward=False) == expected
    assert await walk(services, order=order, size=3, backward=True) == expected


async def test_relevance_pages_with_its_cursors_both_ways(services: Services,
                                                          catalog: dict[str, Asset]) -> None:
    order = AssetOrder(AssetOrderKey.RELEVANCE)
    ranked = ["Red chair", "chair", "red", "Robot"]

    assert await walk(services, order=order, size=1, backward=False, search="red chair") == ranked
    assert await walk(services, order=order, size=3, backward=True, search="red chair") == ranked
    assert await walk(services, order=AssetOrder(AssetOrderKey.RELEVANCE, descending=False),
                      size=2, backward=False, search="red chair") == ranked[::-1]


async def test_a_page_between_two_cursors_holds_what_lies_between(
        services: Services, catalog: dict[str, Asset]) -> None:
    order = AssetOrder(AssetOrderKey.SIZE, descending=False)
    everything = await services.assets.list(principal(OWNER), first=100, after=None,
                                            where=AssetFilter(), order=order)

    between = await services.assets.list(
        principal(OWNER), first=10, after=everything.cursor_at(1), before=everything.cursor_at(5),
        where=AssetFilter(), order=order)

    assert [a.id for a in between.items] == [a.id for a in everything.items[2:5]]
    assert between.has_previous_page and not between.has_next_page


async def test_a_cursor_of_another_order_or_garbage_is_invalid_input(
        services: Services, catalog: dict[str, Asset]) -> None:
    by_size = await services.assets.list(principal(OWNER), first=1, after=None,
                                         where=AssetFilter(), order=AssetOrder(AssetOrderKey.SIZE))

    for cursor in (by_size.end_cursor, "bm9wZQ", "!!"):
        error = await error_of(services.assets.list(
            principal(OWNER), first=1, after=cursor, where=AssetFilter(),
            order=AssetOrder(AssetOrderKey.NAME)))
        assert (error.code, error.field) == (ErrorCode.INVALID_INPUT, ["after"])


async def test_relevance_without_a_search_and_too_many_words_are_refused(
        services: Services) -> None:
    error = await error_of(services.assets.list(principal(OWNER), first=1, after=None,
                                                where=AssetFilter(),
                                                order=AssetOrder(AssetOrderKey.RELEVANCE)))
    assert (error.code, error.field) == (ErrorCode.INVALID_INPUT, ["order"])
    error = await error_of(services.assets.list(principal(OWNER), first=1, after=None,
                                                where=AssetFilter(), search="a b c d e"))
    assert (error.code, error.field) == (ErrorCode.INVALID_INPUT, ["search"])
    assert await code_of(services.assets.list(principal(OWNER), first=1, after=None,
                                              where=AssetFilter(license=["not-a-licence"]))
                         ) is ErrorCode.INVALID_INPUT


async def test_every_filtered_and_sorted_field_leads_an_index_after_the_owner() -> None:
    indexed = {list(index.document["key"])[1] for index in Asset.Settings.indexes}
    filtered = {"status", "tags", "source_format", "license.spdx_id", "stats.animation_count",
                "created_at", "updated_at", "name_key", "size_bytes", "stats.triangle_count",
                "search_terms"}

    assert filtered <= indexed


def test_catalog_limits_are_a_view_of_settings() -> None:
    settings = Settings(max_asset_description_length=91, max_metadata_bytes=92,
                        max_metadata_depth=93, max_search_words=94)

    assert CatalogLimits.from_settings(settings) == CatalogLimits(
        max_text_length=91, max_metadata_bytes=92, max_metadata_depth=93, max_search_words=94)


async def test_the_write_path_refuses_a_new_name_without_its_search_keys() -> None:
    with pytest.raises(ValueError, match="search keys"):
        await set_asset_status("ast_1", AssetStatus.READY, {"name": "renamed"})


async def test_assets_stored_before_search_are_given_their_keys(services: Services) -> None:
    await Asset.get_pymongo_collection().insert_one({
        "_id": "ast_legacy", "owner": "legacy", "name": "Old Anvil", "filename": "anvil.stl",
        "status": "READY", "tags": ["Forge"], "created_at": T0, "updated_at": T0})

    assert await backfill_search_keys() == 1
    assert await backfill_search_keys() == 0
    assert await migrate_to_personal_projects() == 1  # it predates projects too

    page = await services.assets.list(principal("legacy"), first=5, after=None,
                                      where=AssetFilter(), search="forge anvil")
    assert [(asset.id, asset.updated_at) for asset in page.items] == [("ast_legacy", T0)]
