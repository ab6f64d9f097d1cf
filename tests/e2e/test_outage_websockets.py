"""New websockets during a Redis outage, on a private stack: the sign-in is refused with 1013
(Try Again Later), the close code stock clients retry on (graphql-ws treats 1011 as fatal and
gives up), a stock graphql-ws client left retrying gets its event once Redis is back, and a
subscription opened before the outage stays open and gets it too."""

from __future__ import annotations

import asyncio
import json
import shutil
import signal
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import websockets

from app.embedded.database import EmbeddedDatabase
from app.embedded.process import ChildProcess
from app.embedded.redis import EmbeddedRedis
from tests.conftest import ADMIN_TOKEN, OWNER_SCOPES, TOKEN_CREATE
from tests.support import models
from tests.support.client import TRANSPORT_WS, Api
from tests.support.stack import stack_env, start_api, start_worker

pytestmark = pytest.mark.slow

CLIENT = Path(__file__).resolve().parents[1] / "support" / "graphql_ws_retry.mjs"
TRY_AGAIN_LATER = 1013
READY = "subscription { assetReady { asset { id name status } } }"


class Stack:
    def __init__(self, root: Path) -> None:
        self.database = EmbeddedDatabase(root / "db", log_path=root / "secantus.log")
        self.redis = EmbeddedRedis(root / "redis", log_path=root / "redis.log")
        self.root = root
        self.processes: list[ChildProcess] = []
        self.url = ""

    def start(self) -> None:
        self.database.start()
        self.redis.start()
        env = stack_env(mongodb_url=self.database.url, redis_url=self.redis.url,
                        storage_dir=self.root / "objects", database_name="atelier_ws_outage",
                        admin_token=ADMIN_TOKEN,
                        extra={"ATELIER_WORKER_RECONNECT_MAX_SECONDS": "1"})
        api, self.url = start_api(env, self.root / "api.log")
        self.processes += [api, start_worker(env, self.root / "worker.log")]

    def kill_redis(self) -> None:
        process = self.redis.child.process
        assert process is not None
        process.send_signal(signal.SIGKILL)
        process.wait()

    def stop(self) -> None:
        for process in reversed(self.processes):
            process.stop()
        self.redis.stop()
        self.database.stop()


@pytest.fixture
def stack(tmp_path: Path) -> Iterator[Stack]:
    built = Stack(tmp_path)
    try:
        built.start()
        yield built
    finally:
        built.stop()


async def owner_api(url: str) -> Api:
    data = await Api(url, ADMIN_TOKEN).graphql(TOKEN_CREATE, {"input": {
        "owner": "owner-" + uuid.uuid4().hex[:10], "name": "ws outage", "scopes": OWNER_SCOPES}})
    return Api(url, data["apiTokenCreate"]["secret"])


async def sign_in_close_code(api: Api) -> tuple[int | None, float]:
    """The code a fresh graphql-transport-ws socket is closed with after connection_init."""
    started = time.monotonic()
    url = api.base_url.replace("http://", "ws://") + "/graphql"
    async with websockets.connect(url, subprotocols=[websockets.Subprotocol(TRANSPORT_WS)]) as ws:
        await ws.send(json.dumps({"type": "connection_init",
                                  "payload": {"authorization": f"Bearer {api.token}"}}))
        with pytest.raises(websockets.ConnectionClosed) as closed:
            async with asyncio.timeout(10):
                while True:
                    await ws.recv()
    return closed.value.rcvd.code if closed.value.rcvd else None, time.monotonic() - started


async def upload_when_back(api: Api, within: float) -> dict:
    """The first assetUpload that the API accepts once Redis is back."""
    deadline = time.monotonic() + within
    while True:
        try:
            uploaded = await api.upload(models.box_stl((1.0, 2.0, 3.0)), "after-outage.stl")
        except (AssertionError, httpx.HTTPError):
            uploaded = {"errors": ["refused"]}
        if uploaded["errors"] == [] or time.monotonic() > deadline:
            return uploaded
        await asyncio.sleep(0.5)


async def test_a_socket_opened_during_a_redis_outage_is_told_to_retry_and_its_client_does(
        stack: Stack) -> None:
    api = await owner_api(stack.url)
    async with api.websocket() as open_before:
        before = await open_before.start(READY)
        await asyncio.sleep(0.5)
        stack.kill_redis()
        got = await outage(stack, api)
        kept = await open_before.collect(before, count=1, within=60)
    seen = got.client_output

    assert got.sign_in_code == TRY_AGAIN_LATER
    assert got.answered_in < 5, f"refused after {got.answered_in:.1f}s"
    assert got.client_retrying, seen
    assert TRY_AGAIN_LATER in seen["closeCodes"] and 1011 not in seen["closeCodes"]
    assert got.client_exit == 0, seen
    assert got.uploaded["errors"] == []
    ready = {"id": got.uploaded["asset"]["id"], "name": "after-outage.stl", "status": "READY"}
    assert seen["event"]["data"]["assetReady"]["asset"] == ready
    assert [event["assetReady"]["asset"] for event in kept] == [ready]  # open all along


@dataclass
class Outage:
    sign_in_code: int | None
    answered_in: float
    client_retrying: bool
    uploaded: dict
    client_exit: int
    client_output: dict


async def outage(stack: Stack, api: Api) -> Outage:
    """While Redis is down: a raw sign-in's close code and how fast, then a graphql-ws client
    left retrying; Redis back, an upload; what the client saw."""
    node = shutil.which("node")
    assert node, "node is needed to run the graphql-ws client"

    code, answered_in = await sign_in_close_code(api)
    client = await asyncio.create_subprocess_exec(
        node, str(CLIENT), api.base_url, str(api.token),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    await asyncio.sleep(2)
    still_retrying = client.returncode is None
    stack.redis.start()
    assert client.stderr is not None
    async with asyncio.timeout(60):
        while b"connected" not in await client.stderr.readline():
            pass
    uploaded = await upload_when_back(api, within=30)
    output, _ = await asyncio.wait_for(client.communicate(), 90)
    assert client.returncode is not None
    return Outage(code, answered_in, still_retrying, uploaded, client.returncode,
                  json.loads(output))
