"""sceneDelete and sceneRestore over HTTP on the real stack: a trashed scene is gone from every
read (lists, by id, Relay nodes) until restored whole; restoring answers NOT_FOUND to other
owners."""

from __future__ import annotations

from tests.conftest import new_owner_api
from tests.support.client import Api

SCENE_READS = """query($id: ID!) {
  scenes(first: 50) { edges { node { id } } } scene(id: $id) { id version } node(id: $id) { id }
}"""
SCENE_CREATE = """mutation($input: SceneCreateInput!) {
  sceneCreate(input: $input) { scene { id version } errors { code } } }"""
SCENE_DELETE = "mutation($id: ID!) { sceneDelete(id: $id) { deletedId errors { code } } }"
SCENE_RESTORE = """mutation($id: ID!) {
  sceneRestore(id: $id) { scene { id version nodeCount } errors { code } } }"""


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
