"""The library's multi-select, in Debian's Chromium against the real stack: tiles checked from
the keyboard, "Delete selected" moving each to the trash with assetDelete and "Add tags" giving
each a tag with assetUpdate, one count of what was done and one list of what was refused (with
its code), then the library read again from the server. A screenshot lands in the test's tmp
dir, and in $ATELIER_TEST_ARTIFACTS when it is set."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from playwright.async_api import BrowserContext, expect

from tests.e2e.test_demo_library import accept, ready_count
from tests.support import models
from tests.support.browser import NEEDS_BROWSER, screenshot, serious_violations, signed_in
from tests.support.client import Api

pytestmark = NEEDS_BROWSER

NAMES = [f"crate-{index}" for index in range(5)]
DELETE = "mutation($id: ID!) { assetDelete(id: $id) { errors { code } } }"
TRASH = "{ trash { edges { node { id } } } }"
TAGS = "query($id: ID!) { asset(id: $id) { tags } }"


async def upload_crates(api: Api) -> dict[str, str]:
    """Five distinct tiny STLs, all READY; their ids by name."""
    uploads = await asyncio.gather(*(
        api.upload(models.box_stl((1.0, 1.0, 1.0 + index / 10)), f"{name}.stl", name=name)
        for index, name in enumerate(NAMES)))
    assert all(upload["errors"] == [] for upload in uploads)
    for _ in range(240):
        if await ready_count(api) == len(NAMES):
            break
        await asyncio.sleep(0.25)
    assert await ready_count(api) == len(NAMES)
    return {upload["asset"]["name"]: upload["asset"]["id"] for upload in uploads}


async def test_checked_tiles_go_to_the_trash_and_get_tags_with_counts_and_errors(
        context: BrowserContext, api: Api, tmp_path: Path) -> None:
    ids = await upload_crates(api)
    page, problems = await signed_in(context, api)
    tiles = page.locator(".asset-tile")
    bar = page.get_by_role("toolbar", name="Selected assets")
    await expect(tiles).to_have_count(5)

    # Two checked from the keyboard, one with the mouse
    for name in ("crate-0", "crate-1"):
        await page.get_by_role("checkbox", name=f"Select {name}").focus()
        await page.keyboard.press("Space")
    await page.get_by_role("checkbox", name="Select crate-2").check()
    await expect(bar).to_contain_text("3 selected")
    await screenshot(page, tmp_path, "multiselect")
    assert await serious_violations(page) == []

    # crate-2 goes to the trash from elsewhere first: its deletion here is refused, named
    assert (await api.graphql(DELETE, {"id": ids["crate-2"]}))["assetDelete"]["errors"] == []
    page.once("dialog", accept)
    await page.get_by_role("button", name="Delete selected").click()
    await expect(page.locator(".toast-ok").filter(has_text="Moved to the trash: 2 assets")
                 ).to_be_visible()
    await expect(page.locator(".toast-error").filter(
        has_text=re.compile(r"Not deleted \(1 of 3\): crate-2: .+ \(NOT_FOUND\)"))).to_be_visible()
    # The library as the server lists it now: crate-2 is gone from it too
    await expect(tiles).to_have_count(2)
    await expect(page.locator("#asset-total")).to_have_text("2")
    await expect(bar).to_be_hidden()
    trashed = {edge["node"]["id"] for edge in (await api.graphql(TRASH))["trash"]["edges"]}
    assert trashed == {ids["crate-0"], ids["crate-1"], ids["crate-2"]}
    assert await ready_count(api) == 2

    # A tag the server refuses changes nothing, and says so for each; a good one is added to both
    await page.get_by_role("checkbox", name="Select crate-3").focus()
    await page.keyboard.press("Space")
    await page.get_by_role("button", name="Select all shown").focus()
    await page.keyboard.press("Enter")
    await expect(bar).to_contain_text("2 selected")
    tag = page.get_by_label("Tags for the selected assets")
    await tag.fill("x" * 65)
    await page.get_by_role("button", name="Add tags").click()
    await expect(page.locator(".toast-error").filter(
        has_text=re.compile(r"Tags not changed \(2 of 2\): crate-[34]: .+; crate-[34]: "))
    ).to_be_visible()
    await tag.fill("kept")
    await page.get_by_role("button", name="Add tags").click()
    await expect(page.locator(".toast-ok").filter(has_text="Tags changed on 2 assets")
                 ).to_be_visible()
    await expect(tiles.filter(has_text="kept")).to_have_count(2)
    for name in ("crate-3", "crate-4"):
        assert (await api.graphql(TAGS, {"id": ids[name]}))["asset"]["tags"] == ["kept"]
    assert problems == []
