"""assets(filter:, search:, orderBy:) through the real schema, in process on the session's
SecantusDB: edges and pageInfo carry the order's cursors both ways, and a refused argument is
a query error with its code."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from starlette.requests import Request

from app.config import Settings
from app.context import Context
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models.asset import Asset
from app.services.container import Services, opened_services
from tests.resolvers.test_asset_update import SCHEMA, run
from tests.services.test_scenes import principal

PAGE = """
query Page($first: Int, $after: String, $last: Int, $before: String, $search: String,
           $order: AssetOrder, $filter: AssetFilter) {
  assets(first: $first, after: $after, last: $last, before: $before, search: $search,
         orderBy: $order, filter: $filter) {
    totalCount
    edges { cursor node { name } }
    pageInfo { hasPreviousPage hasNextPage startCursor endCursor }
  }
}"""
NAMES = ["delta", "Alpha", "charlie", "Bravo", "echo"]


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="asset_list_test", secret_key="test",
                        storage_dir=tmp_path_factory.mktemp("list-objects"))
    async with opened_services(settings) as opened:
        for number, name in enumerate(NAMES):
            await Asset(owner="lister", name=name, filename=f"{name}.glb", size_bytes=number,
                        tags=["even" if number % 2 == 0 else "odd"]).insert()
        yield opened


async def page(services: Services, **variables: Any) -> dict[str, Any]:
    data: dict[str, Any] = (await run(services, "lister", PAGE, variables))["assets"]
    return data


def names(found: dict[str, Any]) -> list[str]:
    return [edge["node"]["name"] for edge in found["edges"]]


async def test_an_order_pages_forwards_then_back_with_its_cursors(services: Services) -> None:
    order = {"field": "NAME", "direction": "ASC"}

    first = await page(services, first=2, order=order)
    second = await page(services, first=2, after=first["pageInfo"]["endCursor"], order=order)
    back = await page(services, last=2, before=second["pageInfo"]["startCursor"], order=order)

    assert (names(first), names(second), names(back)) == (
        ["Alpha", "Bravo"], ["charlie", "delta"], ["Alpha", "Bravo"])
    assert first["totalCount"] == 5
    assert first["pageInfo"] == {"hasPreviousPage": False, "hasNextPage": True,
                                 "startCursor": first["edges"][0]["cursor"],
                                 "endCursor": first["edges"][1]["cursor"]}
    assert second["pageInfo"]["hasPreviousPage"] and second["pageInfo"]["hasNextPage"]
    assert back["pageInfo"]["hasNextPage"] and not back["pageInfo"]["hasPreviousPage"]


async def test_filter_search_and_order_combine(services: Services) -> None:
    found = await page(services, first=10, search="alpha ECHO delta",
                       filter={"tags": ["even"]}, order={"field": "SIZE", "direction": "DESC"})

    # Alpha matches the search but is tagged odd; of delta (size 0) and echo (4), the larger
    # first, whatever their relevance.
    assert names(found) == ["echo", "delta"]
    assert found["totalCount"] == 2


@pytest.mark.parametrize(("variables", "message"), [
    ({"order": {"field": "RELEVANCE"}}, "RELEVANCE needs a search"),
    ({"first": 1, "after": "not a cursor"}, "cursor is not valid"),
    ({"filter": {"license": ["no-such-licence"]}}, "not an SPDX licence expression"),
], ids=["relevance-without-search", "garbage-cursor", "unknown-licence"])
async def test_a_refused_argument_is_a_query_error_with_its_code(
        services: Services, variables: dict[str, Any], message: str) -> None:
    context = Context(services=services, base_url="http://test",
                      request=Request({"type": "http", "headers": []}),
                      principal=principal("lister"))

    result = await SCHEMA.execute(PAGE, variable_values=variables, context_value=context)

    assert result.errors is not None and result.data is None
    assert [(error.extensions or {}).get("code") for error in result.errors] == ["INVALID_INPUT"]
    assert message in result.errors[0].message
