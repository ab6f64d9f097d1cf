"""Jobs on a project's assets are read by the project's members, not only by whoever started
them: a VIEWER follows an EDITOR's ingest by id, as a Relay node, over jobProgress and in
`jobs(filter: {assetId})`, but cannot cancel or pin it; a non-member gets NOT_FOUND (or
nothing) everywhere, exactly as for a job that does not exist."""

from __future__ import annotations

import pytest

from tests.conftest import new_owner_api
from tests.e2e.test_projects import CREATE, MEMBER_SET, owner_of, upload_into
from tests.support import models
from tests.support.client import JOB_PROGRESS, Api

pytestmark = pytest.mark.slow

READS = """query($id: ID!, $asset: ID!) {
  job(id: $id) { id status }
  node(id: $id) { id }
  jobs(first: 10, filter: {assetId: $asset}) { edges { node { id } } }
}"""
CANCEL = "mutation($id: ID!) { jobCancel(id: $id) { job { id } errors { code } } }"
PIN = "mutation($id: ID!) { jobPin(id: $id, pinned: true) { job { id } errors { code } } }"


async def progress(api: Api, job_id: str) -> list[dict]:
    async with api.websocket() as subscriptions:
        op = await subscriptions.start(JOB_PROGRESS, {"id": job_id, "after": 0})
        return await subscriptions.collect(op, within=60)


async def test_members_read_each_others_jobs_and_strangers_do_not(admin: Api, worker: None
                                                                  ) -> None:
    lead, editor, viewer, stranger = [await new_owner_api(admin) for _ in range(4)]
    project_id = (await lead.graphql(CREATE, {"name": "shared jobs"}))[
        "projectCreate"]["project"]["id"]
    for member, role in ((editor, "EDITOR"), (viewer, "VIEWER")):
        await lead.graphql(MEMBER_SET, {"p": project_id, "o": await owner_of(member),
                                        "r": role})
    uploaded = await upload_into(editor, project_id, models.box_stl())
    asset_id = uploaded["asset"]["id"]
    job_id = (await editor.graphql("query($id: ID!) { asset(id: $id) { ingestJob { id } } }",
                                   {"id": asset_id}))["asset"]["ingestJob"]["id"]
    ended = await progress(editor, job_id)
    assert ended[-1]["jobProgress"]["job"]["status"] == "SUCCEEDED"

    # every member reads the editor's job, its events and its place in the asset's jobs
    for member in (lead, viewer):
        reads = await member.graphql(READS, {"id": job_id, "asset": asset_id})
        assert reads["job"] == {"id": job_id, "status": "SUCCEEDED"}
        assert reads["node"] == {"id": job_id}
        assert [edge["node"]["id"] for edge in reads["jobs"]["edges"]] == [job_id]
        assert [e["jobProgress"]["sequence"] for e in await progress(member, job_id)] == \
            [e["jobProgress"]["sequence"] for e in ended]
    # but only its owner changes it
    for attempt in (CANCEL, PIN):
        refused = await viewer.graphql(attempt, {"id": job_id})
        assert next(iter(refused.values()))["errors"][0]["code"] == "FORBIDDEN"

    # a stranger finds nothing, as for an id of nothing
    reads = await stranger.graphql(READS, {"id": job_id, "asset": asset_id})
    assert (reads["job"], reads["node"], reads["jobs"]["edges"]) == (None, None, [])
    with pytest.raises(AssertionError, match="NOT_FOUND"):
        await progress(stranger, job_id)
    refused = await stranger.graphql(CANCEL, {"id": job_id})
    assert refused["jobCancel"]["errors"][0]["code"] == "NOT_FOUND"
