"""The demo page as a workbench, in Debian's Chromium against the real stack with every request
off this server refused: the scene editor's outliner, inspector, undo/redo, CONFLICT and live
edits from a second tab, the GraphiQL hand-over, and axe-core at a desktop and a phone size.
Screenshots land in the test's tmp dir, and in $ATELIER_TEST_ARTIFACTS when it is set."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from playwright.async_api import Browser, BrowserContext, Page, Route, expect

from tests.e2e.test_ingest import upload_and_wait
from tests.geometry.test_scene_sources import hierarchy_glb
from tests.support.browser import (
    DESKTOP,
    NEEDS_BROWSER,
    OVERFLOWING,
    PHONE,
    screenshot,
    serious_violations,
    signed_in,
)
from tests.support.client import Api

pytestmark = NEEDS_BROWSER

SCENE = """query($id: ID!) { scene(id: $id) { version
  nodes(first: 50) { edges { node { id name parent { id } light { type } camera { type } } } }
  materials { id name metallicFactor alphaMode
    emissiveTexture { textureIndex asset { id } } } } }"""
UPDATE = """mutation($id: ID!, $input: SceneUpdateInput!, $expected: Int) {
  sceneUpdate(id: $id, input: $input, expectedVersion: $expected) {
    scene { version } errors { code } } }"""


async def open_scene_editor(page: Page, asset_name: str) -> None:
    await page.get_by_role("button", name=asset_name).first.click()
    await page.get_by_role("button", name="Show scene graph").click()


async def scene_of(api: Api, scene_id: str) -> dict:
    scene: dict = (await api.graphql(SCENE, {"id": scene_id}))["scene"]
    return scene


def names(scene: dict) -> dict[str, dict]:
    return {edge["node"]["name"]: edge["node"] for edge in scene["nodes"]["edges"]}


async def editable_scene(page: Page) -> str:
    await page.get_by_role("button", name="Edit a copy of this scene").click()
    scene_id = await page.locator(".scene-id").text_content(timeout=20_000)
    assert scene_id
    return scene_id


async def test_outliner_and_inspector_edit_the_scene_and_undo_redo_walk_versions(
        context: BrowserContext, api: Api, tmp_path: Path) -> None:
    asset = await upload_and_wait(api, hierarchy_glb(), "workshop.glb")
    assert asset["status"] == "READY"
    page, problems = await signed_in(context, api)
    await open_scene_editor(page, "workshop")
    scene_id = await editable_scene(page)
    before = await scene_of(api, scene_id)
    tree = page.get_by_role("tree", name="Scene nodes")
    first, second = (edge["node"] for edge in before["nodes"]["edges"][:2])

    await tree.get_by_role("treeitem").filter(has_text=second["name"]).click()
    await page.get_by_label("Node name").fill("renamed")
    await page.get_by_role("button", name="Rename", exact=True).click()
    await expect(page.locator(".badge-version")).to_have_text(f"v{before['version'] + 1}")
    await page.get_by_role("button", name="Add light").click()
    await expect(page.locator(".badge-version")).to_have_text(f"v{before['version'] + 2}")
    await screenshot(page, tmp_path, "scene-editor")
    edited = names(await scene_of(api, scene_id))
    assert "renamed" in edited and edited["Light"]["light"] == {"type": "POINT"}

    await page.get_by_role("button", name="Undo").click()
    await expect(page.locator(".badge-version")).to_have_text(f"v{before['version'] + 3}")
    assert "Light" not in names(await scene_of(api, scene_id))
    await page.get_by_role("button", name="Redo").click()
    await expect(page.locator(".badge-version")).to_have_text(f"v{before['version'] + 4}")
    assert "Light" in names(await scene_of(api, scene_id))

    light = tree.get_by_role("treeitem", name=re.compile("^Light"))
    await light.drag_to(tree.get_by_role("treeitem").filter(has_text=first["name"]).first)
    await expect(page.locator(".badge-version")).to_have_text(f"v{before['version'] + 5}")
    moved = names(await scene_of(api, scene_id))
    assert moved["Light"]["parent"] == {"id": moved[first["name"]]["id"]}

    await tree.get_by_role("treeitem", name=re.compile("^renamed")).click()
    heading = await page.get_by_role("heading", name=re.compile("^Material · ")).text_content()
    await page.get_by_label("Metallic").fill("0.8")
    await page.get_by_label("Alpha mode").select_option("BLEND")
    await page.get_by_role("button", name="Apply material").click()
    await expect(page.locator(".badge-version")).to_have_text(f"v{before['version'] + 6}")
    edited_materials = {m["name"]: m for m in (await scene_of(api, scene_id))["materials"]
                        if m["alphaMode"] == "BLEND"}
    assert list(edited_materials) == [(heading or "").removeprefix("Material · ")]
    assert next(iter(edited_materials.values()))["metallicFactor"] == pytest.approx(0.8)

    # a texture of the library's asset goes into the material's emissive slot, and undo takes
    # it out again
    emissive = page.get_by_label("Emissive texture")
    await expect(emissive).to_have_value("")
    await emissive.select_option(label=f"{asset['name']} · texture 0")
    await page.get_by_role("button", name="Apply material").click()
    await expect(page.locator(".badge-version")).to_have_text(f"v{before['version'] + 7}")
    textured = [m for m in (await scene_of(api, scene_id))["materials"] if m["emissiveTexture"]]
    assert [(m["alphaMode"], m["emissiveTexture"]) for m in textured] == [
        ("BLEND", {"textureIndex": 0, "asset": {"id": asset["id"]}})]
    await page.get_by_role("button", name="Undo").click()
    await expect(page.locator(".badge-version")).to_have_text(f"v{before['version'] + 8}")
    assert not any(m["emissiveTexture"] for m in (await scene_of(api, scene_id))["materials"])
    await expect(emissive).to_have_value("")
    assert problems == []


async def test_a_conflict_shows_the_other_change_and_reapplies_ours_on_top(
        context: BrowserContext, api: Api, tmp_path: Path) -> None:
    await upload_and_wait(api, hierarchy_glb(), "workshop.glb")
    page, problems = await signed_in(context, api)
    await open_scene_editor(page, "workshop")
    scene_id = await editable_scene(page)
    nodes = (await scene_of(api, scene_id))["nodes"]["edges"]
    ours, theirs = nodes[0]["node"], nodes[1]["node"]

    async def another_writer_first(route: Route) -> None:
        """Another writer's version 2 lands between this tab's read and its write."""
        if "renameNode" in (route.request.post_data or "") and not others:
            others.append(await api.graphql(UPDATE, {"id": scene_id, "expected": 1, "input": {
                "operations": [{"renameNode": {"nodeId": theirs["id"], "name": "theirs"}}]}}))
        await route.continue_()

    others: list[dict] = []
    await page.route("**/graphql", another_writer_first)
    tree = page.get_by_role("tree", name="Scene nodes")
    await tree.get_by_role("treeitem").filter(has_text=ours["name"]).first.click()
    await page.get_by_label("Node name").fill("ours")
    await page.get_by_role("button", name="Rename", exact=True).click()

    alert = page.get_by_role("alert").filter(has_text="CONFLICT")
    await expect(alert).to_contain_text("version 2 while you were on 1")
    # the other change itself is listed, and touches nothing ours does
    await expect(alert.get_by_role("list", name="Their change")).to_have_text(
        f"renamed \u201c{theirs['name']}\u201d to \u201ctheirs\u201d")
    await expect(alert.locator(".conflict-overlap")).to_have_count(0)
    assert others[0]["sceneUpdate"]["errors"] == []
    await expect(tree.get_by_role("treeitem").filter(has_text="theirs")).to_be_visible()
    assert "ours" not in names(await scene_of(api, scene_id))
    await screenshot(page, tmp_path, "conflict")
    await alert.get_by_role("button", name="Reapply my rename").click()

    await expect(page.locator(".badge-version")).to_have_text("v3")
    final = names(await scene_of(api, scene_id))
    assert {"ours", "theirs"} <= final.keys()
    assert problems == []


async def test_a_second_tab_sees_every_edit_live(
        browser: Browser, context: BrowserContext, api: Api, tmp_path: Path) -> None:
    await upload_and_wait(api, hierarchy_glb(), "workshop.glb")
    editor, problems = await signed_in(context, api)
    await open_scene_editor(editor, "workshop")
    scene_id = await editable_scene(editor)
    other_context = await browser.new_context(viewport=DESKTOP)
    try:
        watcher, watcher_problems = await signed_in(other_context, api)
        await open_scene_editor(watcher, "workshop")
        await watcher.get_by_label("Open a scene").select_option(scene_id)
        await expect(watcher.locator(".badge-version")).to_have_text("v1")

        await editor.get_by_role("button", name="Add camera").click()

        await expect(watcher.locator(".badge-version")).to_have_text("v2", timeout=15_000)
        await expect(watcher.get_by_role("treeitem", name=re.compile("^Camera"))).to_be_visible()
        await expect(watcher.get_by_role("status").filter(has_text="camera added")).to_be_visible()
        await screenshot(watcher, tmp_path, "second-tab")
        assert watcher_problems == []
    finally:
        await other_context.close()
    assert problems == []


async def test_graphiql_link_hands_the_token_over_and_leaves_no_trace_in_the_url(
        context: BrowserContext, api: Api) -> None:
    page, problems = await signed_in(context, api)
    async with context.expect_page() as opened:
        await page.get_by_role("link", name="GraphiQL").click()
    graphiql = await opened.value
    await graphiql.wait_for_selector(".graphiql-container", timeout=30_000)
    headers = await graphiql.eval_on_selector(
        ".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror",
        "el => el.CodeMirror.getValue()")

    assert json.loads(headers) == {"Authorization": f"Bearer {api.token}"}
    assert "token" not in graphiql.url
    assert problems == []


async def test_the_workbench_has_no_serious_accessibility_violations_on_desktop_and_phone(
        context: BrowserContext, api: Api, tmp_path: Path) -> None:
    await upload_and_wait(api, hierarchy_glb(), "workshop.glb")
    page, problems = await signed_in(context, api)
    await open_scene_editor(page, "workshop")
    await editable_scene(page)
    await page.get_by_role("tree", name="Scene nodes").get_by_role("treeitem").first.click()
    await page.keyboard.press("ArrowDown")
    await expect(page.locator('[role="treeitem"][aria-selected="true"]')).to_be_focused()
    await expect(page.get_by_role("treeitem", name=re.compile("^arm"))).to_be_focused()

    for viewport in (DESKTOP, PHONE):
        await page.set_viewport_size(viewport)
        await screenshot(page, tmp_path, f"workbench-{viewport['width']}")
        assert await serious_violations(page) == [], viewport
        assert await page.evaluate(OVERFLOWING) == [], viewport
    assert problems == []
