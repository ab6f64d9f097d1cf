"""The audit log on the real stack: mutations (whatever the client selected), sign-ins from
new addresses and signed downloads are recorded; only ADMIN reads them; `atelier audit export`
prints them as JSON lines; events expire by a TTL index."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from datetime import datetime, timedelta
from typing import Any

import httpx
from pymongo import MongoClient

from app.embedded.database import EmbeddedDatabase
from tests.conftest import new_owner_api
from tests.e2e.test_projects import CREATE, DELETE, MEMBER_SET, UPDATE, owner_of, upload_into
from tests.support import models
from tests.support.client import Api

AUDIT = """query($filter: AuditEventFilter, $first: Int) {
  auditEvents(first: $first, filter: $filter) { edges { node {
    id action owner tokenId objectId outcome errorCodes address requestId createdAt } } } }"""
# The payload's errors are not selected: the outcome is recorded all the same.
DELETE_QUIETLY = "mutation($id: ID!) { assetDelete(id: $id) { __typename } }"


async def events(admin: Api, **filter: Any) -> list[dict[str, Any]]:
    data = await admin.graphql(AUDIT, {"filter": filter, "first": 100})
    return [edge["node"] for edge in data["auditEvents"]["edges"]]


async def test_mutations_are_recorded_with_their_object_and_outcome(api: Api, admin: Api
                                                                     ) -> None:
    owner = (await api.graphql("{ viewer { owner } }"))["viewer"]["owner"]
    uploaded = await api.upload(models.box_stl(), "box.stl")

    async with httpx.AsyncClient() as http:
        refused = await http.post(f"{api.base_url}/graphql", headers={
            **api.headers, "X-Request-Id": "audit-test-1"},
            json={"query": DELETE_QUIETLY, "variables": {"id": "ast_missing"}})
    assert refused.json() == {"data": {"assetDelete": {"__typename": "AssetDeletePayload"}}}

    found = await events(admin, owner=owner, action=["assetUpload", "assetDelete"])
    by_action = {event["action"]: event for event in found}
    assert len(found) == 2
    assert by_action["assetUpload"]["objectId"] == uploaded["asset"]["id"]
    assert by_action["assetUpload"]["outcome"] == "SUCCEEDED"
    assert by_action["assetUpload"]["address"] == "127.0.0.1"
    assert by_action["assetDelete"]["outcome"] == "FAILED"
    assert by_action["assetDelete"]["errorCodes"] == ["NOT_FOUND"]
    assert by_action["assetDelete"]["objectId"] == "ast_missing"
    assert by_action["assetDelete"]["requestId"] == "audit-test-1"
    assert by_action["assetDelete"]["tokenId"] is not None


async def test_only_admin_reads_the_audit_log(api: Api, admin: Api) -> None:
    response = await api.post(AUDIT, {"first": 5})

    body = response.json()
    assert body["data"] is None
    assert [error["extensions"]["code"] for error in body["errors"]] == ["FORBIDDEN"]
    assert await events(admin, action=["auditEvents"]) == []


async def test_a_token_signs_in_once_per_address(admin: Api) -> None:
    owner_api = await new_owner_api(admin)
    owner = (await owner_api.graphql("{ viewer { owner } }"))["viewer"]["owner"]
    await owner_api.graphql("{ viewer { owner } }")
    async with httpx.AsyncClient() as http:
        for _ in range(2):
            await http.post(f"{owner_api.base_url}/graphql",
                            headers={**owner_api.headers, "X-Forwarded-For": "203.0.113.7"},
                            json={"query": "{ viewer { owner } }"})

    sign_ins = await events(admin, owner=owner, action=["sign_in"])
    assert sorted(event["address"] for event in sign_ins) == ["127.0.0.1", "203.0.113.7"]


async def test_signed_downloads_are_recorded(api: Api, admin: Api) -> None:
    from tests.e2e.test_ingest import upload_and_wait

    asset = await upload_and_wait(api, models.box_stl(), "box.stl")
    response = await api.download(asset["glbUrl"])
    assert response.status_code == 200

    downloads = await events(admin, action=["file_download"])
    keys = [event["objectId"] for event in downloads if asset["id"] in event["objectId"]]
    assert len(keys) == 1 and keys[0].endswith(".glb")
    assert downloads[0]["owner"] is None


async def test_export_prints_json_lines_and_events_expire_by_ttl(
        api: Api, admin: Api, env: dict[str, str], database: EmbeddedDatabase) -> None:
    uploaded = await api.upload(models.box_stl(), "box.stl")

    exported = await asyncio.to_thread(
        subprocess.run, [sys.executable, "-m", "app", "audit", "export"], env=env,
        capture_output=True, text=True, timeout=60, check=True)

    lines = [json.loads(line) for line in exported.stdout.splitlines()]
    mine = [line for line in lines if line["object_id"] == uploaded["asset"]["id"]]
    assert [line["action"] for line in mine] == ["assetUpload"]
    assert [line["id"] for line in lines] == sorted(line["id"] for line in lines)
    with MongoClient[dict[str, Any]](database.url, tz_aware=True) as client:
        collection = client[env["ATELIER_DATABASE_NAME"]]["audit_events"]
        ttl = [index for index in collection.list_indexes() if "expireAfterSeconds" in index]
        stored = collection.find_one({"object_id": uploaded["asset"]["id"]})
    assert [(dict(index["key"]), index["expireAfterSeconds"]) for index in ttl] == [
        ({"expires_at": 1}, 0)]
    assert stored is not None
    kept = stored["expires_at"] - stored["created_at"]
    assert kept == timedelta(days=90)
    assert isinstance(stored["created_at"], datetime)


PROJECT_AUDIT = """query($p: ID!) {
  auditEvents(first: 100, filter: {projectId: $p}) { edges { node {
    action objectId owner outcome projectId } } } }"""


async def project_audit(api: Api, project_id: str) -> httpx.Response:
    return await api.post(PROJECT_AUDIT, {"p": project_id})


def refusal(response: httpx.Response) -> list[str]:
    body = response.json()
    assert body["data"] is None
    return [error["extensions"]["code"] for error in body["errors"]]


async def test_a_projects_owner_reads_its_events_and_no_one_else_does(admin: Api) -> None:
    # given a project with an EDITOR and a VIEWER, and an asset the editor made and deleted
    lead, editor, viewer, stranger = [await new_owner_api(admin) for _ in range(4)]
    created = await lead.graphql(CREATE, {"name": "audited"})
    project_id = created["projectCreate"]["project"]["id"]
    for member, role in ((editor, "EDITOR"), (viewer, "VIEWER")):
        added = await lead.graphql(MEMBER_SET, {"p": project_id, "o": await owner_of(member),
                                                "r": role})
        assert added["projectMemberSet"]["errors"] == []
    asset_id = (await upload_into(editor, project_id, models.box_stl()))["asset"]["id"]
    await editor.graphql(UPDATE, {"id": asset_id, "d": "checked"})
    await editor.graphql(DELETE, {"id": asset_id})
    # and something of the lead's own, in its personal project
    await lead.upload(models.box_stl(), "mine.stl")
    # then the project's OWNER reads every event on the project, the delete included
    response = await project_audit(lead, project_id)
    found = [edge["node"] for edge in response.json()["data"]["auditEvents"]["edges"]]
    assert [event["action"] for event in found] == [
        "assetDelete", "assetUpdate", "assetUpload", "projectMemberSet", "projectMemberSet",
        "projectCreate"]
    assert {event["projectId"] for event in found} == {project_id}
    assert [e["objectId"] for e in found[:3]] == [asset_id] * 3
    assert {e["owner"] for e in found[:3]} == {await owner_of(editor)}
    # and an ADMIN reads the same
    assert (await project_audit(admin, project_id)).json() == response.json()
    # while an EDITOR or VIEWER is refused, a non-member told there is no such project, and
    # an owner's token without a project asking for everything refused as before
    assert refusal(await project_audit(editor, project_id)) == ["FORBIDDEN"]
    assert refusal(await project_audit(viewer, project_id)) == ["FORBIDDEN"]
    assert refusal(await project_audit(stranger, project_id)) == ["NOT_FOUND"]
    assert refusal(await lead.post(AUDIT, {"first": 5})) == ["FORBIDDEN"]
