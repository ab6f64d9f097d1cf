"""The `trash` query over HTTP on the real stack: the viewer's deleted assets and scenes, newest
deleted first, until restored; never another owner's; each kind needs its read scope, and a
request without a valid token executes nothing."""

from __future__ import annotations

from datetime import datetime, timedelta

from tests.conftest import new_owner_api
from tests.e2e.test_security_authz import error_codes_at, token_for
from tests.e2e.test_trash import DELETE, RESTORE, SCENE_CREATE, SCENE_DELETE
from tests.support import models
from tests.support.client import Api

TRASH = """query($first: Int, $after: String) {
  trash(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { __typename id kind name deletedAt purgeAt } }
  }
}"""
RETENTION = timedelta(days=7)  # ATELIER_TRASH_RETENTION_DAYS's default


async def owner_of(api: Api) -> str:
    return str((await api.graphql("{ viewer { owner } }"))["viewer"]["owner"])


async def trashed_asset_and_scene(api: Api) -> tuple[str, str]:
    uploaded = await api.upload(models.box_stl(), "box.stl", name="trashed box")
    asset_id = uploaded["asset"]["id"]
    scene = (await api.graphql(SCENE_CREATE, {"input": {"name": "trashed scene"}}))
    scene_id = scene["sceneCreate"]["scene"]["id"]
    assert (await api.graphql(DELETE, {"id": asset_id}))["assetDelete"]["errors"] == []
    assert (await api.graphql(SCENE_DELETE, {"id": scene_id}))["sceneDelete"]["errors"] == []
    return asset_id, scene_id


async def test_the_trash_lists_deleted_items_newest_first_until_restored(api: Api) -> None:
    asset_id, scene_id = await trashed_asset_and_scene(api)

    trash = (await api.graphql(TRASH))["trash"]
    nodes = [edge["node"] for edge in trash["edges"]]

    assert [(n["__typename"], n["kind"], n["id"], n["name"]) for n in nodes] == [
        ("TrashedScene", "SCENE", scene_id, "trashed scene"),
        ("TrashedAsset", "ASSET", asset_id, "trashed box")]
    assert trash["totalCount"] == 2 and not trash["pageInfo"]["hasNextPage"]
    for node in nodes:
        deleted = datetime.fromisoformat(node["deletedAt"])
        assert datetime.fromisoformat(node["purgeAt"]) - deleted == RETENTION

    first = (await api.graphql(TRASH, {"first": 1}))["trash"]
    rest = (await api.graphql(TRASH, {"first": 1, "after": first["pageInfo"]["endCursor"]}))
    assert [e["node"]["id"] for e in first["edges"] + rest["trash"]["edges"]] == [
        scene_id, asset_id]

    assert (await api.graphql(RESTORE, {"id": asset_id}))["assetRestore"]["errors"] == []
    after_restore = (await api.graphql(TRASH))["trash"]["edges"]
    assert [edge["node"]["id"] for edge in after_restore] == [scene_id]


async def test_another_owners_trash_is_never_visible(admin: Api, api: Api) -> None:
    await trashed_asset_and_scene(api)
    stranger = await new_owner_api(admin)

    assert (await stranger.graphql(TRASH))["trash"] == {
        "totalCount": 0, "pageInfo": {"hasNextPage": False, "endCursor": None}, "edges": []}


async def test_each_kind_needs_its_read_scope(admin: Api, api: Api) -> None:
    asset_id, scene_id = await trashed_asset_and_scene(api)
    owner = await owner_of(api)
    assets_reader = await token_for(admin, owner, ["ASSETS_READ"])
    scenes_reader = await token_for(admin, owner, ["SCENES_READ"])
    jobs_reader = await token_for(admin, owner, ["JOBS_READ"])

    assets = (await assets_reader.graphql(TRASH))["trash"]["edges"]
    scenes = (await scenes_reader.graphql(TRASH))["trash"]["edges"]
    refused = (await jobs_reader.post(TRASH)).json()

    assert [edge["node"]["id"] for edge in assets] == [asset_id]
    assert [edge["node"]["id"] for edge in scenes] == [scene_id]
    assert refused["data"] is None
    assert error_codes_at(refused) == {("trash",): "FORBIDDEN"}


async def test_without_a_valid_token_the_trash_is_401(api_url: str) -> None:
    for token in (None, "atl_not-a-real-token"):
        response = await Api(api_url, token).post(TRASH)

        assert response.status_code == 401
        assert response.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
