"""Pages of one collection's listing, and the counts behind their totalCount, kept between
requests in one API process while its change feed says nothing in the collection changed
(`FeedCache`'s gates): the catalog's first page, which every client opens and polls, is read
from the database once per change rather than once per request."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any, Generic, TypeVar

from app.services.feed_cache import ChangeFollowing, FeedCache
from app.services.pagination import Identified, Page

T = TypeVar("T", bound=Identified)


class PageCache(Generic[T]):
    def __init__(self, feed: ChangeFollowing | None, collection: str, *, seconds: float,
                 most: int) -> None:
        """`most` pages (and as many counts) at once; `seconds` 0 or no feed: none."""
        self._pages: FeedCache[str, Page[T]] = FeedCache(feed, collection, seconds=seconds,
                                                         most=most)
        self._counts: FeedCache[str, int] = FeedCache(feed, collection, seconds=seconds,
                                                      most=most)

    async def page(self, query: dict[str, Any], arguments: tuple[object, ...],
                   read: Callable[[], Awaitable[Page[T]]]) -> Page[T]:
        """The page `read` gives for `query` with the page's other `arguments` (order,
        cursors, size): kept, or read now and kept."""
        # The repr of plain data (dicts, lists, strings, numbers, enums, datetimes) names it.
        matching = repr(query)
        key = f"{matching} {arguments!r}"
        kept = self._pages.get(key)
        if kept is not None:
            return kept
        ticket = self._pages.ticket()
        page = await read()
        listed = replace(page, count=self._counted(matching, page.count))
        self._pages.put(key, listed, ticket)
        return listed

    def _counted(self, matching: str, count: Callable[[], Awaitable[int]]
                 ) -> Callable[[], Awaitable[int]]:
        async def counted() -> int:
            kept = self._counts.get(matching)
            if kept is not None:
                return kept
            ticket = self._counts.ticket()
            total = await count()
            self._counts.put(matching, total, ticket)
            return total

        return counted
