"""Projects and roles over HTTP and websockets on the real stack: three owners share one
project as OWNER, EDITOR and VIEWER, a fourth is no member. Each asks every read, page, node,
download, write, upload, member change and subscription of the project's asset; a VIEWER's
write answers FORBIDDEN and a stranger's NOT_FOUND (as for a missing id), and neither changes
anything. Assets stored before projects are read in their owner's personal project."""

from __future__ import annotations

import asyncio
import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
from bson import ObjectId
from pymongo import MongoClient

from app.embedded.database import EmbeddedDatabase
from app.models.project import personal_project_id
from tests.conftest import new_owner_api
from tests.e2e.test_security_authz import token_for
from tests.support import models
from tests.support.client import ASSET_READY, Api, Subscriptions
from tests.support.stack import start_api

CREATE = """mutation($name: String!) {
  projectCreate(input: {name: $name}) { project { id name members { owner role } }
  errors { code field } } }"""
MEMBER_SET = """mutation($p: ID!, $o: String!, $r: ProjectRole!) {
  projectMemberSet(projectId: $p, owner: $o, role: $r) { project { id members { owner role } }
  errors { code field } } }"""
MEMBER_REMOVE = """mutation($p: ID!, $o: String!) {
  projectMemberRemove(projectId: $p, owner: $o) { project { id members { owner role } }
  errors { code field } } }"""
UPLOAD = """mutation($file: Upload!, $p: ID) {
  assetUpload(file: $file, projectId: $p, copy: true) { asset { id project { id } }
  errors { code field } } }"""
READS = """query($id: ID!, $p: ID!) {
  asset(id: $id) { id description glbUrl project { id name } }
  assets(first: 50) { edges { node { id } } }
  node(id: $id) { id }
  nodes(ids: [$id, $p]) { id }
  projects(first: 10) { edges { node { id } } }
}"""
UPDATE = """mutation($id: ID!, $d: String!) {
  assetUpdate(id: $id, input: {description: $d}) { asset { id description } errors { code } } }"""
DELETE = "mutation($id: ID!) { assetDelete(id: $id) { deletedId errors { code } } }"
RENDER = """mutation($id: ID!) {
  renderSubmit(input: {assetId: $id}) { job { id } errors { code } } }"""
STORED = "query($id: ID!) { asset(id: $id) { id description } }"
SCENE_FROM = """mutation($id: ID!) {
  sceneCreateFromAsset(assetId: $id) { scene { id } errors { code } } }"""
SCENE_READS = """query($id: ID!) {
  scene(id: $id) { id name version } scenes(first: 50) { edges { node { id } } }
  node(id: $id) { id }
}"""
SCENE_RENAME = """mutation($id: ID!, $name: String!) {
  sceneUpdate(id: $id, input: {name: $name}) { scene { name version } errors { code } } }"""
SCENE_DELETE = "mutation($id: ID!) { sceneDelete(id: $id) { deletedId errors { code } } }"
PROJECT_MEMBERS = """query($p: ID!) {
  node(id: $p) { ... on Project { members { owner role } } } }"""


async def owner_of(api: Api) -> str:
    return str((await api.graphql("{ viewer { owner } }"))["viewer"]["owner"])


async def upload_into(api: Api, project_id: str | None, data: bytes) -> dict[str, Any]:
    operations = {"query": UPLOAD, "variables": {"file": None, "p": project_id}}
    async with httpx.AsyncClient(timeout=120) as http:
        response = await http.post(
            f"{api.base_url}/graphql", headers=api.headers,
            data={"operations": json.dumps(operations),
                  "map": json.dumps({"0": ["variables.file"]})},
            files={"0": ("box.stl", data, "application/octet-stream")})
    response.raise_for_status()
    return dict(response.json()["data"]["assetUpload"])


@dataclass
class Team:
    owner: Api
    editor: Api
    viewer: Api
    stranger: Api
    names: dict[str, str]
    project_id: str

    def members(self) -> list[tuple[str, Api]]:
        return [("OWNER", self.owner), ("EDITOR", self.editor), ("VIEWER", self.viewer)]


async def team(admin: Api) -> Team:
    apis = [await new_owner_api(admin) for _ in range(4)]
    names = {role: await owner_of(api)
             for role, api in zip(("OWNER", "EDITOR", "VIEWER", "STRANGER"), apis, strict=True)}
    made = (await apis[0].graphql(CREATE, {"name": "shared"}))["projectCreate"]
    assert made["errors"] == []
    project_id = made["project"]["id"]
    for role in ("EDITOR", "VIEWER"):
        done = (await apis[0].graphql(MEMBER_SET, {"p": project_id, "o": names[role],
                                                    "r": role}))["projectMemberSet"]
        assert done["errors"] == []
    return Team(*apis, names=names, project_id=project_id)


async def ready_in(t: Team, uploader: Api) -> str:
    """An asset uploaded into the project by `uploader`, once READY."""
    async with uploader.websocket() as subscriptions:
        uploaded = await upload_into(uploader, t.project_id, models.box_stl())
        assert uploaded["errors"] == []
        assert uploaded["asset"]["project"] == {"id": t.project_id}
        op = await subscriptions.start(ASSET_READY, {"id": uploaded["asset"]["id"]})
        events = await subscriptions.collect(op)
    assert events[0]["assetReady"]["asset"]["status"] == "READY"
    return str(uploaded["asset"]["id"])


async def test_each_role_reads_the_project_and_a_stranger_sees_nothing(admin: Api, worker: None
                                                                       ) -> None:
    t = await team(admin)
    asset_id = await ready_in(t, t.owner)

    for role, api in t.members():
        seen = await api.graphql(READS, {"id": asset_id, "p": t.project_id})
        assert seen["asset"]["project"] == {"id": t.project_id, "name": "shared"}, role
        assert {"node": {"id": asset_id}} in seen["assets"]["edges"], role
        assert seen["node"] == {"id": asset_id}, role
        assert seen["nodes"] == [{"id": asset_id}, {"id": t.project_id}], role
        assert {"node": {"id": t.project_id}} in seen["projects"]["edges"], role
        assert (await api.download(seen["asset"]["glbUrl"])).status_code == 200, role

    hidden = await t.stranger.graphql(READS, {"id": asset_id, "p": t.project_id})
    missing = await t.owner.graphql(READS, {"id": "ast_" + uuid.uuid4().hex, "p": "prj_none"})
    for seen in (hidden, missing):
        assert seen["asset"] is None and seen["node"] is None
        assert seen["nodes"] == [None, None]
    assert {"node": {"id": asset_id}} not in hidden["assets"]["edges"]
    assert {"node": {"id": t.project_id}} not in hidden["projects"]["edges"]
    # The stranger still has its own personal project, and nothing else.
    assert hidden["projects"]["edges"] == [
        {"node": {"id": personal_project_id(t.names["STRANGER"])}}]


async def test_writes_follow_the_role_and_refusals_change_nothing(admin: Api, worker: None
                                                                  ) -> None:
    t = await team(admin)
    asset_id = await ready_in(t, t.editor)  # an EDITOR uploads into the project
    reader = await token_for(admin, t.names["EDITOR"], ["ASSETS_READ", "JOBS_WRITE"])

    refusals = {
        "VIEWER": t.viewer, "STRANGER": t.stranger, "EDITOR with ASSETS_READ only": reader}
    expected = {"VIEWER": "FORBIDDEN", "STRANGER": "NOT_FOUND",
                "EDITOR with ASSETS_READ only": "FORBIDDEN"}
    for who, api in refusals.items():
        updated = (await api.graphql(UPDATE, {"id": asset_id, "d": who}))["assetUpdate"]
        deleted = (await api.graphql(DELETE, {"id": asset_id}))["assetDelete"]
        upload = await upload_into(api, t.project_id, models.box_stl((1, 1, 1)))
        assert [e["code"] for e in updated["errors"]] == [expected[who]], who
        assert deleted == {"deletedId": None, "errors": [{"code": expected[who]}]}, who
        assert [e["code"] for e in upload["errors"]] == [expected[who]], who
        assert upload["asset"] is None
    for who, api in (("VIEWER", t.viewer), ("STRANGER", t.stranger)):
        render = (await api.graphql(RENDER, {"id": asset_id}))["renderSubmit"]
        assert render == {"job": None, "errors": [{"code": expected[who]}]}, who

    stored = (await t.owner.graphql(STORED, {"id": asset_id}))["asset"]
    listed = await t.owner.graphql("{ assets(first: 50) { totalCount } }")
    assert stored == {"id": asset_id, "description": None}
    assert listed["assets"]["totalCount"] == 1  # no refused upload made an asset

    for who, api in (("OWNER", t.owner), ("EDITOR", t.editor)):
        updated = (await api.graphql(UPDATE, {"id": asset_id, "d": who}))["assetUpdate"]
        assert updated == {"asset": {"id": asset_id, "description": who}, "errors": []}
    deleted = (await t.editor.graphql(DELETE, {"id": asset_id}))["assetDelete"]
    assert deleted == {"deletedId": asset_id, "errors": []}
    assert (await t.viewer.graphql(STORED, {"id": asset_id}))["asset"] is None


async def test_only_an_owner_manages_members_and_the_last_owner_stays(admin: Api) -> None:
    t = await team(admin)
    before = (await t.owner.graphql(PROJECT_MEMBERS, {"p": t.project_id}))["node"]

    refused = {"code": "FORBIDDEN", "field": None}
    missing = {"code": "NOT_FOUND", "field": ["projectId"]}  # as for an id of nothing
    for who, api, error in (("EDITOR", t.editor, refused), ("VIEWER", t.viewer, refused),
                            ("STRANGER", t.stranger, missing)):
        promoted = (await api.graphql(MEMBER_SET, {"p": t.project_id, "o": t.names[who],
                                                   "r": "OWNER"}))["projectMemberSet"]
        removed = (await api.graphql(MEMBER_REMOVE, {"p": t.project_id,
                                                     "o": t.names["OWNER"]}))["projectMemberRemove"]
        assert promoted == {"project": None, "errors": [error]}, who
        assert removed == {"project": None, "errors": [error]}, who
    nothing = (await t.owner.graphql(MEMBER_SET, {"p": "prj_" + uuid.uuid4().hex,
                                                  "o": t.names["VIEWER"], "r": "OWNER"}))
    assert nothing["projectMemberSet"] == {"project": None, "errors": [missing]}
    last = (await t.owner.graphql(MEMBER_REMOVE, {"p": t.project_id, "o": t.names["OWNER"]})
            )["projectMemberRemove"]
    demoted = (await t.owner.graphql(MEMBER_SET, {"p": t.project_id, "o": t.names["OWNER"],
                                                  "r": "EDITOR"}))["projectMemberSet"]
    empty = (await t.owner.graphql(MEMBER_SET, {"p": t.project_id, "o": " ", "r": "VIEWER"})
             )["projectMemberSet"]
    assert last == {"project": None, "errors": [{"code": "LAST_OWNER", "field": ["owner"]}]}
    assert demoted["errors"] == [{"code": "LAST_OWNER", "field": ["owner"]}]
    assert empty["errors"] == [{"code": "INVALID_INPUT", "field": ["owner"]}]
    assert (await t.owner.graphql(PROJECT_MEMBERS, {"p": t.project_id}))["node"] == before

    # A second OWNER may remove the first; then the first sees the project no more.
    set_owner = (await t.owner.graphql(MEMBER_SET, {"p": t.project_id, "o": t.names["EDITOR"],
                                                    "r": "OWNER"}))["projectMemberSet"]
    gone = (await t.editor.graphql(MEMBER_REMOVE, {"p": t.project_id, "o": t.names["OWNER"]})
            )["projectMemberRemove"]
    assert set_owner["errors"] == [] and gone["errors"] == []
    assert (await t.owner.graphql(PROJECT_MEMBERS, {"p": t.project_id}))["node"] is None
    assert {"owner": t.names["OWNER"], "role": "OWNER"} not in gone["project"]["members"]


async def test_subscribers_get_the_projects_events_and_a_stranger_does_not(
        admin: Api, worker: None) -> None:
    t = await team(admin)
    async with (t.owner.websocket() as owner_ws, t.viewer.websocket() as viewer_ws,
                t.stranger.websocket() as stranger_ws):
        ops = [await ws.start(ASSET_READY) for ws in (owner_ws, viewer_ws, stranger_ws)]
        uploaded = await upload_into(t.editor, t.project_id, models.box_stl((2, 1, 1)))
        asset_id = uploaded["asset"]["id"]
        for ws, op in ((owner_ws, ops[0]), (viewer_ws, ops[1])):
            events = await ws.collect(op, count=1)
            assert events[0]["assetReady"]["asset"]["id"] == asset_id
        # The stranger's first event is its own later upload: the project's was filtered out.
        own = await upload_into(t.stranger, None, models.box_stl((3, 1, 1)))
        events = await stranger_ws.collect(ops[2], count=1)
        assert events[0]["assetReady"]["asset"]["id"] == own["asset"]["id"]

    async with t.stranger.websocket() as ws:
        op = await ws.start(ASSET_READY, {"id": asset_id})
        refused = await reply_to(ws, op)
    assert [e["extensions"]["code"] for e in refused["payload"]["errors"]] == ["NOT_FOUND"]


async def reply_to(ws: Subscriptions, op: str) -> dict[str, Any]:
    async with asyncio.timeout(30):
        while True:
            message: dict[str, Any] = json.loads(await ws.ws.recv())
            if message.get("id") == op:
                return message


def legacy_asset(owner: str, name: str) -> dict[str, Any]:
    """An asset document as the release before projects stored it: no project_id (FAILED, so
    the reaper gives it no ingest job)."""
    now = datetime.now(UTC)
    return {"_id": f"ast_{ObjectId()}", "owner": owner, "name": name, "filename": f"{name}.stl",
            "status": "FAILED", "size_bytes": 0, "sha256": None, "tags": [], "metadata": {},
            "files": [], "ingest_job_id": None, "created_at": now, "updated_at": now,
            "search_terms": [name], "name_terms": [name], "name_key": name}


async def test_assets_stored_before_projects_are_read_in_the_personal_project(
        admin: Api, env: dict[str, str], database: EmbeddedDatabase, stack_dir: Any) -> None:
    api = await new_owner_api(admin)
    owner = await owner_of(api)
    stranger = await new_owner_api(admin)
    documents = [legacy_asset(owner, f"old-{n}") for n in range(3)]
    scene = {"_id": f"scn_{ObjectId()}", "owner": owner, "name": "old scene", "version": 1,
             "graph": {}, "node_count": 0, "revisions": [], "created_at": datetime.now(UTC),
             "updated_at": datetime.now(UTC)}
    with MongoClient[dict[str, Any]](database.url, tz_aware=True) as client:
        client[env["ATELIER_DATABASE_NAME"]]["assets"].insert_many(documents)
        client[env["ATELIER_DATABASE_NAME"]]["scenes"].insert_one(scene)

    process, url = start_api(env, stack_dir / f"api-upgrade-{uuid.uuid4().hex[:6]}.log")
    try:
        upgraded = Api(url, api.token)
        listed = await upgraded.graphql(
            "{ assets(first: 10) { edges { node { id project { id members { owner role } } } } }"
            " projects(first: 10) { edges { node { id } } }"
            " scenes(first: 10) { edges { node { id name } } } }")
        hidden = await Api(url, stranger.token).graphql(
            "query($id: ID!) { asset(id: $id) { id } }", {"id": documents[0]["_id"]})
    finally:
        process.stop()
    with MongoClient[dict[str, Any]](database.url, tz_aware=True) as client:
        stored = list(client[env["ATELIER_DATABASE_NAME"]]["assets"].find(
            {"_id": {"$in": [d["_id"] for d in documents]}}))

    personal = personal_project_id(owner)
    assert sorted(e["node"]["id"] for e in listed["assets"]["edges"]) == sorted(
        d["_id"] for d in documents)
    assert {e["node"]["project"]["id"] for e in listed["assets"]["edges"]} == {personal}
    assert listed["assets"]["edges"][0]["node"]["project"]["members"] == [
        {"owner": owner, "role": "OWNER"}]
    assert listed["projects"]["edges"] == [{"node": {"id": personal}}]
    assert {d["project_id"] for d in stored} == {personal}  # migrated, not only read so
    assert hidden == {"asset": None}
    assert listed["scenes"]["edges"] == [{"node": {"id": scene["_id"], "name": "old scene"}}]


async def test_a_scene_made_from_a_project_asset_follows_the_same_roles(
        admin: Api, worker: None) -> None:
    t = await team(admin)
    asset_id = await ready_in(t, t.owner)
    made = (await t.editor.graphql(SCENE_FROM, {"id": asset_id}))["sceneCreateFromAsset"]
    # A VIEWER's copy goes to its own personal project: it writes nowhere else.
    own = (await t.viewer.graphql(SCENE_FROM, {"id": asset_id}))["sceneCreateFromAsset"]
    assert made["errors"] == [] and own["errors"] == []
    scene_id = made["scene"]["id"]

    for role, api in t.members():
        seen = await api.graphql(SCENE_READS, {"id": scene_id})
        assert seen["scene"]["id"] == scene_id and seen["node"] == {"id": scene_id}, role
        assert {"node": {"id": scene_id}} in seen["scenes"]["edges"], role
    hidden = await t.stranger.graphql(SCENE_READS, {"id": scene_id})
    assert hidden == {"scene": None, "scenes": {"edges": []}, "node": None}
    others = await t.owner.graphql(SCENE_READS, {"id": own["scene"]["id"]})
    assert others["scene"] is None  # the viewer's own copy is in no project of the owner

    for who, api, code in (("VIEWER", t.viewer, "FORBIDDEN"),
                           ("STRANGER", t.stranger, "NOT_FOUND")):
        renamed = (await api.graphql(SCENE_RENAME, {"id": scene_id, "name": who}))["sceneUpdate"]
        deleted = (await api.graphql(SCENE_DELETE, {"id": scene_id}))["sceneDelete"]
        rendered = (await api.graphql(
            "mutation($id: ID!) { renderSubmit(input: {sceneId: $id}) { errors { code } } }",
            {"id": scene_id}))["renderSubmit"]
        assert renamed == {"scene": None, "errors": [{"code": code}]}, who
        assert deleted == {"deletedId": None, "errors": [{"code": code}]}, who
        assert rendered == {"errors": [{"code": code}]}, who
    unchanged = (await t.owner.graphql(SCENE_READS, {"id": scene_id}))["scene"]
    assert unchanged["version"] == 1 and unchanged["name"] != "VIEWER"

    renamed = (await t.owner.graphql(SCENE_RENAME, {"id": scene_id, "name": "kept"}))
    assert renamed["sceneUpdate"] == {"scene": {"name": "kept", "version": 2}, "errors": []}
    deleted = (await t.editor.graphql(SCENE_DELETE, {"id": scene_id}))["sceneDelete"]
    assert deleted == {"deletedId": scene_id, "errors": []}


async def test_each_new_websocket_operation_reads_the_memberships_afresh(
        admin: Api, worker: None) -> None:
    t = await team(admin)
    asset_id = await ready_in(t, t.owner)
    async with t.viewer.websocket() as ws:
        first = await ws.start(ASSET_READY, {"id": asset_id})
        events = await ws.collect(first)  # READY already: its outcome, then the end
        removed = (await t.owner.graphql(MEMBER_REMOVE, {"p": t.project_id,
                                                         "o": t.names["VIEWER"]}))
        assert removed["projectMemberRemove"]["errors"] == []
        second = await ws.start(ASSET_READY, {"id": asset_id})
        refused = await reply_to(ws, second)
    assert events[0]["assetReady"]["asset"]["id"] == asset_id
    assert [e["extensions"]["code"] for e in refused["payload"]["errors"]] == ["NOT_FOUND"]
