"""The demo page's render panel, in Debian's Chromium against the real stack (one page load):
the samples field is bounded by the server's `viewer.renderLimits`, a path-traced render shows
each of its passes live from jobProgress and its image inline, a WEBM turntable shows each frame
live and then plays inline in a <video> with controls; axe-core finds nothing serious at the
desktop and the phone size, nothing overflows. Screenshots land in the test's tmp dir, and in
$ATELIER_TEST_ARTIFACTS when it is set."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.async_api import BrowserContext, Page, expect

from tests.e2e.test_ingest import upload_and_wait
from tests.e2e.test_render import red_cube_glb
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

LIMITS = "{ viewer { renderLimits { maxSamples maxPathSamples maxFrames } } }"
# Every distinct stage text the asset's render panel shows, in order, kept on window.stages.
WATCH_STAGES = """() => {
  window.stages = [];
  const panel = document.querySelector('.detail-section .render-progress');
  new MutationObserver(() => {
    const text = panel.querySelector('.render-stage')?.textContent;
    if (text && window.stages.at(-1) !== text) window.stages.push(text);
  }).observe(panel, { childList: true, subtree: true, characterData: true });
}"""
VIDEO_LOADED = """video => new Promise((resolve) => {
  const done = () => resolve({ ready: video.readyState, duration: video.duration,
                               width: video.videoWidth, controls: video.controls });
  if (video.readyState >= 1) done(); else video.addEventListener('loadedmetadata', done);
})"""


async def submitted_input(page: Page, button: str) -> dict:
    """Clicks the panel's submit button; the renderSubmit input it sent."""
    async with page.expect_request(lambda r: "/graphql" in r.url and r.method == "POST"
                                   and "renderSubmit" in (r.post_data or "")) as sent:
        await page.get_by_role("button", name=button, exact=True).click()
    sent_input: dict = json.loads((await sent.value).post_data or "{}")["variables"]["input"]
    return sent_input


async def test_render_panel_traces_paths_and_plays_a_turntable_video_inline(
        context: BrowserContext, api: Api, tmp_path: Path) -> None:
    await upload_and_wait(api, red_cube_glb(), "red-cube.glb")
    limits = (await api.graphql(LIMITS))["viewer"]["renderLimits"]
    page, problems = await signed_in(context, api)
    await page.get_by_role("button", name="red-cube").first.click()
    form = page.get_by_role("form", name="Render this view")
    samples = form.get_by_label("MSAA samples")
    await expect(samples).to_have_attribute("max", str(limits["maxSamples"]))

    # path traced: the samples field takes the path limit, and refuses one past it
    await form.get_by_label("Renderer").select_option("PATH_TRACED")
    samples = form.get_by_label("Paths per pixel")
    await expect(samples).to_have_attribute("max", str(limits["maxPathSamples"]))
    await samples.fill(str(limits["maxPathSamples"] + 1))
    assert await samples.evaluate("input => input.validity.rangeOverflow")
    await samples.fill("4")
    await form.get_by_label("Size").select_option("256x256")
    await page.evaluate(WATCH_STAGES)
    traced = await submitted_input(page, "Render this view")
    assert (traced["renderer"], traced["samples"], traced["width"]) == ("PATH_TRACED", 4, 256)
    assert len(traced["camera"]["lookAt"]["position"]) == 3
    progress = page.locator(".detail-section .render-progress")
    await expect(progress).to_contain_text("Rendered", timeout=90_000)
    await expect(progress.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    await expect(page.locator(".detail-section .render-result img")).to_have_count(1)
    stages = await page.evaluate("window.stages")
    assert [stage for stage in stages if stage.startswith("pass")] == [
        f"pass {n} of 4" for n in range(1, 5)], stages

    # a WEBM turntable from the viewer's direction: each frame live, then the video inline
    await form.get_by_label("Renderer").select_option("RASTER")
    await form.get_by_label("Format").select_option("WEBM")
    await expect(form.get_by_role("checkbox", name="Turntable")).to_be_disabled()
    frames = form.get_by_label("Frames")
    await expect(frames).to_have_attribute("max", str(limits["maxFrames"]))
    await frames.fill("5")
    await page.evaluate(WATCH_STAGES)
    turntable = await submitted_input(page, "Render this view")
    assert (turntable["format"], turntable["turntable"]) == ("WEBM", {"frames": 5})
    assert set(turntable["camera"]["orbit"]) == {"yaw", "pitch", "distance", "fovY"}
    video = page.locator(".detail-section .render-result video")
    await expect(video).to_have_count(1, timeout=90_000)
    await expect(progress).to_contain_text("Rendered")
    stages = await page.evaluate("window.stages")
    assert [stage for stage in stages if stage.startswith("frame")] == [
        f"frame {n} of 5" for n in range(1, 6)], stages
    loaded = await video.evaluate(VIDEO_LOADED)
    assert loaded["controls"] and loaded["ready"] >= 1 and loaded["duration"] > 0, loaded
    assert loaded["width"] == 256
    await expect(page.locator(".job-card").filter(has_text="Open video")).to_have_count(1)

    for viewport in (DESKTOP, PHONE):
        await page.set_viewport_size(viewport)
        await page.locator(".detail-section .render-panel").scroll_into_view_if_needed()
        await screenshot(page, tmp_path, f"render-{viewport['width']}")
        assert await serious_violations(page) == [], viewport
        assert await page.evaluate(OVERFLOWING) == [], viewport
    assert problems == []
