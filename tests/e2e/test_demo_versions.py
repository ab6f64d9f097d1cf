"""The demo page's versions panel, in Debian's Chromium against the real stack: a file uploaded
as a new version is followed to READY and becomes current, the old one is restored from the
page, and the API agrees with what the page shows; axe-core finds nothing serious."""

from __future__ import annotations

import re
from pathlib import Path

from playwright.async_api import BrowserContext, expect

from tests.e2e.test_ingest import upload_and_wait
from tests.support import models
from tests.support.browser import NEEDS_BROWSER, screenshot, serious_violations, signed_in
from tests.support.client import Api

pytestmark = NEEDS_BROWSER

CURRENT = """query($id: ID!) { asset(id: $id) {
  currentVersion { number } stats { triangleCount } versions { totalCount } } }"""


async def test_a_new_version_is_uploaded_followed_and_the_old_one_restored(
        context: BrowserContext, api: Api, tmp_path: Path) -> None:
    box = await upload_and_wait(api, models.box_stl(), "crate.stl")
    page, problems = await signed_in(context, api)
    await page.get_by_role("button", name="crate").first.click()
    versions = page.get_by_role("list", name="Versions, newest first")
    await expect(versions.locator(".version")).to_have_count(1)
    await expect(versions.locator('[data-version="1"]')).to_contain_text("current")

    # a sphere uploaded as the next version is followed on the job board until it is current
    await page.locator(".versions-panel input[type=file]").set_input_files(
        {"name": "sphere.obj", "mimeType": "text/plain", "buffer": models.sphere_obj()})
    newest = versions.locator('[data-version="2"]')
    await expect(newest).to_contain_text("current", timeout=60_000)
    sphere_triangles = models.triangle_count(models.sphere_obj(), "obj")
    await expect(newest).to_contain_text(f"{sphere_triangles:,} triangles")
    await expect(versions.locator('[data-version="1"]')).to_contain_text("READY")
    asset = (await api.graphql(CURRENT, {"id": box["id"]}))["asset"]
    assert asset["currentVersion"] == {"number": 2}
    assert asset["stats"]["triangleCount"] == sphere_triangles
    await screenshot(page, tmp_path, "versions")
    assert await serious_violations(page) == []

    # restoring version 1 from the page makes version 3 current, with the box's triangles
    await page.get_by_role("button", name="Restore version 1").click()
    restored = versions.locator('[data-version="3"]')
    await expect(restored).to_contain_text("current")
    await expect(restored).to_contain_text(re.compile("restores v1"))
    asset = (await api.graphql(CURRENT, {"id": box["id"]}))["asset"]
    assert (asset["currentVersion"], asset["versions"]["totalCount"]) == ({"number": 3}, 3)
    assert asset["stats"]["triangleCount"] == models.triangle_count(models.box_stl(), "stl")
    assert problems == []
