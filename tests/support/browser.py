"""The browser harness of the demo page's tests: Debian's Chromium through Playwright (software
WebGL), a tab signed in through the `#token=` link that may reach only the API, screenshots kept
for CI, and axe-core's serious findings. The `browser` and `context` fixtures are
tests/e2e/conftest.py's."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.async_api import BrowserContext, Page, Route, expect

from app.http import demo
from tests.support.client import Api

CHROMIUM = shutil.which("chromium")
BUILT = (demo.DEMO_ROOT / "dist" / demo.BUNDLE).is_file()
NEEDS_BROWSER = pytest.mark.skipif(CHROMIUM is None or not BUILT,
                                   reason="needs Debian's chromium and the built demo page")

AXE = demo.DEMO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 390, "height": 844}
# Elements reaching past the right edge of the window (the innermost ones, which cause it), which
# would make the page scroll sideways.
OVERFLOWING = """(() => {
  const over = (e) => e.getBoundingClientRect().right > innerWidth + 1;
  return [...document.querySelectorAll('#app *')]
    .filter(e => over(e) && ![...e.children].some(over))
    .map(e => `${e.tagName.toLowerCase()}.${e.className}`)
    .slice(0, 8);
})()"""
CHROMIUM_ARGS = ["--no-sandbox", "--use-angle=swiftshader", "--enable-unsafe-swiftshader"]


def keep(path: Path) -> None:
    """Copies a screenshot to $ATELIER_TEST_ARTIFACTS, for CI to keep."""
    target = os.environ.get("ATELIER_TEST_ARTIFACTS")
    if target:
        Path(target).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(target) / path.name)


async def screenshot(page: Page, tmp_path: Path, name: str) -> None:
    path = tmp_path / f"demo-{name}.png"
    await page.screenshot(path=str(path), full_page=True)
    keep(path)


async def signed_in(context: BrowserContext, api: Api) -> tuple[Page, list[str]]:
    """A tab signed in through the `#token=` link, reaching only the API; `problems` collects
    refused URLs, console errors and uncaught exceptions."""
    page = await context.new_page()
    own = urlsplit(api.base_url).netloc
    problems: list[str] = []

    async def only_the_api(route: Route) -> None:
        if urlsplit(route.request.url).netloc == own:
            await route.continue_()
        else:
            problems.append(f"refused {route.request.url}")
            await route.abort()

    await page.route("**/*", only_the_api)
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    await page.goto(f"{api.base_url}/#token={api.token}")
    await expect(page.locator("#live-status")).to_have_text("Live", timeout=20_000)
    return page, problems


async def serious_violations(page: Page) -> list[dict]:
    """axe-core's serious and critical findings on the page as it is now, but for notices
    fading out: text mid-fade fails colour contrast by design for its last 0.4 s."""
    await page.evaluate(AXE.read_text())
    result = await page.evaluate("async () => (await axe.run({include: [document],"
                                 " exclude: [['.toast-leaving']]})).violations"
                                 ".filter(v => ['serious', 'critical'].includes(v.impact))"
                                 ".map(v => ({id: v.id, nodes: v.nodes.map(n => n.target)}))")
    return list(result)
