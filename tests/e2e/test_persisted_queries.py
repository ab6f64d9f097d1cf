"""Automatic persisted queries against the real stack: a stock Apollo Client's persisted-query
link misses, registers and then hits (by POST and by GET), hashes are checked, websockets take
hashes too, and with ATELIER_PERSISTED_QUERIES_ONLY nothing else runs or gets stored."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import ADMIN_TOKEN
from tests.support.client import Api
from tests.support.stack import start_api

SCRIPT = Path(__file__).resolve().parents[1] / "support" / "apollo_persisted.mjs"


def sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def fresh_query() -> str:
    """A document no earlier test stored: Redis outlives one test."""
    return f"query Count{uuid.uuid4().hex[:12]} {{ assets(first: 1) {{ totalCount }} }}"


def persisted(digest: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


async def post(api: Api, body: dict[str, Any]) -> httpx.Response:
    async with httpx.AsyncClient(timeout=30) as http:
        return await http.post(f"{api.base_url}/graphql", headers=api.headers, json=body)


async def get(api: Api, params: dict[str, str], accept: str = "application/json"
              ) -> httpx.Response:
    async with httpx.AsyncClient(timeout=30) as http:
        return await http.get(f"{api.base_url}/graphql", params=params,
                              headers={**api.headers, "Accept": accept})


def run_apollo(api: Api, query: str, *, by_get: bool) -> dict[str, Any]:
    node = shutil.which("node")
    assert node, "node is needed to run Apollo Client"
    ran = subprocess.run([node, str(SCRIPT), api.base_url, str(api.token), query,
                          "get" if by_get else "post"],
                         capture_output=True, text=True, timeout=120, cwd=SCRIPT.parents[2])
    assert ran.returncode == 0, ran.stderr
    result: dict[str, Any] = json.loads(ran.stdout)
    return result


def codes(response: httpx.Response) -> list[str]:
    return [error["extensions"]["code"] for error in response.json()["errors"]]


@pytest.mark.parametrize("by_get", [False, True], ids=["post", "get"])
async def test_apollo_misses_once_registers_then_sends_only_the_hash(api: Api,
                                                                     by_get: bool) -> None:
    query = fresh_query()

    result = run_apollo(api, query, by_get=by_get)

    first, second = result["first"], result["second"]
    assert first["error"] is None and second["error"] is None
    assert first["data"]["assets"]["totalCount"] == second["data"]["assets"]["totalCount"] == 0
    # Apollo hashes the document as it sends it (with __typename added), not our text.
    digest = first["sent"][0]["hash"]
    hash_only = {"method": "GET" if by_get else "POST", "query": False, "hash": digest}
    assert first["sent"] == [hash_only, {"method": "POST", "query": True, "hash": digest}]
    assert second["sent"] == [hash_only]
    # The server, not only the client, holds it now: a bare hash runs the document.
    response = await get(api, {"extensions": json.dumps(persisted(digest))})
    assert response.status_code == 200
    assert response.json()["data"]["assets"]["totalCount"] == 0


async def test_an_unknown_hash_answers_not_found_with_http_200_and_the_request_id(
        api: Api) -> None:
    digest = sha256(fresh_query())

    by_post = await post(api, {"extensions": persisted(digest)})
    by_get = await get(api, {"extensions": json.dumps(persisted(digest))},
                       accept="*/*")

    for response in (by_post, by_get):
        assert response.status_code == 200
        (error,) = response.json()["errors"]
        assert error["message"] == "PersistedQueryNotFound"
        assert error["extensions"]["code"] == "PERSISTED_QUERY_NOT_FOUND"
        assert error["extensions"]["requestId"] == response.headers["X-Request-Id"]


async def test_a_query_sent_with_another_documents_hash_is_refused_and_not_stored(
        api: Api) -> None:
    query, decoy = fresh_query(), fresh_query()

    refused = await post(api, {"query": query, "extensions": persisted(sha256(decoy))})

    assert refused.status_code == 400
    assert codes(refused) == ["INVALID_INPUT"]
    for digest in (sha256(decoy), sha256(query)):
        lookup = await post(api, {"extensions": persisted(digest)})
        assert codes(lookup) == ["PERSISTED_QUERY_NOT_FOUND"]


@pytest.mark.parametrize("extension", [
    {"persistedQuery": {"version": 2, "sha256Hash": "0" * 64}},
    {"persistedQuery": {"version": 1, "sha256Hash": "../../etc"}},
    {"persistedQuery": "abc"},
], ids=["version", "hash", "shape"])
async def test_a_malformed_persisted_query_is_invalid_input(api: Api, extension: dict) -> None:
    response = await post(api, {"extensions": extension})

    assert response.status_code == 400
    assert codes(response) == ["INVALID_INPUT"]


async def test_a_hash_only_get_without_a_token_is_refused_not_answered_with_graphiql(
        api: Api) -> None:
    anonymous = api.with_token(None)

    response = await get(anonymous, {"extensions": json.dumps(persisted("0" * 64))},
                         accept="text/html")

    assert response.status_code == 401
    assert codes(response) == ["UNAUTHENTICATED"]


async def test_websocket_operations_run_by_hash_and_unknown_ones_are_errors(api: Api) -> None:
    query = fresh_query()
    registered = await post(api, {"query": query, "extensions": persisted(sha256(query))})
    assert registered.json() == {"data": {"assets": {"totalCount": 0}}}

    async with api.websocket() as ws:
        await ws.ws.send(json.dumps({"id": "known", "type": "subscribe",
                                     "payload": {"extensions": persisted(sha256(query))}}))
        known = json.loads(await ws.ws.recv())
        await ws.ws.send(json.dumps({"id": "unknown", "type": "subscribe", "payload": {
            "extensions": persisted(sha256(fresh_query()))}}))
        messages = [json.loads(await ws.ws.recv()) for _ in range(2)]

    assert known == {"id": "known", "type": "next",
                     "payload": {"data": {"assets": {"totalCount": 0}}}}
    unknown = next(m for m in messages if m["id"] == "unknown")
    assert unknown["type"] == "error"
    assert [e["extensions"]["code"] for e in unknown["payload"]] == ["PERSISTED_QUERY_NOT_FOUND"]


ALLOWED = "query Allowed { assets(first: 1) { totalCount } }"


@pytest.fixture(scope="module")
def only_persisted(tmp_path_factory: pytest.TempPathFactory, env: dict[str, str]
                   ) -> Iterator[Api]:
    root = tmp_path_factory.mktemp("persisted-only")
    allow_list = root / "persisted-queries.json"
    allow_list.write_text(json.dumps({sha256(ALLOWED): ALLOWED}))
    api, url = start_api({**env, "ATELIER_PERSISTED_QUERIES_ONLY": "true",
                          "ATELIER_PERSISTED_QUERIES_FILE": str(allow_list)}, root / "api.log")
    yield Api(url, ADMIN_TOKEN)
    api.stop()


async def test_persisted_only_runs_the_allow_list_by_hash_or_by_text(only_persisted: Api) -> None:
    by_hash = await post(only_persisted, {"extensions": persisted(sha256(ALLOWED))})
    by_text = await post(only_persisted, {"query": ALLOWED})

    assert "errors" not in by_hash.json() and "errors" not in by_text.json()
    assert by_hash.json()["data"] == by_text.json()["data"]


async def test_persisted_only_refuses_other_documents_and_stores_none(
        only_persisted: Api) -> None:
    query = fresh_query()

    plain = await post(only_persisted, {"query": query})
    registering = await post(only_persisted,
                             {"query": query, "extensions": persisted(sha256(query))})
    afterwards = await post(only_persisted, {"extensions": persisted(sha256(query))})
    async with only_persisted.websocket() as ws:
        operation = await ws.start(query)
        message = json.loads(await ws.ws.recv())

    assert plain.status_code == registering.status_code == 403
    assert codes(plain) == codes(registering) == ["FORBIDDEN"]
    assert codes(afterwards) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert message["id"] == operation and message["type"] == "error"
    assert [e["extensions"]["code"] for e in message["payload"]] == ["FORBIDDEN"]


@pytest.mark.parametrize("content", [json.dumps({"0" * 64: ALLOWED}), "[1, 2]", "{not json"],
                         ids=["wrong-hash", "not-an-object", "not-json"])
def test_a_wrong_allow_list_stops_the_api_with_one_line(tmp_path: Path, env: dict[str, str],
                                                       content: str) -> None:
    allow_list = tmp_path / "persisted-queries.json"
    allow_list.write_text(content)

    ran = subprocess.run([sys.executable, "-m", "app", "api", "--port", "1"],
                         env={**env, "ATELIER_PERSISTED_QUERIES_FILE": str(allow_list)},
                         capture_output=True, text=True, timeout=60)

    assert ran.returncode != 0
    assert ran.stderr.strip().splitlines() == [ran.stderr.strip()], ran.stderr
    assert ran.stderr.startswith("ATELIER_PERSISTED_QUERIES_FILE:")
