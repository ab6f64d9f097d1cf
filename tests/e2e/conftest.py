"""Every test here drives the real stack (database, Redis, API and worker processes): they
form the slow lane, left out by `pytest -m "not slow"`."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, BrowserContext, async_playwright, expect

from tests.support.browser import CHROMIUM, CHROMIUM_ARGS, DESKTOP

# The suite runs in parallel on a few cores, where software WebGL can hold a page up for
# seconds: assertions on the page wait up to 15 s (Playwright's default is 5).
expect.set_options(timeout=15_000)

HERE = Path(__file__).parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if item.path.is_relative_to(HERE):
            item.add_marker(pytest.mark.slow)


@pytest.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    """Debian's Chromium, shared by one module's tests."""
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(executable_path=CHROMIUM,
                                                    args=CHROMIUM_ARGS)
        yield launched
        await launched.close()


@pytest.fixture
async def context(browser: Browser) -> AsyncIterator[BrowserContext]:
    """A fresh browser profile at the desktop size."""
    opened = await browser.new_context(viewport=DESKTOP)
    yield opened
    await opened.close()
