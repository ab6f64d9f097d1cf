"""assetDelete, assetRestore, sceneDelete and sceneRestore over HTTP on the real stack: a trashed
asset or scene is gone from every read (lists, by id, Relay nodes, files' URLs, scenes drawing
from it) until restored whole; restoring answers NOT_FOUND to other owners and needs the
write scope."""

from __future__ import annotations

import uuid

from tests.conftest import new_owner_api
from tests.e2e.test_ingest import upload_and_wait
from tests.e2e.test_security_authz import token_for
from tests.support import models
from tests.support.client import Api

READS = """query($id: ID!) {
  assets(first: 50) { totalCount edges { node { id } } }
  asset(id: $id) { id files { role url } }
  node(id: $id) { id }
  nodes(ids: [$id]) { id }
}"""
DELETE = "mutation($id: ID!) { assetDelete(id: $id) { deletedId errors { code } } }"
RESTORE = """mutation($id: ID!) {
  assetRestore(id: $id) { asset { id status files { role url } } errors { code field } } }"""
SCENE_READS = """query($id: ID!) {
  scenes(first: 50) { edges { node { id } } } scene(id: $id) { id version } node(id: $id) { id }
}"""
SCENE_CREATE = """mutation($input: SceneCreateInput!) {
  sceneCreate(input: $input) { scene { id version } errors { code } } }"""
SCENE_MESH = """query($id: ID!) { scene(id: $id) { rootNodes { mesh { asset { id } } } } }"""
SCENE_DELETE = "mutation($id: ID!) { sceneDelete(id: $id) { deletedId errors { code } } }"
SCENE_RESTORE = """mutation($id: ID!) {
  sceneRestore(id: $id) { scene { id version nodeCount } errors { code } } }"""


def glb_url(asset: dict) -> str:
    return next(f["url"] for f in asset["files"] if f["role"] == "GLB")


async def test_a_deleted_asset_is_gone_from_every_read_until_restored_with_its_files(
        api: Api) -> None:
    ready = await upload_and_wait(api, models.box_stl(), "box.stl")
    glb = (await api.download(glb_url(ready))).content
    scene = (await api.graphql(SCENE_CREATE, {"input": {"name": "uses it", "operations": [
        {"addNode": {"id": "n", "mesh": {"assetId": ready["id"]}}}]}}))["sceneCreate"]["scene"]

    deleted = (await api.graphql(DELETE, {"id": ready["id"]}))["assetDelete"]
    hidden = await api.graphql(READS, {"id": ready["id"]})
    mesh = (await api.post(SCENE_MESH, {"id": scene["id"]})).json()
    again = (await api.graphql(DELETE, {"id": ready["id"]}))["assetDelete"]

    assert deleted == {"deletedId": ready["id"], "errors": []}
    assert hidden == {"assets": {"totalCount": 0, "edges": []}, "asset": None, "node": None,
                      "nodes": [None]}
    assert mesh["data"]["scene"]["rootNodes"] == [{"mesh": {"asset": None}}]
    assert again == {"deletedId": None, "errors": [{"code": "NOT_FOUND"}]}

    restored = (await api.graphql(RESTORE, {"id": ready["id"]}))["assetRestore"]
    shown = await api.graphql(READS, {"id": ready["id"]})

    assert restored["errors"] == [] and restored["asset"]["status"] == "READY"
    assert shown["assets"]["edges"] == [{"node": {"id": ready["id"]}}]
    assert shown["node"] == {"id": ready["id"]} and shown["nodes"] == [{"id": ready["id"]}]
    assert (await api.download(glb_url(shown["asset"]))).content == glb
    assert [f["role"] for f in shown["asset"]["files"]] == [f["role"] for f in ready["files"]]


async def test_restoring_answers_not_found_to_strangers_and_needs_the_write_scope(
        admin: Api, api: Api) -> None:
    ready = await upload_and_wait(api, models.box_stl((1, 1, 2)), "box.stl")
    assert (await api.graphql(DELETE, {"id": ready["id"]}))["assetDelete"]["errors"] == []
    owner = (await api.graphql("{ viewer { owner } }"))["viewer"]["owner"]
    stranger = await new_owner_api(admin)
    reader = await token_for(admin, owner, ["ASSETS_READ"])

    refused = [(await who.graphql(RESTORE, {"id": asset_id}))["assetRestore"]
               for who, asset_id in ((stranger, ready["id"]), (reader, ready["id"]),
                                     (api, "ast_" + uuid.uuid4().hex))]

    assert [payload["errors"] for payload in refused] == [
        [{"code": "NOT_FOUND", "field": ["id"]}], [{"code": "FORBIDDEN", "field": None}],
        [{"code": "NOT_FOUND", "field": ["id"]}]]
    assert all(payload["asset"] is None for payload in refused)
    assert (await api.graphql(RESTORE, {"id": ready["id"]}))["assetRestore"]["errors"] == []


async def test_a_deleted_scene_is_gone_until_restored_as_it_was(admin: Api, api: Api) -> None:
    created = (await api.graphql(SCENE_CREATE, {"input": {"name": "s", "operations": [
        {"addNode": {"id": "a"}}]}}))["sceneCreate"]["scene"]
    stranger = await new_owner_api(admin)

    deleted = (await api.graphql(SCENE_DELETE, {"id": created["id"]}))["sceneDelete"]
    hidden = await api.graphql(SCENE_READS, {"id": created["id"]})
    by_stranger = (await stranger.graphql(SCENE_RESTORE, {"id": created["id"]}))["sceneRestore"]
    restored = (await api.graphql(SCENE_RESTORE, {"id": created["id"]}))["sceneRestore"]

    assert deleted == {"deletedId": created["id"], "errors": []}
    assert hidden == {"scenes": {"edges": []}, "scene": None, "node": None}
    assert by_stranger == {"scene": None, "errors": [{"code": "NOT_FOUND"}]}
    assert restored == {"scene": {"id": created["id"], "version": 1, "nodeCount": 1},
                        "errors": []}
    assert (await api.graphql(SCENE_READS, {"id": created["id"]}))["scene"] == created
