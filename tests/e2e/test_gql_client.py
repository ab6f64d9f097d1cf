"""A stock GraphQL client (gql) uploads a real STL over HTTP and receives assetReady over
graphql-transport-ws."""

from __future__ import annotations

import io

import trimesh
from gql import Client, FileVar, gql
from gql.transport.httpx import HTTPXAsyncTransport
from gql.transport.websockets import WebsocketsTransport

from tests.support.client import Api

UPLOAD = """
mutation($file: Upload!) { assetUpload(file: $file, name: "gql box") {
  asset { id status } errors { code message } } }"""
READY = """
subscription($id: ID) { assetReady(assetId: $id) { asset { id status stats { triangleCount } } } }
"""


async def test_gql_uploads_and_receives_asset_ready(api: Api) -> None:
    stl = io.BytesIO(trimesh.creation.box().export(file_type="stl"))
    http = HTTPXAsyncTransport(url=f"{api.base_url}/graphql", headers=api.headers, timeout=60)
    ws = WebsocketsTransport(
        url=api.base_url.replace("http://", "ws://") + "/graphql",
        init_payload={"authorization": f"Bearer {api.token}"},
        subprotocols=[WebsocketsTransport.GRAPHQLWS_SUBPROTOCOL],
    )

    upload = gql(UPLOAD)
    upload.variable_values = {"file": FileVar(stl, filename="box.stl")}
    async with Client(transport=http) as session:
        result = await session.execute(upload, upload_files=True)
    ready = gql(READY)
    ready.variable_values = {"id": result["assetUpload"]["asset"]["id"]}
    async with Client(transport=ws) as subscriptions:
        events = [event async for event in subscriptions.subscribe(ready)]

    assert result["assetUpload"]["errors"] == []
    assert [e["assetReady"]["asset"]["status"] for e in events] == ["READY"]
    assert events[0]["assetReady"]["asset"]["stats"]["triangleCount"] == 12
