"""A small real client of the API: GraphQL over HTTP (JSON and multipart) and websockets."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

import httpx
from websockets.asyncio.client import ClientConnection, connect

TRANSPORT_WS = "graphql-transport-ws"
LEGACY_WS = "graphql-ws"

ASSET_FIELDS = """
  id name status sourceFormat sizeBytes sha256 tags
  error { code message }
  stats { vertexCount triangleCount meshCount materialCount textureCount animationCount
          nodeCount bounds { min max } }
  validation { numErrors numWarnings issues { code severity message pointer } }
  files { role format sizeBytes url }
  glbUrl thumbnailUrl
"""
JOB_FIELDS = "id kind status progress stage message attempts sequence error { code message }"

UPLOAD = f"""
mutation Upload($file: Upload!, $name: String, $tags: [String!]) {{
  assetUpload(file: $file, name: $name, tags: $tags) {{
    asset {{ {ASSET_FIELDS} }}
    job {{ {JOB_FIELDS} }}
    errors {{ field message code }}
  }}
}}"""
ASSET_READY = f"""
subscription Ready($id: ID) {{ assetReady(assetId: $id) {{ asset {{ {ASSET_FIELDS} }} }} }}"""
JOB_PROGRESS = f"""
subscription Progress($id: ID!, $after: Int) {{
  jobProgress(jobId: $id, afterSequence: $after) {{ sequence job {{ {JOB_FIELDS} }} }}
}}"""


@dataclass
class Api:
    base_url: str
    token: str | None = None

    def with_token(self, token: str | None) -> Api:
        return Api(self.base_url, token)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    async def post(self, query: str, variables: dict[str, Any] | None = None) -> httpx.Response:
        async with httpx.AsyncClient(timeout=60) as http:
            return await http.post(f"{self.base_url}/graphql", headers=self.headers,
                                   json={"query": query, "variables": variables or {}})

    async def graphql(self, query: str, variables: dict[str, Any] | None = None) -> dict:
        response = await self.post(query, variables)
        response.raise_for_status()
        body = response.json()
        assert "errors" not in body, body["errors"]
        return body["data"]

    async def upload(self, data: bytes, filename: str, *, name: str | None = None,
                     tags: list[str] | None = None) -> dict:
        """assetUpload through the GraphQL multipart request spec."""
        operations = {"query": UPLOAD,
                      "variables": {"file": None, "name": name, "tags": tags}}
        async with httpx.AsyncClient(timeout=120) as http:
            response = await http.post(
                f"{self.base_url}/graphql",
                headers=self.headers,
                data={"operations": json.dumps(operations),
                      "map": json.dumps({"0": ["variables.file"]})},
                files={"0": (filename, data, "application/octet-stream")},
            )
        response.raise_for_status()
        body = response.json()
        assert "errors" not in body, body
        return body["data"]["assetUpload"]

    async def download(self, url: str) -> httpx.Response:
        async with httpx.AsyncClient(timeout=60) as http:
            return await http.get(url)

    @asynccontextmanager
    async def websocket(self, protocol: str = TRANSPORT_WS, *, header: bool = False,
                        payload: dict | None = None) -> AsyncIterator[Subscriptions]:
        """A connected, acknowledged websocket; the token goes in connection_init by default."""
        ws_url = self.base_url.replace("http://", "ws://") + "/graphql"
        init = payload if payload is not None else (
            {} if header or not self.token else {"authorization": f"Bearer {self.token}"})
        async with connect(ws_url, subprotocols=[protocol],
                           additional_headers=self.headers if header else None) as ws:
            await ws.send(json.dumps({"type": "connection_init", "payload": init}))
            ack = json.loads(await asyncio.wait_for(ws.recv(), 10))
            assert ack["type"] == "connection_ack", ack
            yield Subscriptions(ws, protocol)


@dataclass
class Subscriptions:
    ws: ClientConnection
    protocol: str
    _next_id: int = 0

    async def start(self, query: str, variables: dict[str, Any] | None = None) -> str:
        self._next_id += 1
        op_id = str(self._next_id)
        kind = "subscribe" if self.protocol == TRANSPORT_WS else "start"
        await self.ws.send(json.dumps({"id": op_id, "type": kind,
                                       "payload": {"query": query, "variables": variables or {}}}))
        return op_id

    async def collect(self, op_id: str, *, count: int | None = None, within: float = 60
                      ) -> list[dict]:
        """The `data` of each event of one operation, until it completes (or `count` events)."""
        events: list[dict] = []
        data_type = "next" if self.protocol == TRANSPORT_WS else "data"
        async with asyncio.timeout(within):
            while True:
                message = json.loads(await self.ws.recv())
                if message.get("type") in ("ka", "ping", "pong"):
                    continue
                if message.get("id") != op_id:
                    continue
                if message["type"] == data_type:
                    assert not message["payload"].get("errors"), message["payload"]
                    events.append(message["payload"]["data"])
                    if count is not None and len(events) >= count:
                        return events
                elif message["type"] == "complete":
                    return events
                elif message["type"] == "error":
                    raise AssertionError(f"subscription error: {message['payload']}")
