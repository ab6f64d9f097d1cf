"""GraphiQL at `GET /graphql`, in Debian's Chromium with every request off this server refused:
the page loads from the API alone, offers the demo page's token, runs a query and a
subscription."""

from __future__ import annotations

import json
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.async_api import Browser, Page, Route

from tests.support import models
from tests.support.browser import CHROMIUM
from tests.support.client import Api

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="Debian's chromium is not installed")

EDITOR_VALUE = "el => el.CodeMirror.getValue()"
HEADERS_EDITOR = ".graphiql-editor-tool .graphiql-editor:not(.hidden) .CodeMirror"
RESULT = ".result-window .CodeMirror"


async def offline_page(browser: Browser, api_url: str, token: str | None) -> tuple[Page, list[str]]:
    """A page that can reach only the API; `refused` collects every other URL it asked for."""
    page = await browser.new_page()
    own = urlsplit(api_url).netloc
    refused: list[str] = []

    async def only_the_api(route: Route) -> None:
        if urlsplit(route.request.url).netloc == own:
            await route.continue_()
        else:
            refused.append(route.request.url)
            await route.abort()

    await page.route("**/*", only_the_api)
    if token is not None:
        await page.add_init_script(f"sessionStorage.setItem('atelier.token', {json.dumps(token)})")
    await page.goto(f"{api_url}/graphql")
    await page.wait_for_selector(".graphiql-container", timeout=30_000)
    return page, refused


async def run_in_editor(page: Page, document: str) -> dict:
    await page.eval_on_selector(
        ".graphiql-query-editor .CodeMirror",
        "(el, text) => el.CodeMirror.setValue(text)", document)
    # GraphiQL picks the operation name up from the editor's change event: let it land.
    await page.wait_for_timeout(300)
    await page.click(".graphiql-execute-button")
    await page.wait_for_function(
        f"() => document.querySelector({RESULT!r}).CodeMirror.getValue().includes('data')",
        timeout=30_000)
    return json.loads(await page.eval_on_selector(RESULT, EDITOR_VALUE))


async def test_the_page_is_served_by_the_api_with_its_bundle(api_url: str) -> None:
    async with httpx.AsyncClient() as http:
        page = await http.get(f"{api_url}/graphql", headers={"Accept": "text/html"})
        bundle = await http.get(f"{api_url}/demo/build/graphiql.js")
    assert page.status_code == 200
    assert "/demo/build/graphiql.js" in page.text
    assert "unpkg" not in page.text and "cdn" not in page.text.lower()
    assert bundle.status_code == 200 and len(bundle.content) > 100_000


async def test_offline_graphiql_offers_the_demo_token_and_runs_a_query(
        browser: Browser, api_url: str, api: Api) -> None:
    page, refused = await offline_page(browser, api_url, api.token)
    headers = await page.eval_on_selector(HEADERS_EDITOR, EDITOR_VALUE)
    assert json.loads(headers) == {"Authorization": f"Bearer {api.token}"}
    tabs = await page.locator(".graphiql-tab").count()
    assert tabs == 5

    result = await run_in_editor(page, "query Mine { assets(first: 1) { totalCount } }")

    assert result == {"data": {"assets": {"totalCount": 0}}}
    assert refused == []


async def test_without_a_token_the_headers_editor_waits_for_one(
        browser: Browser, api_url: str) -> None:
    page, refused = await offline_page(browser, api_url, None)
    headers = await page.eval_on_selector(HEADERS_EDITOR, EDITOR_VALUE)
    assert json.loads(headers) == {"Authorization": "Bearer "}
    assert refused == []


async def test_offline_graphiql_follows_a_job_over_a_subscription(
        browser: Browser, api_url: str, api: Api) -> None:
    uploaded = await api.upload(models.box_stl(), "box.stl")
    job_id = uploaded["job"]["id"]
    page, refused = await offline_page(browser, api_url, api.token)

    result = await run_in_editor(
        page, f'subscription {{ jobProgress(jobId: "{job_id}") {{ sequence job {{ id }} }} }}')

    assert result["data"]["jobProgress"]["job"]["id"] == job_id
    assert result["data"]["jobProgress"]["sequence"] >= 1
    assert refused == []
