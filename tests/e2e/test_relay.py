"""Relay conventions on the real server: node(id:) and nodes(ids:) fetch every Node type by its
global id within the owner's sight and the token's scopes, and every connection pages
backwards (last/before) as well as forwards, with the same items and truthful pageInfo."""

from __future__ import annotations

import uuid

import pytest

from tests.conftest import OWNER_SCOPES, TOKEN_CREATE, new_owner_api
from tests.support import models
from tests.support.client import Api

NODE = """query($id: ID!) { node(id: $id) { __typename id } }"""
NODES = """query($ids: [ID!]!) { nodes(ids: $ids) {
  __typename id
  ... on Asset { name }
  ... on Job { kind }
  ... on Scene { name }
  ... on SceneNode { localId name }
  ... on ApiToken { owner }
} }"""
SCENE_CREATE = """mutation($input: SceneCreateInput!) {
  sceneCreate(input: $input) { scene { id rootNodes { id localId } } errors { code } } }"""
SCENE_UPDATE = """mutation($id: ID!, $input: SceneUpdateInput!) {
  sceneUpdate(id: $id, input: $input) { scene { version } errors { code field } } }"""
SCENE_NODE = """query($id: ID!, $node: ID!) {
  scene(id: $id) { version node(id: $node) { id localId name } } }"""
PAGE_INFO = "pageInfo { hasPreviousPage hasNextPage startCursor endCursor }"
SCENES_PAGE = f"""query($first: Int, $after: String, $last: Int, $before: String) {{
  scenes(first: $first, after: $after, last: $last, before: $before) {{
    totalCount edges {{ cursor node {{ id }} }} {PAGE_INFO} }} }}"""
ASSETS_PAGE = f"""query($first: Int, $after: String, $last: Int, $before: String) {{
  assets(first: $first, after: $after, last: $last, before: $before) {{
    totalCount edges {{ cursor node {{ id }} }} {PAGE_INFO} }} }}"""
SCENE_NODES_PAGE = f"""query($id: ID!, $first: Int, $after: String, $last: Int,
                             $before: String) {{
  scene(id: $id) {{ nodes(first: $first, after: $after, last: $last, before: $before) {{
    edges {{ node {{ localId }} }} {PAGE_INFO} }} }} }}"""


async def new_scene(api: Api, name: str, *node_ids: str) -> dict:
    operations = [{"addNode": {"id": node_id, "name": f"node {node_id}"}}
                  for node_id in node_ids]
    data = await api.graphql(SCENE_CREATE, {"input": {"name": name, "operations": operations}})
    assert data["sceneCreate"]["errors"] == []
    return data["sceneCreate"]["scene"]


def codes(body: dict) -> dict[tuple[str | int, ...], str]:
    return {tuple(e["path"]): e["extensions"]["code"] for e in body.get("errors", [])}


async def test_nodes_fetches_every_type_by_its_global_id_in_order(api: Api) -> None:
    uploaded = await api.upload(models.box_stl(), "box.stl", name="box")
    scene = await new_scene(api, "relay", "a", "b")
    scene_node = scene["rootNodes"][1]
    ids = [scene_node["id"], uploaded["job"]["id"], scene["id"], uploaded["asset"]["id"]]

    data = await api.graphql(NODES, {"ids": ids})

    assert data["nodes"] == [
        {"__typename": "SceneNode", "id": scene_node["id"], "localId": "b", "name": "node b"},
        {"__typename": "Job", "id": uploaded["job"]["id"], "kind": "INGEST"},
        {"__typename": "Scene", "id": scene["id"], "name": "relay"},
        {"__typename": "Asset", "id": uploaded["asset"]["id"], "name": "box"},
    ]
    assert scene_node == {"id": f"{scene['id']}/b", "localId": "b"}


async def test_an_admin_fetches_a_token_and_nobody_else_does(admin: Api) -> None:
    owner = await new_owner_api(admin)
    created = await admin.graphql("""mutation($input: ApiTokenCreateInput!) {
      apiTokenCreate(input: $input) { token { id owner } errors { code } } }""",
                                  {"input": {"owner": "relay-owner", "scopes": ["JOBS_READ"]}})
    token = created["apiTokenCreate"]["token"]

    as_admin = await admin.graphql(NODES, {"ids": [token["id"]]})
    as_owner = (await owner.post(NODE, {"id": token["id"]})).json()

    assert as_admin["nodes"] == [{"__typename": "ApiToken", "id": token["id"],
                                  "owner": "relay-owner"}]
    assert as_owner == {"data": {"node": None}}


async def test_another_owners_ids_are_null_exactly_like_ids_of_nothing(api: Api,
                                                                      admin: Api) -> None:
    uploaded = await api.upload(models.box_stl(), "box.stl")
    scene = await new_scene(api, "private", "secret")
    theirs = [uploaded["asset"]["id"], uploaded["job"]["id"], scene["id"],
              scene["rootNodes"][0]["id"]]
    nothing = ["ast_000000000000000000000000", "job_000000000000000000000000",
               "scn_000000000000000000000000", "scn_000000000000000000000000/secret"]
    attacker = await new_owner_api(admin)

    stolen = (await attacker.post(NODES, {"ids": theirs})).json()
    missing = (await attacker.post(NODES, {"ids": nothing})).json()
    one = (await attacker.post(NODE, {"id": scene["id"]})).json()

    assert stolen == missing == {"data": {"nodes": [None] * 4}}
    assert one == {"data": {"node": None}}
    # Still there for its owner.
    assert [n["id"] for n in (await api.graphql(NODES, {"ids": theirs}))["nodes"]] == theirs


@pytest.mark.parametrize("garbage", [
    "", "ast_", "_", "nonsense", "scn_/n1", "/n1", "scn_1/", "ast_zz/a/b", "tok_" + "x" * 5000,
    "jöb_ünïcode", "whk_{\"$gt\": \"\"}", "scn_000000000000000000000000/../x",
])
async def test_malformed_ids_are_null_never_an_error(admin: Api, garbage: str) -> None:
    owner = await new_owner_api(admin)

    body = (await owner.post(NODES, {"ids": [garbage]})).json()
    single = (await owner.post(NODE, {"id": garbage})).json()

    assert body == {"data": {"nodes": [None]}}
    assert single == {"data": {"node": None}}


async def tokens_of_one_owner(admin: Api, *scopes: list[str]) -> list[Api]:
    owner = "owner-" + uuid.uuid4().hex[:10]
    made = []
    for granted in scopes:
        data = await admin.graphql(TOKEN_CREATE, {"input": {"owner": owner, "scopes": granted}})
        made.append(admin.with_token(data["apiTokenCreate"]["secret"]))
    return made


async def test_a_token_without_the_types_read_scope_gets_null_and_forbidden(
        admin: Api, worker: None) -> None:
    full, jobs_reader = await tokens_of_one_owner(admin, OWNER_SCOPES, ["JOBS_READ"])
    uploaded = await full.upload(models.box_stl(), "box.stl")
    ids = [uploaded["asset"]["id"], uploaded["job"]["id"]]

    body = (await jobs_reader.post(NODES, {"ids": ids})).json()
    single = (await jobs_reader.post(NODE, {"id": ids[0]})).json()

    assert body["data"]["nodes"][0] is None
    assert body["data"]["nodes"][1] == {"__typename": "Job", "id": ids[1], "kind": "INGEST"}
    assert codes(body) == {("nodes", 0): "FORBIDDEN"}
    assert single["data"] == {"node": None} and codes(single) == {("node",): "FORBIDDEN"}


async def test_nodes_refuses_more_ids_than_a_page(admin: Api) -> None:
    owner = await new_owner_api(admin)

    body = (await owner.post(NODES, {"ids": ["ast_x"] * 101})).json()

    assert body["data"] is None and codes(body) == {("nodes",): "INVALID_INPUT"}


async def test_scene_operations_and_node_take_a_nodes_global_id(admin: Api) -> None:
    owner = await new_owner_api(admin)
    scene = await new_scene(owner, "edit", "a")
    other = await new_scene(owner, "other", "a")
    global_id = scene["rootNodes"][0]["id"]

    renamed = await owner.graphql(SCENE_UPDATE, {"id": scene["id"], "input": {"operations": [
        {"renameNode": {"nodeId": global_id, "name": "renamed"}}]}})
    crossed = await owner.graphql(SCENE_UPDATE, {"id": other["id"], "input": {"operations": [
        {"renameNode": {"nodeId": global_id, "name": "stolen"}}]}})

    assert renamed["sceneUpdate"] == {"scene": {"version": 2}, "errors": []}
    assert crossed["sceneUpdate"]["scene"] is None
    assert [e["code"] for e in crossed["sceneUpdate"]["errors"]] in (["INVALID_INPUT"],
                                                                    ["NOT_FOUND"])
    by_global = await owner.graphql(SCENE_NODE, {"id": scene["id"], "node": global_id})
    untouched = await owner.graphql(SCENE_NODE, {"id": other["id"], "node": "a"})
    assert by_global["scene"] == {"version": 2, "node": {"id": global_id, "localId": "a",
                                                         "name": "renamed"}}
    assert untouched["scene"] == {"version": 1, "node": {
        "id": other["rootNodes"][0]["id"], "localId": "a", "name": "node a"}}


async def pages(api: Api, query: str, variables: dict, path: str, *, size: int,
                backward: bool) -> tuple[list[str], list[dict]]:
    """Every item of a connection, walked a page at a time forwards or backwards, in list
    order; and each page's pageInfo, in the order walked."""
    items: list[str] = []
    infos: list[dict] = []
    cursor: str | None = None
    while True:
        paging = ({"last": size, "before": cursor} if backward
                  else {"first": size, "after": cursor})
        data = await api.graphql(query, {**variables, **paging})
        for key in path.split("."):
            data = data[key]
        page = [edge["node"].get("id") or edge["node"].get("localId") for edge in data["edges"]]
        items = page + items if backward else items + page
        infos.append(data["pageInfo"])
        more = data["pageInfo"]["hasPreviousPage" if backward else "hasNextPage"]
        if not more:
            return items, infos
        cursor = data["pageInfo"]["startCursor" if backward else "endCursor"]


async def test_scenes_page_forwards_and_backwards_to_the_same_items(admin: Api) -> None:
    owner = await new_owner_api(admin)
    made = [(await new_scene(owner, f"s{i}"))["id"] for i in range(7)]

    forwards, forward_infos = await pages(owner, SCENES_PAGE, {}, "scenes", size=3,
                                          backward=False)
    backwards, backward_infos = await pages(owner, SCENES_PAGE, {}, "scenes", size=3,
                                            backward=True)

    assert forwards == backwards == list(reversed(made))
    assert [(i["hasPreviousPage"], i["hasNextPage"]) for i in forward_infos] == [
        (False, True), (True, True), (True, False)]
    # Walked from the end: the oldest 3 first (1 left at the start at the end).
    assert [(i["hasPreviousPage"], i["hasNextPage"]) for i in backward_infos] == [
        (True, False), (True, True), (False, True)]


async def pending_asset(api: Api, name: str) -> str:
    data = await api.graphql("""mutation($input: AssetUploadCreateInput!) {
      assetUploadCreate(input: $input) { asset { id } errors { code } } }""",
                             {"input": {"filename": f"{name}.stl", "sizeBytes": 84,
                                        "name": name}})
    assert data["assetUploadCreate"]["errors"] == []
    return data["assetUploadCreate"]["asset"]["id"]


async def test_cursors_stay_valid_as_items_come_and_go(admin: Api) -> None:
    owner = await new_owner_api(admin)
    made = [await pending_asset(owner, f"a{i}") for i in range(5)]  # newest last
    first = (await owner.graphql(ASSETS_PAGE, {"first": 3}))["assets"]
    held = first["edges"][2]  # made[2]

    await pending_asset(owner, "newer")
    for gone in (made[2], made[1]):  # the held cursor's own item, and the one after it
        deleted = await owner.graphql("mutation($id: ID!) { assetDelete(id: $id) "
                                      "{ errors { code } } }", {"id": gone})
        assert deleted["assetDelete"]["errors"] == []
    after = (await owner.graphql(ASSETS_PAGE, {"first": 2, "after": held["cursor"]}))["assets"]
    before = (await owner.graphql(ASSETS_PAGE, {"last": 2, "before": held["cursor"]}))["assets"]

    assert [e["node"]["id"] for e in after["edges"]] == [made[0]]
    assert (after["pageInfo"]["hasPreviousPage"], after["pageInfo"]["hasNextPage"]) == (
        True, False)
    assert [e["node"]["id"] for e in before["edges"]] == [made[4], made[3]]
    assert (before["pageInfo"]["hasPreviousPage"], before["pageInfo"]["hasNextPage"]) == (
        True, True)
    assert before["totalCount"] == 4


async def test_scene_nodes_page_backwards_in_scene_order(admin: Api) -> None:
    owner = await new_owner_api(admin)
    scene = await new_scene(owner, "many", *(f"n{i}" for i in range(8)))
    variables = {"id": scene["id"]}

    forwards, _ = await pages(owner, SCENE_NODES_PAGE, variables, "scene.nodes", size=3,
                              backward=False)
    backwards, infos = await pages(owner, SCENE_NODES_PAGE, variables, "scene.nodes", size=3,
                                   backward=True)
    tail = (await owner.graphql(SCENE_NODES_PAGE, {**variables, "last": 2}))["scene"]["nodes"]

    assert forwards == backwards == [f"n{i}" for i in range(8)]
    assert [(i["hasPreviousPage"], i["hasNextPage"]) for i in infos] == [
        (True, False), (True, True), (False, True)]
    assert [e["node"]["localId"] for e in tail["edges"]] == ["n6", "n7"]


@pytest.mark.parametrize(("paging", "message"), [
    ({"first": 1, "last": 1}, "give first or last, not both"),
    ({"last": 101}, "last must be between 0 and 100"),
    ({"last": -1}, "last must be between 0 and 100"),
    ({"last": 1, "before": "%%%"}, "the cursor is not valid"),
])
async def test_backward_paging_arguments_are_checked(admin: Api, paging: dict,
                                                     message: str) -> None:
    owner = await new_owner_api(admin)
    await new_scene(owner, "one")

    body = (await owner.post(SCENES_PAGE, paging)).json()

    assert body["data"] is None
    assert [(e["message"], e["extensions"]["code"]) for e in body["errors"]] == [
        (message, "INVALID_INPUT")]


@pytest.mark.parametrize("paging", [{"first": 0}, {"last": 0}])
async def test_an_empty_page_has_no_cursors(admin: Api, paging: dict) -> None:
    owner = await new_owner_api(admin)
    await new_scene(owner, "one")

    scenes = (await owner.graphql(SCENES_PAGE, paging))["scenes"]

    assert scenes["edges"] == [] and scenes["totalCount"] == 1
    assert scenes["pageInfo"]["startCursor"] is None
    assert scenes["pageInfo"]["endCursor"] is None


async def test_assets_and_jobs_page_backwards_too(api: Api) -> None:
    uploads = [await api.upload(models.box_stl((1.0, 1.0, i + 1.0)), f"box{i}.stl")
               for i in range(3)]
    assets = await api.graphql(f"{{ assets(last: 2) {{ edges {{ node {{ id }} }} {PAGE_INFO} }}"
                               f" jobs(last: 1) {{ edges {{ node {{ id }} }} {PAGE_INFO} }} }}")

    assert [e["node"]["id"] for e in assets["assets"]["edges"]] == [
        uploads[1]["asset"]["id"], uploads[0]["asset"]["id"]]
    assert assets["assets"]["pageInfo"]["hasPreviousPage"] is True
    assert [e["node"]["id"] for e in assets["jobs"]["edges"]] == [uploads[0]["job"]["id"]]
