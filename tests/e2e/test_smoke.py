"""The API answers health checks and refuses callers without a valid token."""

from __future__ import annotations

import asyncio
import json

import httpx
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from tests.support.client import JOB_PROGRESS, LEGACY_WS, TRANSPORT_WS, Api


async def test_healthz_and_readyz_answer(api_url: str, admin: Api) -> None:
    async with httpx.AsyncClient() as http:
        assert (await http.get(f"{api_url}/healthz")).status_code == 200
        ready = await http.get(f"{api_url}/readyz", headers=admin.headers)
    assert ready.status_code == 200
    assert ready.json()["checks"] == {"database": "ok", "queue": "ok", "storage": "ok"}


async def test_graphql_without_token_is_401(api_url: str) -> None:
    response = await Api(api_url).post("{ assets { totalCount } }")
    assert response.status_code == 401
    assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_graphql_with_wrong_token_is_401(api_url: str) -> None:
    response = await Api(api_url, "atl_not-a-real-token").post("{ assets { totalCount } }")
    assert response.status_code == 401


async def test_new_owner_sees_an_empty_list(api: Api) -> None:
    data = await api.graphql("{ assets { totalCount edges { node { id } } } }")
    assert data["assets"] == {"totalCount": 0, "edges": []}


async def test_metrics_report_http_requests_and_finished_jobs(api: Api) -> None:
    from tests.e2e.test_ingest import upload_and_wait
    from tests.support import models

    await upload_and_wait(api, models.box_stl(), "metrics.stl")
    async with httpx.AsyncClient() as http:
        response = await http.get(f"{api.base_url}/metrics")

    assert response.status_code == 200
    text = response.text
    assert 'atelier_http_requests_total{route="/graphql",status="200"}' in text
    finished = [line for line in text.splitlines()
                if line.startswith('atelier_jobs_finished_total{kind="INGEST",status="SUCCEEDED"}')]
    assert finished and float(finished[0].split()[-1]) >= 1


async def test_pages_larger_than_the_limit_are_refused(api: Api) -> None:
    response = await api.post("{ assets(first: 1000) { totalCount } }")

    errors = response.json()["errors"]
    assert [e["extensions"]["code"] for e in errors] == ["INVALID_INPUT"]
    assert "first must be between 0 and 100" in errors[0]["message"]


async def test_queries_deeper_than_the_limit_are_refused(api: Api) -> None:
    nested = "id"
    for _ in range(8):
        nested = f"ingestJob {{ asset {{ {nested} }} }}"
    response = await api.post(f"{{ assets {{ edges {{ node {{ {nested} }} }} }} }}")

    errors = response.json()["errors"]
    assert len(errors) == 1
    assert "exceeds maximum operation depth" in errors[0]["message"]
    assert errors[0]["extensions"]["code"] == "GRAPHQL_VALIDATION_FAILED"


@pytest.mark.parametrize("protocol", [TRANSPORT_WS, LEGACY_WS])
async def test_websocket_with_a_wrong_token_is_closed_with_4401(api_url: str,
                                                                protocol: str) -> None:
    ws_url = api_url.replace("http://", "ws://") + "/graphql"
    async with connect(ws_url, subprotocols=[protocol]) as ws:
        await ws.send(json.dumps({"type": "connection_init",
                                  "payload": {"authorization": "Bearer atl_wrong"}}))
        with pytest.raises(ConnectionClosed) as closed:
            while True:
                await asyncio.wait_for(ws.recv(), 10)

    assert closed.value.rcvd is not None
    assert closed.value.rcvd.code == 4401


async def test_websocket_accepts_the_token_in_the_handshake_header(api: Api) -> None:
    from tests.support import models

    uploaded = await api.upload(models.box_stl(), "header.stl")
    async with api.websocket(header=True) as subscriptions:
        op = await subscriptions.start(JOB_PROGRESS, {"id": uploaded["job"]["id"]})
        events = await subscriptions.collect(op)

    assert events[-1]["jobProgress"]["job"]["status"] == "SUCCEEDED"
