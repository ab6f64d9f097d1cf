"""The demo page's library and jobs, in Debian's Chromium against the real stack (the harness
of tests/support/browser.py): the jobs view following jobs live to their end, a failed job's
error code, cancel, retry of a cancelled render and a failed ingest as new jobs (and a
refused retry's code), a conversion's output opened inline; the gallery's infinite scroll,
filters and multi-select delete; the usage panel against `viewer.usage` and its limits; the
trash panel listing what was deleted and restoring it; axe-core at a desktop and a phone size."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from playwright.async_api import BrowserContext, Dialog, Locator, Page, expect

from tests.e2e.test_ingest import upload_and_wait
from tests.support import models
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

RENDER_SUBMIT = """mutation($input: RenderSubmitInput!) {
  renderSubmit(input: $input) { job { id } errors { code } } }"""
JOB = "query($id: ID!) { job(id: $id) { status error { code } } }"
USAGE = "{ viewer { usage { bytesStored assets jobsQueued jobsRunning } } }"
COUNT = "query($filter: AssetFilter) { assets(filter: $filter) { totalCount } }"
ASSET = "query($id: ID!) { asset(id: $id) { id } }"
CATALOG = """query($id: ID!) { asset(id: $id) {
  tags description license { spdxId attribution } } }"""
MONTH = "{ viewer { usage { jobsThisMonth } } }"
TRASH = "{ trash { edges { node { id } } } }"
SCENE_CREATE = """mutation($input: SceneCreateInput!) {
  sceneCreate(input: $input) { scene { id } errors { code } } }"""
SCENE_DELETE = "mutation($id: ID!) { sceneDelete(id: $id) { errors { code } } }"
SCENE = "query($id: ID!) { scene(id: $id) { id } }"
# Enough parts for three pages of the gallery's 12.
PARTS = 25


async def ready_count(api: Api, **fields: object) -> int:
    data = await api.graphql(COUNT, {"filter": {"status": ["READY"], **fields}})
    return int(data["assets"]["totalCount"])


async def upload_parts(api: Api) -> dict[str, str]:
    """PARTS distinct tiny STLs named part-00 … part-24, all READY; their ids by name."""
    uploads = await asyncio.gather(*(
        api.upload(models.box_stl((1.0, 1.0, 1.0 + index / 10)), f"part-{index:02}.stl",
                   name=f"part-{index:02}") for index in range(PARTS)))
    assert all(upload["errors"] == [] for upload in uploads)
    for _ in range(240):
        if await ready_count(api) == PARTS:
            break
        await asyncio.sleep(0.25)
    assert await ready_count(api) == PARTS
    return {upload["asset"]["name"]: upload["asset"]["id"] for upload in uploads}


async def accept(dialog: Dialog) -> None:
    await dialog.accept()


def job_row(page: Page, kind: str, name: str) -> Locator:
    return page.locator(".job-row").filter(has_text=kind).filter(has_text=name)


async def usage_matches_the_api(page: Page, api: Api) -> None:
    usage = (await api.graphql(USAGE))["viewer"]["usage"]
    for key in ("assets", "jobsRunning", "jobsQueued"):
        await expect(page.locator(f'[data-usage="{key}"]')).to_have_text(f"{usage[key]:,}")
    await expect(page.locator('[data-usage="bytesStored"]')).to_have_attribute(
        "title", f"{usage['bytesStored']:,} bytes")


async def test_jobs_view_follows_jobs_live_shows_failures_cancels_and_opens_outputs(
        context: BrowserContext, api: Api, tmp_path: Path) -> None:
    # Given a failed upload and a READY cube of the owner's
    failed = await upload_and_wait(api, b"not a model at all\n" * 10, "words.glb")
    code = failed["error"]["code"]
    await upload_and_wait(api, models.box_stl(), "cube.stl")
    page, problems = await signed_in(context, api)

    # The tabs answer the keyboard: the jobs view lists the owner's jobs, the failure's code
    await page.get_by_role("tab", name=re.compile("^Assets")).focus()
    await page.keyboard.press("ArrowRight")
    await expect(page.get_by_role("tab", name=re.compile("^Jobs"))).to_be_focused()
    await expect(page.get_by_role("tab", name=re.compile("^Jobs"))).to_have_attribute(
        "aria-selected", "true")
    await expect(job_row(page, "INGEST", "words")).to_contain_text(code)
    await expect(job_row(page, "INGEST", "words")).to_contain_text("failed")

    # An upload from the page appears at the top of the view and is followed to SUCCEEDED
    await page.locator("#file-input").set_input_files(
        {"name": "fresh.stl", "mimeType": "model/stl", "buffer": models.box_stl((2, 2, 2))})
    fresh = job_row(page, "INGEST", "fresh")
    await expect(fresh).to_have_class(re.compile("job-succeeded"), timeout=60_000)
    await expect(fresh.get_by_role("progressbar")).to_have_attribute("aria-valuenow", "100")
    await expect(page.locator(".job-row").first).to_contain_text("fresh")

    # A conversion submitted from the page opens its output inline
    await page.get_by_role("tab", name=re.compile("^Assets")).click()
    await page.get_by_role("button", name="cube").first.click()
    await page.locator(".convert-form").get_by_role("button", name="Convert").click()
    await page.get_by_role("tab", name=re.compile("^Jobs")).click()
    conversion = job_row(page, "CONVERT", "cube")
    await expect(conversion).to_have_class(re.compile("job-succeeded"), timeout=60_000)
    await conversion.get_by_role("button", name=re.compile("^Show output")).click()
    download = conversion.get_by_role("link", name="Download")
    assert (await download.get_attribute("href") or "").startswith(api.base_url)

    # A long turntable submitted elsewhere shows once the kind filter asks again, and cancels
    cubes = '{ assets(filter: {nameContains: "cube"}) { edges { node { id } } } }'
    cube_id = (await api.graphql(cubes))["assets"]["edges"][0]["node"]["id"]
    render = (await api.graphql(RENDER_SUBMIT, {"input": {
        "assetId": cube_id, "width": 96, "height": 96, "turntable": {"frames": 300}}}))
    assert render["renderSubmit"]["errors"] == []
    job_id = render["renderSubmit"]["job"]["id"]
    await page.get_by_label("Job kind").select_option("RENDER")
    turntable = job_row(page, "RENDER", "cube")
    await turntable.get_by_role("button", name=re.compile("^Cancel")).click()
    await expect(turntable).to_have_class(re.compile("job-cancelled"), timeout=60_000)
    assert (await api.graphql(JOB, {"id": job_id}))["job"]["status"] == "CANCELLED"

    # Retry makes a new job of the cancelled turntable, first in the view and followed live
    await turntable.get_by_role("button", name=re.compile("^Retry")).click()
    retried = page.locator(f'.job-row:not([data-job-id="{job_id}"])').first
    await expect(retried).to_have_class(re.compile("job-(queued|running)"))
    await expect(page.locator(".job-row").first).to_have_attribute(
        "data-job-id", await retried.get_attribute("data-job-id") or "")
    await retried.get_by_role("button", name=re.compile("^Cancel")).click()
    await expect(retried).to_have_class(re.compile("job-cancelled"), timeout=60_000)
    await expect(page.locator(f'.job-row[data-job-id="{job_id}"]')).to_have_class(
        re.compile("job-cancelled"))
    await page.get_by_label("Job kind").select_option("")
    await expect(page.locator(".job-row")).to_have_count(6)

    # The failed ingest is retried into a new ingest of its asset (failing again); retrying
    # the old one once more is refused with its code, the asset having been ingested since
    words = job_row(page, "INGEST", "words")
    words_id = await words.get_attribute("data-job-id")
    await words.get_by_role("button", name=re.compile("^Retry")).click()
    again = page.locator(".job-row").first
    await expect(again).not_to_have_attribute("data-job-id", words_id or "")
    await expect(again).to_have_class(re.compile("job-failed"), timeout=60_000)
    await expect(again).to_contain_text(code)
    await page.locator(f'.job-row[data-job-id="{words_id}"]').get_by_role(
        "button", name=re.compile("^Retry")).click()
    await expect(page.get_by_role("alert").filter(has_text="INVALID_STATE")).to_be_visible()
    await expect(page.locator(".job-row")).to_have_count(7)

    # The usage panel shows the owner's figures, as viewer.usage gives them
    await usage_matches_the_api(page, api)

    for viewport in (DESKTOP, PHONE):
        await page.set_viewport_size(viewport)
        await screenshot(page, tmp_path, f"jobs-{viewport['width']}")
        assert await serious_violations(page) == [], viewport
        assert await page.evaluate(OVERFLOWING) == [], viewport
    assert problems == []


async def test_gallery_scrolls_for_more_filters_and_deletes_a_selection(
        context: BrowserContext, api: Api, tmp_path: Path) -> None:
    ids = await upload_parts(api)
    page, problems = await signed_in(context, api)
    tiles = page.locator(".asset-tile")

    # Infinite scroll: the sentinel coming into view loads the next pages, until the last
    await expect(page.locator("#asset-total")).to_have_text(str(PARTS))
    await expect(tiles).not_to_have_count(0)
    assert await tiles.count() < PARTS
    sentinel = page.get_by_role("button", name="Load more assets")
    while await sentinel.is_visible():
        count = await tiles.count()
        await sentinel.evaluate("button => button.scrollIntoView()")
        await expect(tiles).not_to_have_count(count)
    await expect(tiles).to_have_count(PARTS)

    # A filter narrows the list on the server: part-10 … part-19
    await page.get_by_label("Name contains").fill("part-1")
    await expect(tiles).to_have_count(10)
    await expect(page.locator("#asset-total")).to_have_text("10")

    # Three checked from the keyboard and the mouse, deleted together
    await page.get_by_role("checkbox", name="Select part-10").focus()
    await page.keyboard.press("Space")
    await expect(page.get_by_role("checkbox", name="Select part-10")).to_be_focused()
    await page.get_by_role("checkbox", name="Select part-11").check()
    await page.get_by_role("checkbox", name="Select part-12").check()
    await expect(page.get_by_role("toolbar", name="Selected assets")).to_contain_text(
        "3 selected")
    for viewport in (DESKTOP, PHONE):
        await page.set_viewport_size(viewport)
        await screenshot(page, tmp_path, f"library-{viewport['width']}")
        assert await serious_violations(page) == [], viewport
        assert await page.evaluate(OVERFLOWING) == [], viewport
    await page.set_viewport_size(DESKTOP)
    page.once("dialog", accept)
    await page.get_by_role("button", name="Delete selected").click()
    await expect(tiles).to_have_count(7)
    await expect(page.locator("#asset-total")).to_have_text("7")
    await expect(page.get_by_role("toolbar", name="Selected assets")).to_be_hidden()

    # The API agrees: they are gone, the others stay
    for name in ("part-10", "part-11", "part-12"):
        assert (await api.graphql(ASSET, {"id": ids[name]}))["asset"] is None
    assert await ready_count(api, nameContains="part-1") == 7
    assert await ready_count(api) == PARTS - 3
    await usage_matches_the_api(page, api)

    # Two checked get a tag together (assetUpdate), which the tags filter then finds
    await page.get_by_role("checkbox", name="Select part-13").check()
    await page.get_by_role("checkbox", name="Select part-14").check()
    await page.get_by_label("Tags for the selected assets").fill("keep")
    await page.get_by_role("button", name="Add tags").click()
    await expect(page.locator(".asset-tile").filter(has_text="keep")).to_have_count(2)
    await page.get_by_label("Has all tags").fill("keep")
    await expect(tiles).to_have_count(2)
    assert (await api.graphql(CATALOG, {"id": ids["part-13"]}))["asset"]["tags"] == ["keep"]

    # The detail panel edits the description and the licence
    await page.get_by_role("button", name="part-14").first.click()
    about = page.get_by_role("form", name="Description, licence and tags")
    await about.get_by_label("Description").fill("A spare part")
    await about.get_by_label("Licence (SPDX)").fill("cc-by-4.0")
    await about.get_by_label("Attribution").fill("Atelier tests")
    await about.get_by_role("button", name="Save").click()
    await expect(page.locator(".toast").filter(has_text="Saved part-14")).to_be_visible()
    saved = (await api.graphql(CATALOG, {"id": ids["part-14"]}))["asset"]
    assert saved["description"] == "A spare part"
    assert saved["license"] == {"spdxId": "CC-BY-4.0", "attribution": "Atelier tests"}
    assert saved["tags"] == ["keep"]
    assert problems == []


async def test_usage_shows_its_limits_and_the_trash_restores_what_was_deleted(
        context: BrowserContext, api: Api, tmp_path: Path) -> None:
    # Given a READY crate and a scene deleted elsewhere (through the API)
    crate = await upload_and_wait(api, models.box_stl(), "crate.stl")
    scene = (await api.graphql(SCENE_CREATE, {"input": {"name": "old layout"}}))
    scene_id = scene["sceneCreate"]["scene"]["id"]
    assert (await api.graphql(SCENE_DELETE, {"id": scene_id}))["sceneDelete"]["errors"] == []
    page, problems = await signed_in(context, api)
    trash = page.get_by_role("list", name="Deleted assets and scenes, newest first")

    # The usage panel shows this month's jobs and each figure against its limit (the server's
    # defaults: no asset or byte quota, 100 queued and running jobs, 2 running at once)
    month = (await api.graphql(MONTH))["viewer"]["usage"]["jobsThisMonth"]
    await expect(page.locator('[data-usage="jobsThisMonth"]')).to_have_text(f"{month:,}")
    await expect(page.locator('[data-limit="assets"]')).to_have_text("· no limit")
    await expect(page.locator('[data-limit="jobsQueuedOrRunning"]')).to_have_text("of 100")
    await expect(page.get_by_role("meter", name="Jobs running: 0 of 2")).to_be_visible()
    await expect(page.locator('[data-usage="renderSeconds"]')).to_have_text("0 ms")

    # The trash lists the scene; the crate deleted from the page joins it, newest first
    await expect(trash.locator(".trash-item")).to_have_count(1)
    await page.get_by_role("checkbox", name="Select crate.stl").check()
    page.once("dialog", accept)
    await page.get_by_role("button", name="Delete selected").click()
    await expect(trash.locator(".trash-item")).to_have_count(2)
    await expect(trash.locator(".trash-item").first).to_contain_text("crate.stl")
    await expect(trash.locator(".trash-item").first).to_contain_text("Asset")
    await expect(trash.locator(".trash-item").nth(1)).to_contain_text("Scene")
    await expect(page.locator("#trash-total")).to_have_text("2")
    await expect(page.locator('[data-usage="assets"]')).to_have_text("0")
    for viewport in (DESKTOP, PHONE):
        await page.set_viewport_size(viewport)
        await screenshot(page, tmp_path, f"trash-{viewport['width']}")
        assert await serious_violations(page) == [], viewport
        assert await page.evaluate(OVERFLOWING) == [], viewport
    await page.set_viewport_size(DESKTOP)

    # Restore, from the keyboard: the crate is back in the gallery and counted again
    await page.get_by_role("button", name="Restore crate.stl").focus()
    await page.keyboard.press("Enter")
    await expect(page.locator(".toast").filter(has_text="Asset crate.stl restored")).to_be_visible()
    await expect(page.locator(".asset-tile").filter(has_text="crate.stl")).to_be_visible()
    await expect(trash.locator(".trash-item")).to_have_count(1)
    await expect(page.locator('[data-usage="assets"]')).to_have_text("1")
    assert (await api.graphql(ASSET, {"id": crate["id"]}))["asset"] == {"id": crate["id"]}

    # The scene comes back too, and the trash is empty, as the API says
    await page.get_by_role("button", name="Restore old layout").click()
    await expect(trash).to_contain_text("Nothing deleted.")
    await expect(page.locator("#trash-total")).to_have_text("0")
    assert (await api.graphql(SCENE, {"id": scene_id}))["scene"] == {"id": scene_id}
    assert (await api.graphql(TRASH))["trash"]["edges"] == []
    assert problems == []
