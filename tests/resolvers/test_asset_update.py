"""assetUpdate through the real schema, in process on the session's SecantusDB: what it
changes, what it keeps, and every refusal changing nothing (tests/e2e/test_catalog.py drives it
over HTTP)."""

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
from app.models.token import Scope
from app.schema.schema import build_schema
from app.services.container import Services, opened_services
from tests.services.test_scenes import USER_SCOPES, principal

UPDATE = """
mutation Update($id: ID!, $input: AssetUpdateInput!) {
  assetUpdate(id: $id, input: $input) {
    asset { id name description tags metadata license { spdxId text attribution } }
    errors { code field message }
  }
}"""
READ = """
query Read($id: ID!) {
  asset(id: $id) { name description tags metadata license { spdxId text attribution } }
}"""
SEARCH = "query Search($q: String!) { assets(search: $q) { edges { node { id } } } }"
SCHEMA = build_schema(max_query_depth=12)


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="asset_update_test", secret_key="test",
                        storage_dir=tmp_path_factory.mktemp("update-objects"),
                        max_metadata_bytes=64, max_metadata_depth=3)
    async with opened_services(settings) as opened:
        yield opened


async def run(services: Services, owner: str, query: str, variables: dict[str, Any],
              scopes: frozenset[Scope] = USER_SCOPES) -> Any:
    context = Context(services=services, base_url="http://test",
                      request=Request({"type": "http", "headers": []}),
                      principal=principal(owner, scopes))
    result = await SCHEMA.execute(query, variable_values=variables, context_value=context)
    assert result.errors is None, result.errors
    return result.data


@pytest.fixture
async def asset() -> Asset:
    made = Asset(owner="alice", name="chair.glb", filename="chair.glb", tags=["old"],
                 description="A chair", metadata={"kept": True})
    await made.insert()
    return made


async def stored(services: Services, asset: Asset) -> dict[str, Any]:
    return (await run(services, "alice", READ, {"id": asset.id}))["asset"]


async def update(services: Services, asset_id: str, input: dict[str, Any], owner: str = "alice",
                 scopes: frozenset[Scope] = USER_SCOPES) -> dict[str, Any]:
    data = await run(services, owner, UPDATE, {"id": asset_id, "input": input}, scopes)
    return data["assetUpdate"]


async def test_an_update_sets_each_field_given_and_keeps_the_rest(
        services: Services, asset: Asset) -> None:
    payload = await update(services, asset.id, {
        "description": "  An oak rocking chair  ",
        "license": {"spdxId": "cc-by-4.0", "attribution": "Ada, 2026"},
        "metadata": {"studio": "north", "lod": [1, 2]}})

    assert payload["errors"] == []
    expected = {"name": "chair.glb", "description": "An oak rocking chair", "tags": ["old"],
                "metadata": {"studio": "north", "lod": [1, 2]},
                "license": {"spdxId": "CC-BY-4.0", "text": None, "attribution": "Ada, 2026"}}
    assert {k: v for k, v in payload["asset"].items() if k != "id"} == expected
    assert await stored(services, asset) == expected
    found = await run(services, "alice", SEARCH, {"q": "rocking"})
    assert [edge["node"]["id"] for edge in found["assets"]["edges"]] == [asset.id]


async def test_null_clears_and_a_blank_name_gives_back_the_files(
        services: Services, asset: Asset) -> None:
    await update(services, asset.id, {"name": "Throne", "license": {"text": "Ask first"}})

    payload = await update(services, asset.id, {"name": None, "description": None,
                                                "license": None, "metadata": None, "tags": None})

    assert payload["errors"] == []
    assert await stored(services, asset) == {"name": "chair.glb", "description": None, "tags": [],
                                             "metadata": {}, "license": None}
    found = await run(services, "alice", SEARCH, {"q": "throne"})
    assert found["assets"]["edges"] == []


@pytest.mark.parametrize(("input", "code", "field"), [
    ({"metadata": {"notes": "x" * 80}}, "LIMIT_EXCEEDED", ["input", "metadata"]),
    ({"metadata": ["not", "an", "object"]}, "INVALID_INPUT", ["input", "metadata"]),
    ({"metadata": "text"}, "INVALID_INPUT", ["input", "metadata"]),
    ({"metadata": {"$where": 1}}, "INVALID_INPUT", ["input", "metadata"]),
    ({"metadata": {"a.b": 1}}, "INVALID_INPUT", ["input", "metadata"]),
    ({"metadata": {"a": {"b": {"c": {}}}}}, "INVALID_INPUT", ["input", "metadata"]),
    ({"metadata": {"n": 2**70}}, "INVALID_INPUT", ["input", "metadata"]),
    ({"license": {"spdxId": "MIT", "text": "mine"}}, "INVALID_INPUT", ["input", "license"]),
    ({"license": {"attribution": "me"}}, "INVALID_INPUT", ["input", "license"]),
    ({"license": {"spdxId": "not-a-licence"}}, "INVALID_INPUT", ["input", "license", "spdxId"]),
    ({"description": "x" * 5001}, "INVALID_INPUT", ["input", "description"]),
    ({"name": "n" * 201}, "INVALID_INPUT", ["input", "name"]),
    ({"tags": [f"t{i}" for i in range(33)]}, "INVALID_INPUT", ["input", "tags"]),
], ids=["oversized", "list", "string", "dollar-key", "dotted-key", "too-deep", "int-overflow",
        "spdx-and-text", "no-terms", "unknown-spdx", "long-description", "long-name",
        "too-many-tags"])
async def test_a_refused_value_names_its_field_and_changes_nothing(
        services: Services, asset: Asset, input: dict[str, Any], code: str,
        field: list[str]) -> None:
    before = await stored(services, asset)

    payload = await update(services, asset.id, {"description": "changed", **input})

    assert payload["asset"] is None
    assert [(e["code"], e["field"]) for e in payload["errors"]] == [(code, field)]
    assert await stored(services, asset) == before


async def test_another_owners_asset_answers_exactly_as_a_missing_one(
        services: Services, asset: Asset) -> None:
    missing = "ast_" + "0" * 24
    theirs = await update(services, asset.id, {"description": "mine now"}, owner="mallory")
    nothing = await update(services, missing, {"description": "mine now"}, owner="mallory")

    assert theirs["asset"] is nothing["asset"] is None
    assert [(e["code"], e["field"]) for e in theirs["errors"]] == [("NOT_FOUND", ["id"])]
    assert theirs["errors"][0]["message"].replace(asset.id, missing) == (
        nothing["errors"][0]["message"])
    assert (await stored(services, asset))["description"] == "A chair"


async def test_a_token_without_assets_write_is_forbidden_and_changes_nothing(
        services: Services, asset: Asset) -> None:
    payload = await update(services, asset.id, {"description": "sneaky"},
                           scopes=frozenset({Scope.ASSETS_READ}))

    assert [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]
    assert (await stored(services, asset))["description"] == "A chair"
