"""The viewer's "Render this view" for an open scene, in Debian's Chromium against the real stack
and a worker: offered once the scene is drawn, it sends renderSubmit for the scene with the
viewer's three.js camera as it is after an orbit (position, target, up and fovY of
LookAtCameraInput), the job carries that camera, and its image shows inline in the scene's
render panel; axe-core finds nothing serious and nothing overflows at the desktop and the phone
size. Screenshots land in the test's tmp dir, and in $ATELIER_TEST_ARTIFACTS when it is set."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest
from playwright.async_api import BrowserContext, expect

from tests.e2e.test_demo_workbench import editable_scene, open_scene_editor
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

JOB = """query($id: ID!) { job(id: $id) { kind status params scene { id }
  outputs { role format } } }"""
# The viewer's camera: 40° vertical field of view, framed from this direction (viewer.js).
FOV_Y = 40
HOME_DIRECTION = (1, 0.65, 1.2)
IMAGE_LOADED = "image => image.complete && image.naturalWidth"


def unit(vector: list[float] | tuple[float, ...]) -> list[float]:
    length = math.hypot(*vector)
    return [value / length for value in vector]


async def test_render_this_view_renders_the_scene_from_the_orbited_camera_inline(
        context: BrowserContext, api: Api, worker: None, tmp_path: Path) -> None:
    await upload_and_wait(api, hierarchy_glb(), "workshop.glb")
    page, problems = await signed_in(context, api)
    await open_scene_editor(page, "workshop")
    scene_id = await editable_scene(page)
    render = page.get_by_role("button", name="Render this view of the scene")
    await expect(render).to_be_visible(timeout=20_000)

    # Given the view orbited away from where the viewer framed the scene
    box = await page.locator("#viewport").bounding_box()
    assert box
    await page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    await page.mouse.down()
    await page.mouse.move(box["x"] + box["width"] / 2 + 160, box["y"] + box["height"] / 2 + 40,
                          steps=8)
    await page.mouse.up()

    async with page.expect_response(lambda r: "/graphql" in r.url and r.request.method == "POST"
                                    and "renderSubmit" in (r.request.post_data or "")) as sent:
        await render.click()
    response = await sent.value
    submitted = json.loads(response.request.post_data or "{}")["variables"]["input"]
    answer = (await response.json())["data"]["renderSubmit"]
    assert answer["errors"] == []

    # The scene, through the viewer's own camera
    assert submitted["sceneId"] == scene_id and "assetId" not in submitted
    camera = submitted["camera"]["lookAt"]
    assert set(camera) == {"position", "target", "up", "fovY"}
    assert camera["fovY"] == FOV_Y and camera["up"] == [0, 1, 0]
    looking_from = unit([p - t for p, t in zip(camera["position"], camera["target"], strict=True)])
    assert sum(a * b for a, b in zip(looking_from, unit(HOME_DIRECTION), strict=True)) < 0.99

    # The image shows inline in the scene's render panel when the job ends
    panel = page.locator(".scene-render")
    await expect(panel.locator(".render-progress")).to_contain_text("Rendered", timeout=90_000)
    image = panel.locator(".render-result img")
    await expect(image).to_have_count(1)
    await image.scroll_into_view_if_needed()
    assert await image.evaluate(IMAGE_LOADED)
    for viewport in (DESKTOP, PHONE):
        await page.set_viewport_size(viewport)
        await screenshot(page, tmp_path, f"viewport-render-{viewport['width']}")
        assert await serious_violations(page) == [], viewport
        assert await page.evaluate(OVERFLOWING) == [], viewport

    # The API agrees: a RENDER of the scene, from that camera
    job = (await api.graphql(JOB, {"id": answer["job"]["id"]}))["job"]
    assert (job["kind"], job["status"], job["scene"]) == ("RENDER", "SUCCEEDED", {"id": scene_id})
    kept = job["params"]["camera"]["lookAt"]
    for field in ("position", "target", "up"):
        assert kept[field] == pytest.approx(camera[field]), field
    assert kept["fovY"] == pytest.approx(FOV_Y)
    assert [output["role"] for output in job["outputs"]] == ["RENDER"]
    assert problems == []
