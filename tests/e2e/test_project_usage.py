"""`Project { usage }` on the real stack: two owners share a project, one uploads into it and
the other renders there, and each member reads the same figures: the bytes of the asset's files
(its render's image among them), the ingest and the render this month and the render's run
seconds; the lead's personal project shows only its own upload, and a non-member finds the
project nowhere, exactly as a missing id."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pytest

from app.models.project import personal_project_id
from tests.conftest import new_owner_api
from tests.e2e.test_projects import CREATE, MEMBER_SET, owner_of, upload_into
from tests.e2e.test_render import finished, submit
from tests.support import models
from tests.support.client import ASSET_READY, Api

pytestmark = pytest.mark.slow

USAGE = """query($p: ID!) { node(id: $p) { id ... on Project { usage {
  bytesStored assets jobsQueued jobsRunning jobsThisMonth renderSeconds limits { assets } } } } }"""
FILES = "query($id: ID!) { asset(id: $id) { files { sizeBytes } } }"
TIMES = "query($id: ID!) { job(id: $id) { startedAt finishedAt } }"


async def ready(api: Api, project_id: str | None, data: bytes) -> str:
    async with api.websocket() as subscriptions:
        uploaded = await upload_into(api, project_id, data)
        assert uploaded["errors"] == []
        op = await subscriptions.start(ASSET_READY, {"id": uploaded["asset"]["id"]})
        events = await subscriptions.collect(op)
    assert events[0]["assetReady"]["asset"]["status"] == "READY"
    return str(uploaded["asset"]["id"])


async def usage_of(api: Api, project_id: str) -> dict[str, Any] | None:
    node = (await api.graphql(USAGE, {"p": project_id}))["node"]
    return None if node is None else dict(node["usage"])


async def stored_bytes(api: Api, asset_id: str) -> int:
    files = (await api.graphql(FILES, {"id": asset_id}))["asset"]["files"]
    return sum(int(file["sizeBytes"]) for file in files)


async def test_members_read_a_projects_usage_and_a_stranger_finds_nothing(
        admin: Api, worker: None) -> None:
    lead, editor, stranger = [await new_owner_api(admin) for _ in range(3)]
    shared = (await lead.graphql(CREATE, {"name": "usage"}))["projectCreate"]["project"]["id"]
    await lead.graphql(MEMBER_SET, {"p": shared, "o": await owner_of(editor), "r": "EDITOR"})
    in_shared = await ready(editor, shared, models.box_stl())
    in_personal = await ready(lead, None, models.box_stl((2.0, 1.0, 1.0)))
    render = await submit(lead, assetId=in_shared, width=32, height=32)
    assert render["errors"] == []
    assert (await finished(lead, render["job"]["id"]))[-1]["job"]["status"] == "SUCCEEDED"
    times = (await lead.graphql(TIMES, {"id": render["job"]["id"]}))["job"]
    run = (datetime.fromisoformat(times["finishedAt"])
           - datetime.fromisoformat(times["startedAt"])).total_seconds()

    seen = [await usage_of(member, shared) for member in (lead, editor)]
    personal = await usage_of(lead, personal_project_id(await owner_of(lead)))

    expected = {"bytesStored": await stored_bytes(lead, in_shared), "assets": 1,
                "jobsQueued": 0, "jobsRunning": 0, "jobsThisMonth": 2, "limits": None}
    for usage in seen:
        assert usage is not None
        assert usage.pop("renderSeconds") == pytest.approx(run, abs=1e-3)
        assert usage == expected
    assert personal == {"bytesStored": await stored_bytes(lead, in_personal), "assets": 1,
                        "jobsQueued": 0, "jobsRunning": 0, "jobsThisMonth": 1,
                        "renderSeconds": 0.0, "limits": None}
    assert await usage_of(stranger, shared) is None
    assert await usage_of(stranger, "prj_" + "0" * 24) is None  # as for a missing id
