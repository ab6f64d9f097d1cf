"""A small client of one Atelier server: uploads with the GraphQL multipart request spec, job
subscriptions over graphql-transport-ws and asset queries."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import IO, Any

import httpx
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed, InvalidHandshake
from websockets.typing import Subprotocol

from app.usage import UsageError

TRANSPORT_WS = Subprotocol("graphql-transport-ws")
REFUSED_CLOSE_CODES = {4401, 4403}
CHECK_TIMEOUT_S = 10.0

PING = "query Ping { __typename }"
UPLOAD = """
mutation Upload($file: Upload!, $name: String, $tags: [String!]) {
  assetUpload(file: $file, name: $name, tags: $tags) {
    asset { id } job { id } errors { code message }
  }
}"""
JOB_PROGRESS = """
subscription Progress($id: ID!) {
  jobProgress(jobId: $id) { sequence job { status stage progress error { code message } } }
}"""
ASSET = """
query Asset($id: ID!) {
  asset(id: $id) { status error { code message } stats { triangleCount } }
}"""


class ClientFailure(UsageError):
    """The server cannot be reached, does not answer or refuses this client: no file can go
    on."""


class FileRejected(Exception):
    """The server refused or failed one file; the others go on."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


class AtelierClient:
    def __init__(self, server: str, token: str, http: httpx.AsyncClient, *,
                 open_timeout: float = 10.0) -> None:
        self.server = server.rstrip("/")
        self.token = token
        self.http = http
        self.open_timeout = open_timeout

    @property
    def ws_url(self) -> str:
        return "ws" + self.server.removeprefix("http") + "/graphql"

    async def check(self) -> None:
        """Fail at once, with the reason, when the server cannot be reached, does not answer,
        is no Atelier server or refuses the token, before any file is read or sent."""
        response = await self._send(json={"query": PING}, timeout=CHECK_TIMEOUT_S)
        try:
            body = response.json()
        except ValueError:
            body = None
        if not isinstance(body, dict) or not ({"data", "errors"} & body.keys()):
            raise ClientFailure(f"{self.server} does not answer as an Atelier server "
                                f"(HTTP {response.status_code} for /graphql)")
        if body.get("errors"):
            raise ClientFailure(f"the server refused a first request: "
                                f"{_graphql_error(body['errors'])}")

    async def upload(self, name: str, filename: str, content: IO[bytes], tags: list[str]
                     ) -> tuple[str, str]:
        """Stream `content` to `assetUpload` as the asset `name` (the file part is named
        `filename`); the new asset's id and its ingest job's id."""
        operations = {"query": UPLOAD, "variables": {"file": None, "name": name, "tags": tags}}
        data = await self._post(
            data={"operations": json.dumps(operations),
                  "map": json.dumps({"0": ["variables.file"]})},
            files={"0": (filename, content, "application/octet-stream")},
        )
        payload = data["assetUpload"]
        if payload["errors"]:
            first = payload["errors"][0]
            raise FileRejected(first["code"], first["message"])
        return payload["asset"]["id"], payload["job"]["id"]

    async def asset(self, asset_id: str) -> dict[str, Any]:
        data = await self._post(json={"query": ASSET, "variables": {"id": asset_id}})
        if data["asset"] is None:
            raise FileRejected("NOT_FOUND", f"asset {asset_id} is gone")
        return dict(data["asset"])

    async def follow_job(self, job_id: str, on_change: Callable[[dict[str, Any]], None]
                         ) -> dict[str, Any]:
        """Wait for the job's subscription to complete, handing each state of the job to
        `on_change`; the job as its last event left it."""
        try:
            async with connect(self.ws_url, subprotocols=[TRANSPORT_WS],
                               open_timeout=self.open_timeout) as ws:
                await self._initialise(ws)
                await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {
                    "query": JOB_PROGRESS, "variables": {"id": job_id}}}))
                return await _last_job_state(ws, on_change)
        except ConnectionClosed as closed:
            if closed.rcvd is not None and closed.rcvd.code in REFUSED_CLOSE_CODES:
                raise ClientFailure(f"the server refused the token ({closed.rcvd.reason})"
                                    ) from closed
            raise ClientFailure(f"the connection to {self.server} was lost") from closed
        except (OSError, InvalidHandshake, TimeoutError) as error:
            raise ClientFailure(f"cannot open a websocket to {self.ws_url}: {error}") from error

    async def _initialise(self, ws: ClientConnection) -> None:
        await ws.send(json.dumps({"type": "connection_init",
                                  "payload": {"authorization": f"Bearer {self.token}"}}))
        while (message := json.loads(await ws.recv()))["type"] != "connection_ack":
            if message["type"] == "ping":
                await ws.send(json.dumps({"type": "pong"}))

    async def _send(self, **request: Any) -> httpx.Response:
        """POST to /graphql; ClientFailure when the server cannot be reached, does not answer
        in time or refuses the token."""
        try:
            response = await self.http.post(f"{self.server}/graphql", headers={
                "Authorization": f"Bearer {self.token}"}, **request)
        except httpx.TimeoutException as error:
            raise ClientFailure(f"{self.server} did not answer in time") from error
        except httpx.TransportError as error:
            raise ClientFailure(f"cannot reach {self.server}: {error}") from error
        if response.status_code == httpx.codes.UNAUTHORIZED:
            raise ClientFailure("the server refused the token")
        return response

    async def _post(self, **request: Any) -> dict[str, Any]:
        response = await self._send(**request)
        if response.status_code == httpx.codes.REQUEST_ENTITY_TOO_LARGE:
            raise FileRejected("TOO_LARGE", "the server refused a file this large")
        if response.is_error:
            raise FileRejected(f"HTTP_{response.status_code}", response.text[:200])
        body = response.json()
        if body.get("errors"):
            raise _graphql_error(body["errors"])
        return dict(body["data"])


async def _last_job_state(ws: ClientConnection, on_change: Callable[[dict[str, Any]], None]
                          ) -> dict[str, Any]:
    job: dict[str, Any] | None = None
    async for raw in ws:
        message = json.loads(raw)
        kind = message["type"]
        if kind == "ping":
            await ws.send(json.dumps({"type": "pong"}))
        elif kind == "next" and message["payload"].get("errors"):
            raise _graphql_error(message["payload"]["errors"])
        elif kind == "next":
            job = message["payload"]["data"]["jobProgress"]["job"]
            on_change(job)
        elif kind == "error":
            raise _graphql_error(message["payload"])
        elif kind == "complete":
            if job is None:
                raise FileRejected("NOT_FOUND", "the job ended without any event")
            return job
    raise ClientFailure("the server closed the connection before the job ended")


def _graphql_error(errors: list[dict[str, Any]]) -> Exception:
    """The exception for a GraphQL `errors` list: fatal when the token is refused."""
    first = errors[0] if errors else {}
    code = str((first.get("extensions") or {}).get("code", "GRAPHQL_ERROR"))
    message = str(first.get("message", "the server reported an error"))
    if code == "UNAUTHENTICATED":
        return ClientFailure(f"the server refused the token: {message}")
    return FileRejected(code, message)
