"""Cross-origin access: only the origins of ATELIER_CORS_ORIGINS get CORS answers (none by
default), for /graphql, upload PUT URLs and file routes; websockets from other pages' origins
are refused at the handshake."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import InvalidStatus

from tests.support.client import TRANSPORT_WS, Api
from tests.support.stack import start_api

APP_ORIGIN = "https://app.example"
OTHER_ORIGIN = "https://evil.example"


@pytest.fixture(scope="module")
def cors_api_url(stack_dir: Path, env: dict[str, str]) -> Iterator[str]:
    """A second API on the same stores that lets one web app in."""
    api, url = start_api({**env, "ATELIER_CORS_ORIGINS": f"{APP_ORIGIN}, http://localhost:3000"},
                         stack_dir / "api-cors.log")
    yield url
    api.stop()


async def preflight(url: str, origin: str, method: str = "POST") -> httpx.Response:
    async with httpx.AsyncClient() as http:
        return await http.options(url, headers={
            "Origin": origin, "Access-Control-Request-Method": method,
            "Access-Control-Request-Headers": "authorization, content-type"})


@pytest.mark.parametrize(("path", "method"), [
    ("/graphql", "POST"), ("/graphql", "GET"), ("/uploads/some/key", "PUT"),
    ("/files/some/key", "GET")])
async def test_a_listed_origin_gets_its_preflight_answered(
        cors_api_url: str, path: str, method: str) -> None:
    response = await preflight(cors_api_url + path, APP_ORIGIN, method)

    assert response.status_code == 200
    assert response.headers["access-control-allow-origin"] == APP_ORIGIN
    allowed = response.headers["access-control-allow-headers"].lower()
    assert "authorization" in allowed and "content-type" in allowed
    assert method in response.headers["access-control-allow-methods"]
    assert "access-control-allow-credentials" not in response.headers


async def test_an_unlisted_origin_gets_no_cors_headers(cors_api_url: str) -> None:
    response = await preflight(f"{cors_api_url}/graphql", OTHER_ORIGIN)

    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


async def test_by_default_no_origin_is_allowed(api_url: str) -> None:
    response = await preflight(f"{api_url}/graphql", APP_ORIGIN)

    assert response.status_code == 400
    assert "access-control-allow-origin" not in response.headers


async def test_answers_carry_cors_headers_refusals_included(cors_api_url: str,
                                                           admin: Api) -> None:
    async with httpx.AsyncClient() as http:
        answered = await http.post(f"{cors_api_url}/graphql", json={"query": "{ __typename }"},
                                   headers={"Origin": APP_ORIGIN, **admin.headers})
        refused = await http.post(f"{cors_api_url}/graphql", json={"query": "{ __typename }"},
                                  headers={"Origin": APP_ORIGIN})

    assert answered.status_code == 200 and answered.json() == {"data": {"__typename": "Query"}}
    assert answered.headers["access-control-allow-origin"] == APP_ORIGIN
    assert refused.status_code == 401
    assert refused.headers["access-control-allow-origin"] == APP_ORIGIN
    assert "retry-after" in refused.headers["access-control-expose-headers"].lower()


async def handshake(url: str, origin: str | None, token: str) -> dict:
    ws_url = url.replace("http://", "ws://") + "/graphql"
    async with connect(ws_url, subprotocols=[TRANSPORT_WS], origin=origin) as ws:
        await ws.send(json.dumps({"type": "connection_init",
                                  "payload": {"authorization": f"Bearer {token}"}}))
        return json.loads(await ws.recv())


async def test_websockets_from_other_origins_are_refused(cors_api_url: str, admin: Api) -> None:
    assert admin.token is not None
    with pytest.raises(InvalidStatus) as refused:
        await handshake(cors_api_url, OTHER_ORIGIN, admin.token)

    assert refused.value.response.status_code == 403


async def test_websockets_from_listed_own_or_no_origin_connect(cors_api_url: str,
                                                              admin: Api) -> None:
    assert admin.token is not None
    own = cors_api_url  # the demo page and GraphiQL are served by the API itself
    for origin in (APP_ORIGIN, own, None):
        ack = await handshake(cors_api_url, origin, admin.token)
        assert ack["type"] == "connection_ack", origin
