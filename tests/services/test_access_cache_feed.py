"""The access view cache on the real database and change feed: a view is kept between
requests, dropped when another process changes the project, and never served while the feed
is down (the request reads the database instead, and fails with it)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

import pytest
from pymongo import AsyncMongoClient
from pymongo.errors import PyMongoError

from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models.project import ProjectRole
from app.services.container import opened_services
from tests.services.test_live_fanout import settings_for, viewer


async def within(seconds: float, holds: Callable[[], Awaitable[bool]]) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while not await holds():
        assert loop.time() < deadline, f"not within {seconds} s"
        await asyncio.sleep(0.05)


async def test_a_kept_view_follows_other_writers_and_is_unused_while_the_feed_is_down(
        redis_server: EmbeddedRedis, tmp_path: Path) -> None:
    private = EmbeddedDatabase(tmp_path / "db")
    private.start()
    try:
        # A TTL far past every deadline here: whatever is refused in time, the feed refused.
        settings = settings_for(private, redis_server, tmp_path / "objects",
                                dependency_timeout_seconds=1, access_cache_seconds=600)
        async with opened_services(settings) as services:
            projects, cache = services.projects, services.projects.access_cache
            owner = await projects.with_access(viewer("olga"))
            made = await projects.create(owner, "shared")
            owner = await projects.with_access(viewer("olga"))  # its own write shows at once
            await projects.set_member(owner, made.id, "max", ProjectRole.VIEWER)

            async def kept() -> bool:
                await projects.with_access(viewer("max"))
                return cache.get("max") is not None

            await within(10, kept)
            seen = await projects.with_access(viewer("max"))
            assert seen.projects.can_read(made.id)

            async with AsyncMongoClient[dict[str, object]](private.url) as other:
                await other[settings.database_name]["projects"].update_one(
                    {"_id": made.id}, {"$pull": {"members": {"owner": "max"}}})

            async def refused() -> bool:
                return not (await projects.with_access(viewer("max"))).projects.can_read(made.id)

            await within(2.5, refused)
            await within(10, kept)

            private.stop()

            async def feed_down() -> bool:
                return not services.live.feed.is_open

            await within(15, feed_down)
            assert cache.get("max") is None
            with pytest.raises(PyMongoError):
                await projects.with_access(viewer("max"))

            private.start()
            await within(20, kept)
            assert not (await projects.with_access(viewer("max"))).projects.can_read(made.id)
    finally:
        private.stop()
