"""viewer.renderLimits through the real schema, in process: the deployment's render limits as
set (not the defaults), the same for every owner, so a client can bound a render form; and a
renderSubmit one past a limit it reports is refused with LIMIT_EXCEEDED."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import pytest
from starlette.requests import Request

from app.config import Settings
from app.context import Context
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.schema.schema import build_schema
from app.services.container import Services, opened_services
from tests.services.test_scenes import principal

LIMITS = "{ viewer { renderLimits { maxWidth maxHeight maxSamples maxPathSamples maxFrames } } }"
SUBMIT = """mutation($input: RenderSubmitInput!) {
  renderSubmit(input: $input) { job { id } errors { code field } } }"""
SCHEMA = build_schema(max_query_depth=12)


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="render_limits_test", secret_key="test",
                        storage_dir=tmp_path_factory.mktemp("render-limits-objects"),
                        render_max_width=640, render_max_height=480, render_max_samples=8,
                        render_max_path_samples=48, render_max_frames=12)
    async with opened_services(settings) as opened:
        yield opened


async def run(services: Services, owner: str, query: str,
              variables: dict[str, Any] | None = None) -> Any:
    context = Context(services=services, base_url="http://test",
                      request=Request({"type": "http", "headers": []}),
                      principal=principal(owner))
    result = await SCHEMA.execute(query, variable_values=variables, context_value=context)
    assert result.errors is None, result.errors
    return result.data


async def test_render_limits_are_the_deployments_for_every_owner(services: Services) -> None:
    expected = {"maxWidth": 640, "maxHeight": 480, "maxSamples": 8, "maxPathSamples": 48,
                "maxFrames": 12}

    assert (await run(services, "alice", LIMITS))["viewer"]["renderLimits"] == expected
    assert (await run(services, "bob", LIMITS))["viewer"]["renderLimits"] == expected


@pytest.mark.parametrize(("past", "field"), [
    ({"renderer": "PATH_TRACED", "samples": 49}, ["input", "samples"]),
    ({"samples": 9}, ["input", "samples"]),
    ({"width": 641}, ["input", "width"]),
    ({"format": "WEBM", "turntable": {"frames": 13}}, ["input", "turntable", "frames"]),
])
async def test_one_past_a_reported_limit_is_limit_exceeded(
        services: Services, past: dict[str, Any], field: list[str]) -> None:
    data = await run(services, "alice", SUBMIT,
                     {"input": {"assetId": "ast_missing", "width": 64, "height": 64, **past}})

    assert data["renderSubmit"]["job"] is None
    assert data["renderSubmit"]["errors"] == [{"code": "LIMIT_EXCEEDED", "field": field}]
