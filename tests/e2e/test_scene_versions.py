"""Scenes referencing an asset's versions on the real stack: one node following the asset as
latest and one pinned to version 1; uploading version 2 sends sceneChanged an
ASSET_VERSION_CHANGED change for the latest node only, which then draws version 2 (its bounds
those of the new box) while the pinned one still draws version 1. Pins the asset lacks, a
FAILED version and another owner's asset answer precise codes."""

from __future__ import annotations

import pytest

from tests.conftest import new_owner_api
from tests.e2e.test_ingest import upload_and_wait
from tests.e2e.test_scenes import CHANGED, create, update
from tests.e2e.test_versions import job_finished, upload_version
from tests.support import models
from tests.support.client import Api

pytestmark = pytest.mark.slow

MESHES = """query($id: ID!) { scene(id: $id) { version bounds { min max }
  nodes(first: 10) { edges { node { localId mesh { assetVersion drawnVersion asset { id } } } } }
} }"""


async def meshes(api: Api, scene_id: str) -> dict:
    scene = (await api.graphql(MESHES, {"id": scene_id}))["scene"]
    return {"version": scene["version"], "bounds": scene["bounds"],
            **{edge["node"]["localId"]: (edge["node"]["mesh"]["assetVersion"],
                                         edge["node"]["mesh"]["drawnVersion"])
               for edge in scene["nodes"]["edges"]}}


async def test_a_new_version_moves_latest_references_and_leaves_pinned_ones(api: Api) -> None:
    asset = await upload_and_wait(api, models.box_stl((1.0, 1.0, 1.0)), "box.stl")
    scene_id = await create(
        api, {"addNode": {"id": "latest", "mesh": {"assetId": asset["id"]}}},
        {"addNode": {"id": "pinned", "translation": [10, 0, 0],
                     "mesh": {"assetId": asset["id"], "assetVersion": 1}}})
    before = await meshes(api, scene_id)
    assert (before["latest"], before["pinned"]) == ((None, 1), (1, 1))
    assert before["bounds"] == {"min": [-0.5, -0.5, -0.5], "max": [10.5, 0.5, 0.5]}

    async with api.websocket() as subscriptions:
        op = await subscriptions.start(CHANGED, {"id": scene_id, "after": before["version"]})
        added = await upload_version(api, asset["id"], models.box_stl((4.0, 4.0, 4.0)),
                                     "bigger.stl")
        assert await job_finished(api, added["job"]["id"]) == "SUCCEEDED"
        events = await subscriptions.collect(op, count=1, within=60)

    changed = events[0]["sceneChanged"]
    assert changed["version"] == before["version"] + 1
    kinds = {change["kind"] for change in changed["changes"]}
    targets = {change["targetId"] for change in changed["changes"]}
    assert kinds == {"ASSET_VERSION_CHANGED"}
    assert "latest" in targets and "pinned" not in targets
    after = await meshes(api, scene_id)
    assert (after["latest"], after["pinned"]) == ((None, 2), (1, 1))
    assert after["bounds"] == {"min": [-2.0, -2.0, -2.0], "max": [10.5, 2.0, 2.0]}


async def test_pins_are_checked(api: Api, admin: Api) -> None:
    asset = await upload_and_wait(api, models.box_stl(), "box.stl")
    failed = await upload_version(api, asset["id"], b"solid nothing here", "broken.stl")
    await job_finished(api, failed["job"]["id"])  # version 2 ends FAILED
    scene_id = await create(api)

    async def code_of(who: Api, scene: str, number: int) -> tuple[str, list[str]]:
        payload = await update(who, scene, {"addNode": {
            "mesh": {"assetId": asset["id"], "assetVersion": number}}})
        error = payload["errors"][0]
        return error["code"], error["field"]

    field = ["input", "operations", "0", "addNode", "mesh", "assetVersion"]
    assert await code_of(api, scene_id, 9) == ("NOT_FOUND", field)
    assert await code_of(api, scene_id, 2) == ("INVALID_STATE", field)
    other = await new_owner_api(admin)
    assert (await code_of(other, await create(other), 1))[0] == "NOT_FOUND"
