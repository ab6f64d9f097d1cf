"""The scene editor's undo and redo, in Debian's Chromium against the real stack: the API keeps
no earlier states to restore, so the page sends the inverse of its own last edit (and redo the
edit again) as one more version with expectedVersion; Ctrl+Z and Ctrl+Shift+Z step back and
forth from the editor but leave a text field's own undo alone; a redo refused with CONFLICT is
shown and, reapplied, stays a redo. Screenshots land in the test's tmp dir, and in
$ATELIER_TEST_ARTIFACTS when it is set."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.async_api import BrowserContext, Route, expect

from tests.e2e.test_demo_workbench import editable_scene, open_scene_editor
from tests.e2e.test_ingest import upload_and_wait
from tests.geometry.test_scene_sources import hierarchy_glb
from tests.support.browser import NEEDS_BROWSER, screenshot, serious_violations, signed_in
from tests.support.client import Api

pytestmark = NEEDS_BROWSER

SCENE = """query($id: ID!) { scene(id: $id) { version
  nodes(first: 50) { edges { node { id name parent { id } light { type } } } } } }"""
RENAME = """mutation($id: ID!, $input: SceneUpdateInput!, $expected: Int) {
  sceneUpdate(id: $id, input: $input, expectedVersion: $expected) {
    scene { version } errors { code } } }"""


async def state(api: Api, scene_id: str) -> tuple[int, set[tuple]]:
    """The scene's version and its nodes (id, name, parent, light) as the API reads them."""
    scene = (await api.graphql(SCENE, {"id": scene_id}))["scene"]
    nodes = {(node["id"], node["name"], (node["parent"] or {}).get("id"),
              (node["light"] or {}).get("type"))
             for node in (edge["node"] for edge in scene["nodes"]["edges"])}
    return scene["version"], nodes


async def test_undo_and_redo_step_through_versions_from_the_keyboard_and_survive_a_conflict(
        context: BrowserContext, api: Api, tmp_path: Path) -> None:
    await upload_and_wait(api, hierarchy_glb(), "workshop.glb")
    page, problems = await signed_in(context, api)
    await open_scene_editor(page, "workshop")
    scene_id = await editable_scene(page)
    version = page.locator(".badge-version")
    tree = page.get_by_role("tree", name="Scene nodes")
    _, original = await state(api, scene_id)

    # Given two edits made here: a rename (v2) and a new light (v3)
    await tree.get_by_role("treeitem", name=re.compile("^arm")).click()
    await page.get_by_label("Node name").fill("renamed")
    await page.get_by_role("button", name="Rename", exact=True).click()
    await expect(version).to_have_text("v2")
    _, renamed = await state(api, scene_id)
    await page.get_by_role("button", name="Add light").click()
    await expect(version).to_have_text("v3")

    # Ctrl+Z from the tree twice: each a new version, whose state is the one before the edit
    await tree.get_by_role("treeitem", name=re.compile("^renamed")).click()
    await page.keyboard.press("Control+z")
    await expect(version).to_have_text("v4")
    assert await state(api, scene_id) == (4, renamed)
    await page.keyboard.press("Control+z")
    await expect(version).to_have_text("v5")
    assert await state(api, scene_id) == (5, original)
    await page.keyboard.press("Control+Shift+z")
    await expect(version).to_have_text("v6")
    assert await state(api, scene_id) == (6, renamed)

    # In a text field Ctrl+Z is the field's own: no version is made (the Undo button then
    # makes exactly the next one)
    name_field = page.get_by_label("Node name")
    await name_field.fill("typed")
    await name_field.press("Control+z")
    await page.get_by_role("button", name="Undo").click()
    await expect(version).to_have_text("v7")
    assert await state(api, scene_id) == (7, original)

    # Another writer's version lands between this tab's read and its redo: CONFLICT
    arm_id = next(node[0] for node in original if node[1] == "arm")
    lamp_id = next(node[0] for node in original if node[1] == "lamp")
    others: list[dict] = []

    async def another_writer_first(route: Route) -> None:
        if "renameNode" in (route.request.post_data or "") and not others:
            others.append(await api.graphql(RENAME, {"id": scene_id, "expected": 7, "input": {
                "operations": [{"renameNode": {"nodeId": lamp_id, "name": "theirs"}}]}}))
        await route.continue_()

    await page.route("**/graphql", another_writer_first)
    await page.get_by_role("button", name="Redo").click()
    alert = page.get_by_role("alert").filter(has_text="CONFLICT")
    await expect(alert).to_contain_text("version 8 while you were on 7")
    assert others[0]["sceneUpdate"]["errors"] == []
    assert (await state(api, scene_id))[0] == 8
    await screenshot(page, tmp_path, "undo-conflict")
    assert await serious_violations(page) == []

    # Reapplied, the redo lands on their version and stays a redo: the light can still come back
    await alert.get_by_role("button", name="Reapply my redo of rename").click()
    await expect(version).to_have_text("v9")
    await tree.get_by_role("treeitem", name=re.compile("^renamed")).click()
    await page.keyboard.press("Control+Shift+z")
    await expect(version).to_have_text("v10")
    final_version, final = await state(api, scene_id)
    assert final_version == 10
    by_name = {node[1]: node for node in final}
    assert by_name["renamed"][0] == arm_id and by_name["theirs"][0] == lamp_id
    assert by_name["Light"][3] == "POINT"
    assert "arm" not in by_name and "lamp" not in by_name
    await expect(page.get_by_role("button", name="Redo")).to_be_disabled()
    assert problems == []
