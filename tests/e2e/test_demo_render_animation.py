"""The demo page's render panel for an animated asset, in Debian's Chromium against the real
stack and a worker: the "Animation" fieldset picks an animation and a clip (by keyboard), a clip
past the animation's end is refused with the field named and nothing queued, then the clip as
ANIMATED_WEBP on a transparent background renders as one file the page shows inline as an
<img>; the job's params carry the animation and its output is image/webp; axe-core finds
nothing serious and nothing overflows at the desktop and the phone size. Screenshots land in the
test's tmp dir, and in $ATELIER_TEST_ARTIFACTS when it is set."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.async_api import BrowserContext, Page, expect

from tests.e2e.test_ingest import upload_and_wait
from tests.geometry.render.test_render_animation import sliding_cube_glb
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

JOB = """query($id: ID!) { job(id: $id) { status params
  outputs { role format contentType filename } } }"""
RENDER_JOBS = "{ jobs(filter: {kind: [RENDER]}) { totalCount } }"
IMAGE_LOADED = "image => image.complete && image.naturalWidth"


async def submit(page: Page) -> tuple[dict, dict]:
    """Clicks the panel's submit button; the renderSubmit input it sent and the answer."""
    async with page.expect_response(lambda r: "/graphql" in r.url and r.request.method == "POST"
                                    and "renderSubmit" in (r.request.post_data or "")) as sent:
        await page.get_by_role("button", name="Render this view", exact=True).click()
    response = await sent.value
    sent_input = json.loads(response.request.post_data or "{}")["variables"]["input"]
    return sent_input, (await response.json())["data"]["renderSubmit"]


async def test_render_panel_plays_an_animation_clip_as_an_inline_animated_webp(
        context: BrowserContext, api: Api, worker: None, tmp_path: Path) -> None:
    await upload_and_wait(api, sliding_cube_glb(), "sliding-cube.glb")
    page, problems = await signed_in(context, api)
    await page.get_by_role("button", name="sliding-cube").first.click()
    form = page.get_by_role("form", name="Render this view")
    await form.get_by_label("Size").select_option("256x256")
    await form.get_by_label("Format").select_option("ANIMATED_WEBP")
    await form.get_by_label("Background").select_option("Transparent")

    # The asset's two animations by index; "Clip" chosen from "Pose at time" by the arrow key
    fieldset = form.get_by_role("group", name="Animation", exact=True)
    await fieldset.get_by_label("Which animation").select_option("0")
    await fieldset.get_by_role("radio", name="Pose at time").focus()
    await page.keyboard.press("ArrowRight")
    await expect(fieldset.get_by_role("radio", name="Clip")).to_be_checked()
    await expect(fieldset.get_by_role("radio", name="Clip")).to_be_focused()
    await expect(form.get_by_role("checkbox", name="Turntable")).to_be_disabled()
    await expect(form.get_by_label("Frames", exact=True)).to_have_count(0)
    fps = fieldset.get_by_label("Clip fps")
    limits = (await api.graphql("{ viewer { renderLimits { maxFps } } }"))["viewer"]
    await expect(fps).to_have_attribute("max", str(limits["renderLimits"]["maxFps"]))
    await fps.fill("4")

    # "slide" lasts one second: a clip to 5 s is refused at its end, and nothing is queued
    await fieldset.get_by_label("Clip end").fill("5")
    _, refused = await submit(page)
    assert [(e["code"], e["field"]) for e in refused["errors"]] == [
        ("INVALID_INPUT", ["input", "animation", "clip", "end"])]
    await expect(form.get_by_role("alert")).to_contain_text("Clip end: ")
    await expect(fieldset.get_by_label("Clip end")).to_have_attribute("aria-invalid", "true")
    assert (await api.graphql(RENDER_JOBS))["jobs"]["totalCount"] == 0

    await fieldset.get_by_label("Clip end").fill("")
    sent, answer = await submit(page)
    assert answer["errors"] == []
    assert (sent["format"], sent["background"], sent["animation"]) == (
        "ANIMATED_WEBP", None, {"index": 0, "clip": {"start": 0, "end": None, "fps": 4}})
    assert "turntable" not in sent and "lookAt" in sent["camera"]
    await expect(form.get_by_role("alert")).to_have_count(0)

    image = page.locator(".detail-section .render-result img")
    await expect(image).to_have_attribute("alt", "Animation clip.webp", timeout=90_000)
    await expect(page.locator(".detail-section .render-progress")).to_contain_text("Rendered")
    await image.scroll_into_view_if_needed()
    assert await image.evaluate(IMAGE_LOADED) == 256

    job = (await api.graphql(JOB, {"id": answer["job"]["id"]}))["job"]
    assert job["status"] == "SUCCEEDED"
    assert job["params"]["animation"] == {"index": 0, "time": None,
                                          "clip": {"start": 0, "end": None, "fps": 4}}
    assert [(o["role"], o["format"], o["contentType"], o["filename"]) for o in job["outputs"]] == [
        ("RENDER", "ANIMATED_WEBP", "image/webp", "clip.webp")]

    for viewport in (DESKTOP, PHONE):
        await page.set_viewport_size(viewport)
        await form.scroll_into_view_if_needed()
        await screenshot(page, tmp_path, f"render-animation-{viewport['width']}")
        assert await serious_violations(page) == [], viewport
        assert await page.evaluate(OVERFLOWING) == [], viewport
    assert problems == []
