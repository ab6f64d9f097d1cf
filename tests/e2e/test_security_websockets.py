"""Websockets keep to their token: revoked or expired tokens lose their open sockets (4403),
sockets and operations are capped per token, and a socket that never initialises is closed."""

from __future__ import annotations

import asyncio
import json
import time
import uuid
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from pymongo import MongoClient
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed

from app.embedded.process import ChildProcess
from tests.conftest import ADMIN_TOKEN, OWNER_SCOPES
from tests.support.client import LEGACY_WS, TRANSPORT_WS, Api
from tests.support.stack import start_api

PROTOCOLS = [TRANSPORT_WS, LEGACY_WS]
ASSET_READY = "subscription { assetReady { asset { id } } }"
TOKEN_CREATE = """
mutation ($input: ApiTokenCreateInput!) {
  apiTokenCreate(input: $input) { token { id } secret errors { code } }
}"""
REVOKE = "mutation ($id: ID!) { apiTokenRevoke(id: $id) { token { id } errors { code } } }"
# Small limits on the extra replicas, so each cap is reached in a few sockets. The periodic
# recheck is slow there: a revocation must arrive through Redis, an expiry by its timer.
LIMITED = {"ATELIER_WS_MAX_CONNECTIONS_PER_TOKEN": "3",
           "ATELIER_WS_MAX_SUBSCRIPTIONS_PER_CONNECTION": "2",
           "ATELIER_WS_INIT_TIMEOUT_SECONDS": "1",
           "ATELIER_WS_TOKEN_RECHECK_SECONDS": "600"}
# The crashed replica's sockets hold their places this long after its last renewal; the
# refusal while they do is checked at once, well within it.
CRASHED_LEASE_SECONDS = 4


def start_replica(env: dict[str, str], stack_dir: Path, extra: dict[str, str]
                  ) -> tuple[ChildProcess, str]:
    name = uuid.uuid4().hex[:6]
    return start_api({**env, **extra}, stack_dir / f"api-ws-{name}.log")


@pytest.fixture(scope="module")
def replicas(stack_dir: Path, env: dict[str, str], api_url: str) -> Iterator[list[str]]:
    """Two more API processes on the same database and Redis, with small websocket limits."""
    started = [start_replica(env, stack_dir, LIMITED) for _ in range(2)]
    yield [url for _, url in started]
    for process, _ in started:
        process.stop()


async def new_token(admin: Api, *, scopes: list[str] | None = None,
                    expires_at: datetime | None = None) -> tuple[str, str]:
    """A fresh owner's token: (its id, its secret)."""
    owner = "ws-" + uuid.uuid4().hex[:10]
    data = await admin.graphql(TOKEN_CREATE, {"input": {
        "owner": owner, "name": "ws", "scopes": scopes or OWNER_SCOPES,
        "expiresAt": expires_at.isoformat() if expires_at else None}})
    payload = data["apiTokenCreate"]
    assert payload["errors"] == []
    return payload["token"]["id"], payload["secret"]


@pytest.fixture
def admin_api(api_url: str) -> Api:
    return Api(api_url, ADMIN_TOKEN)


def ws_url(base_url: str) -> str:
    return base_url.replace("http://", "ws://") + "/graphql"


async def signed_in(base_url: str, secret: str, protocol: str) -> ClientConnection:
    """An acknowledged websocket; the caller closes it."""
    ws = await connect(ws_url(base_url), subprotocols=[protocol])
    await ws.send(json.dumps({"type": "connection_init",
                              "payload": {"authorization": f"Bearer {secret}"}}))
    ack = json.loads(await asyncio.wait_for(ws.recv(), 10))
    assert ack["type"] == "connection_ack", ack
    return ws


async def start(ws: ClientConnection, protocol: str, op_id: str, query: str,
                variables: dict[str, Any] | None = None) -> None:
    kind = "subscribe" if protocol == TRANSPORT_WS else "start"
    await ws.send(json.dumps({"id": op_id, "type": kind,
                              "payload": {"query": query, "variables": variables or {}}}))


async def close_code(ws: ClientConnection, within: float) -> tuple[int | None, list[dict]]:
    """The close code the server sends within `within` seconds, and every message before it."""
    received: list[dict] = []
    with pytest.raises(ConnectionClosed) as closed:
        async with asyncio.timeout(within):
            while True:
                received.append(json.loads(await ws.recv()))
    return (closed.value.rcvd.code if closed.value.rcvd else None), received


async def reply_to(ws: ClientConnection, op_id: str, within: float = 30) -> dict:
    async with asyncio.timeout(within):
        while True:
            message = json.loads(await ws.recv())
            if message.get("id") == op_id:
                return message


@pytest.fixture
async def sockets() -> AsyncIterator[list[ClientConnection]]:
    opened: list[ClientConnection] = []
    yield opened
    for ws in opened:
        await ws.close()


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_a_revoked_tokens_open_socket_closes_with_4403(admin_api: Api, protocol: str,
                                                             sockets: list) -> None:
    token_id, secret = await new_token(admin_api)
    ws = await signed_in(admin_api.base_url, secret, protocol)
    sockets.append(ws)
    await start(ws, protocol, "live", ASSET_READY)

    revoked_at = time.monotonic()
    await admin_api.graphql(REVOKE, {"id": token_id})
    code, _ = await close_code(ws, within=5)

    assert code == 4403
    assert time.monotonic() - revoked_at < 5


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_every_replica_hears_a_revocation_at_once(admin_api: Api, replicas: list[str],
                                                        protocol: str, sockets: list) -> None:
    token_id, secret = await new_token(admin_api)
    ws = await signed_in(replicas[0], secret, protocol)
    sockets.append(ws)
    await start(ws, protocol, "live", ASSET_READY)

    revoked_at = time.monotonic()
    await admin_api.graphql(REVOKE, {"id": token_id})
    code, _ = await close_code(ws, within=5)

    # That replica rechecks the database only every 600 s: Redis told it.
    assert code == 4403
    assert time.monotonic() - revoked_at < 5


def revoke_behind_the_bus(env: dict[str, str], token_id: str) -> None:
    """Revoke in the database alone, as if the Redis notice were lost."""
    with MongoClient(env["ATELIER_MONGODB_URL"]) as client:
        client[env["ATELIER_DATABASE_NAME"]]["api_tokens"].update_one(
            {"_id": token_id}, {"$set": {"revoked_at": datetime.now(UTC)}})


def tokens_of(env: dict[str, str], owner: str) -> int:
    with MongoClient(env["ATELIER_MONGODB_URL"]) as client:
        return client[env["ATELIER_DATABASE_NAME"]]["api_tokens"].count_documents(
            {"owner": owner})


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize("operation", ["mutation", "subscription"])
async def test_a_revoked_admin_socket_runs_no_new_operation(admin_api: Api, replicas: list[str],
                                                            env: dict[str, str], protocol: str,
                                                            operation: str,
                                                            sockets: list) -> None:
    admin_id, admin_secret = await new_token(admin_api, scopes=["ADMIN"])
    ws = await signed_in(replicas[1], admin_secret, protocol)
    sockets.append(ws)
    owner = "minted-" + uuid.uuid4().hex[:8]
    query, variables = (TOKEN_CREATE, {"input": {"owner": owner, "name": "x",
                                                 "scopes": ["ADMIN"]}}
                        ) if operation == "mutation" else (ASSET_READY, {})

    revoke_behind_the_bus(env, admin_id)
    await start(ws, protocol, "op", query, variables)
    code, received = await close_code(ws, within=5)

    assert code == 4403
    assert received == []
    assert tokens_of(env, owner) == 0


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_an_expired_tokens_socket_closes_when_it_expires(admin_api: Api,
                                                               replicas: list[str],
                                                               protocol: str,
                                                               sockets: list) -> None:
    expires_at = datetime.now(UTC) + timedelta(seconds=3)
    _, secret = await new_token(admin_api, expires_at=expires_at)
    ws = await signed_in(replicas[0], secret, protocol)
    sockets.append(ws)
    await start(ws, protocol, "live", ASSET_READY)

    code, _ = await close_code(ws, within=8)
    closed_at = datetime.now(UTC)

    assert code == 4403
    assert timedelta(seconds=-0.5) < closed_at - expires_at < timedelta(seconds=2)


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_a_socket_without_connection_init_is_closed_after_the_timeout(
        replicas: list[str], protocol: str) -> None:
    async with connect(ws_url(replicas[0]), subprotocols=[protocol]) as ws:
        opened_at = time.monotonic()
        code, received = await close_code(ws, within=5)

    assert code == 4408
    assert received == []
    assert 0.8 < time.monotonic() - opened_at < 4


async def test_sockets_are_capped_per_token_across_replicas(admin_api: Api,
                                                            replicas: list[str],
                                                            sockets: list) -> None:
    _, secret = await new_token(admin_api)
    first = await signed_in(replicas[0], secret, TRANSPORT_WS)
    sockets += [first, await signed_in(replicas[0], secret, LEGACY_WS),
                await signed_in(replicas[1], secret, TRANSPORT_WS)]
    _, other_secret = await new_token(admin_api)
    sockets.append(await signed_in(replicas[1], other_secret, TRANSPORT_WS))

    async with connect(ws_url(replicas[1]), subprotocols=[TRANSPORT_WS]) as refused:
        await refused.send(json.dumps({"type": "connection_init",
                                       "payload": {"authorization": f"Bearer {secret}"}}))
        code, received = await close_code(refused, within=5)
    await first.close()
    await first.wait_closed()
    await asyncio.sleep(0.3)
    sockets.append(await signed_in(replicas[1], secret, TRANSPORT_WS))

    assert code == 4429
    assert received == []


@pytest.mark.parametrize("protocol", PROTOCOLS)
async def test_operations_are_capped_per_socket_with_rate_limited(admin_api: Api,
                                                                  replicas: list[str],
                                                                  protocol: str,
                                                                  sockets: list) -> None:
    _, secret = await new_token(admin_api)
    ws = await signed_in(replicas[0], secret, protocol)
    sockets.append(ws)
    await start(ws, protocol, "1", ASSET_READY)
    await start(ws, protocol, "2", ASSET_READY)

    await start(ws, protocol, "3", ASSET_READY)
    refused = await reply_to(ws, "3")
    await ws.send(json.dumps({"id": "1", "type": "complete" if protocol == TRANSPORT_WS
                              else "stop"}))
    await asyncio.sleep(0.3)
    await start(ws, protocol, "4", 'subscription { jobProgress(jobId: "job_none") { sequence } }')
    admitted = await reply_to(ws, "4")

    errors = refused["payload"] if protocol == TRANSPORT_WS else [refused["payload"]]
    assert refused["type"] == "error"
    assert [e["extensions"]["code"] for e in errors] == ["RATE_LIMITED"]
    # A slot was free again: the operation ran (and found no such job).
    assert admitted["type"] in ("next", "data")
    assert [e["extensions"]["code"] for e in admitted["payload"]["errors"]] == ["NOT_FOUND"]


@pytest.mark.slow
async def test_a_crashed_replicas_sockets_stop_counting(admin_api: Api, replicas: list[str],
                                                        stack_dir: Path, env: dict[str, str],
                                                        sockets: list) -> None:
    crashing, url = start_replica(env, stack_dir, {
        **LIMITED, "ATELIER_WS_TOKEN_RECHECK_SECONDS": "0.5",
        "ATELIER_WS_SOCKET_LEASE_MIN_SECONDS": str(CRASHED_LEASE_SECONDS)})
    _, secret = await new_token(admin_api)
    try:
        for _ in range(3):
            sockets.append(await signed_in(url, secret, TRANSPORT_WS))
        assert crashing.process is not None
        crashing.process.kill()
        crashing.process.wait()

        async with connect(ws_url(replicas[0]), subprotocols=[TRANSPORT_WS]) as refused:
            await refused.send(json.dumps({"type": "connection_init",
                                           "payload": {"authorization": f"Bearer {secret}"}}))
            code, _ = await close_code(refused, within=5)
        # Its leases run out, and the token may connect again.
        await asyncio.sleep(CRASHED_LEASE_SECONDS + 1)
        sockets.append(await signed_in(replicas[0], secret, TRANSPORT_WS))
    finally:
        crashing.stop()

    assert code == 4429


async def test_operations_over_a_websocket_obey_the_same_scopes(admin_api: Api, env: dict[str, str],
                                                                sockets: list) -> None:
    _, secret = await new_token(admin_api, scopes=["JOBS_READ"])
    ws = await signed_in(admin_api.base_url, secret, TRANSPORT_WS)
    sockets.append(ws)
    owner = "minted-" + uuid.uuid4().hex[:8]

    await start(ws, TRANSPORT_WS, "list", "query { assets { totalCount } }")
    listed = await reply_to(ws, "list")
    await start(ws, TRANSPORT_WS, "live", ASSET_READY)
    live = await reply_to(ws, "live")
    await start(ws, TRANSPORT_WS, "mint", TOKEN_CREATE, {"input": {
        "owner": owner, "name": "x", "scopes": ["ADMIN"]}})
    minted = await reply_to(ws, "mint")

    assert [e["extensions"]["code"] for e in listed["payload"]["errors"]] == ["FORBIDDEN"]
    live_errors = live["payload"] if live["type"] == "error" else live["payload"]["errors"]
    assert [e["extensions"]["code"] for e in live_errors] == ["FORBIDDEN"]
    assert minted["payload"]["data"]["apiTokenCreate"] == {
        "token": None, "secret": None, "errors": [{"code": "FORBIDDEN"}]}
    assert tokens_of(env, owner) == 0
