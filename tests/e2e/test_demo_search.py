"""The demo page's library search, in Debian's Chromium against the real stack: the text search
(`assets(search:)`) with infinite scroll under it, the ordering select and its direction, the
creation-date range, typing debounced; the detail panel's quality report beside validation and
files; axe-core at a desktop and a phone size."""

from __future__ import annotations

import asyncio
import json
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import trimesh
from playwright.async_api import BrowserContext, Page, Request, expect

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

COUNT = "query($filter: AssetFilter) { assets(filter: $filter) { totalCount } }"
UPDATE = """mutation($id: ID!, $input: AssetUpdateInput!) {
  assetUpdate(id: $id, input: $input) { errors { code } } }"""
# More crates than the gallery's first page of 12, so a search pages under its own cursors.
CRATES = 14


def open_box() -> bytes:
    """An STL box with one of its six sides missing: not watertight."""
    box = trimesh.creation.box()
    data: bytes = trimesh.Trimesh(box.vertices, box.faces[2:]).export(file_type="stl")
    return data


async def upload_library(api: Api) -> dict[str, str]:
    """CRATES boxes tagged "crate" (crate-00 …), a sphere and an open box, all READY; their
    ids by name."""
    uploads = await asyncio.gather(
        *(api.upload(models.box_stl((1.0, 1.0, 1.0 + index / 10)), f"c{index}.stl",
                     name=f"crate-{index:02}", tags=["crate"]) for index in range(CRATES)),
        api.upload(models.sphere_obj(3), "ball.obj", name="ball"),
        api.upload(open_box(), "open.stl", name="open-box"))
    assert all(upload["errors"] == [] for upload in uploads)
    ready = {"filter": {"status": ["READY"]}}
    for _ in range(240):
        if (await api.graphql(COUNT, ready))["assets"]["totalCount"] == CRATES + 2:
            break
        await asyncio.sleep(0.25)
    assert (await api.graphql(COUNT, ready))["assets"]["totalCount"] == CRATES + 2
    return {upload["asset"]["name"]: upload["asset"]["id"] for upload in uploads}


async def tile_names(page: Page) -> list[str]:
    return await page.locator(".asset-tile .asset-name").all_inner_texts()


async def scroll_to_the_end(page: Page) -> None:
    sentinel = page.get_by_role("button", name="Load more assets")
    tiles = page.locator(".asset-tile")
    while await sentinel.is_visible():
        count = await tiles.count()
        await sentinel.evaluate("button => button.scrollIntoView()")
        await expect(tiles).not_to_have_count(count)


async def test_search_orders_dates_and_quality_report(
        context: BrowserContext, api: Api, tmp_path: Path) -> None:
    ids = await upload_library(api)
    for name in ("crate-03", "ball"):
        updated = await api.graphql(UPDATE, {"id": ids[name], "input": {
            "description": "Carved from walnut"}})
        assert updated["assetUpdate"]["errors"] == []
    page, problems = await signed_in(context, api)
    tiles = page.locator(".asset-tile")
    await expect(page.locator("#asset-total")).to_have_text(str(CRATES + 2))

    # Relevance is offered only with a search; direction only with an order
    order = page.get_by_label("Order by")
    assert await order.locator('option[value="RELEVANCE"]').is_disabled()
    await expect(page.get_by_label("Direction")).to_be_disabled()

    # Typing is debounced: one word typed key by key asks the server far fewer times
    searches: list[str | None] = []

    def heard(request: Request) -> None:
        # urql sends queries by GET while they fit in a URL, by POST otherwise.
        fields = parse_qs(urlsplit(request.url).query)
        body = json.loads(request.post_data) if request.method == "POST" else {
            "query": fields.get("query", [""])[0],
            "variables": json.loads(fields.get("variables", ["{}"])[0])}
        if "query DemoAssets(" in body.get("query", ""):
            searches.append(body["variables"].get("search"))

    page.on("request", heard)
    await page.get_by_label("Search").press_sequentially("walnut")
    await expect(tiles).to_have_count(2)
    page.remove_listener("request", heard)
    assert searches[-1] == "walnut"
    assert len(searches) < len("walnut"), searches
    assert sorted(await tile_names(page)) == ["ball", "crate-03"]

    # A search by tag in name order, scrolled page by page under its own cursors
    await page.get_by_label("Search").fill("crate")
    await expect(page.locator("#asset-total")).to_have_text(str(CRATES))
    await order.select_option("NAME")
    await page.get_by_label("Direction").select_option("ASC")
    await expect(tiles.first).to_contain_text("crate-00")
    assert await tiles.count() < CRATES
    await scroll_to_the_end(page)
    assert await tile_names(page) == [f"crate-{index:02}" for index in range(CRATES)]
    await page.get_by_label("Direction").select_option("DESC")
    await expect(tiles.first).to_contain_text(f"crate-{CRATES - 1:02}")

    # Clearing the search leaves relevance; most triangles first finds the sphere
    await order.select_option("RELEVANCE")
    await page.get_by_label("Search").fill("")
    await expect(order).to_have_value("")
    await order.select_option("TRIANGLES")
    await expect(page.locator("#asset-total")).to_have_text(str(CRATES + 2))
    await expect(tiles.first).to_contain_text("ball")

    # The creation dates: nothing was made before today, everything from today on
    today = date.today()
    await page.get_by_label("Created until").fill((today - timedelta(days=1)).isoformat())
    await expect(page.locator("#asset-total")).to_have_text("0")
    await expect(page.locator(".empty")).to_contain_text("No asset matches")
    await page.get_by_label("Created until").fill("")
    await page.get_by_label("Created from").fill(today.isoformat())
    await expect(page.locator("#asset-total")).to_have_text(str(CRATES + 2))

    # The open box's detail: its quality report names the hole, beside validation and files
    await page.get_by_label("Name contains").fill("open-box")
    await expect(tiles).to_have_count(1)
    await page.get_by_role("button", name="open-box").first.click()
    heading = page.get_by_role("heading", name="Quality")
    quality = page.locator(".detail-section").filter(has=heading)
    await expect(quality.locator('[data-quality="watertight"]')).to_have_text("not watertight")
    await expect(quality.locator('[data-quality="manifold"]')).to_have_text("manifold")
    findings = quality.get_by_role("list", name="Quality findings")
    await expect(findings).to_contain_text("OPEN_EDGES")
    await expect(findings).to_contain_text("\u00d7 4")
    await expect(page.get_by_role("heading", name="Validation")).to_be_visible()
    await expect(page.locator(".file").filter(has_text="ORIGINAL")).to_contain_text(" B")

    for viewport in (DESKTOP, PHONE):
        await page.set_viewport_size(viewport)
        await screenshot(page, tmp_path, f"search-{viewport['width']}")
        assert await serious_violations(page) == [], viewport
        assert await page.evaluate(OVERFLOWING) == [], viewport
    assert problems == []
