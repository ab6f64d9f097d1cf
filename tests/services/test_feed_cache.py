"""The feed cache's gates (here keeping access views), on a feed whose state the test sets and
a clock it moves: a value is served only while the feed has stayed open since it was read and
for at most the TTL; a change, or a feed opening or closing, during a read keeps it from being
stored."""

from __future__ import annotations

from collections.abc import Callable

from app.services.access import ProjectAccess
from app.services.feed_cache import FeedCache

VIEW = ProjectAccess.personal("ada")


class Feed:
    def __init__(self) -> None:
        self.is_open = True
        self.epoch = 1
        self.listeners: dict[str, list[Callable[[], None]]] = {}
        self.starts = 0

    def listen(self, collection: str, listener: Callable[[], None]) -> None:
        self.listeners.setdefault(collection, []).append(listener)

    def start(self) -> None:
        self.starts += 1

    def change(self) -> None:
        for listener in self.listeners["projects"]:
            listener()

    def set_open(self, is_open: bool) -> None:
        self.is_open = is_open
        self.epoch += 1


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def cache_on(feed: Feed, clock: Clock, seconds: float = 5) -> FeedCache[str, ProjectAccess]:
    return FeedCache(feed, "projects", seconds=seconds, clock=clock)


def kept(cache: FeedCache[str, ProjectAccess]) -> ProjectAccess | None:
    cache.put("ada", VIEW, cache.ticket())
    return cache.get("ada")


def test_a_view_is_served_until_its_ttl_and_a_change_to_any_project_drops_it() -> None:
    feed, clock = Feed(), Clock()
    cache = cache_on(feed, clock)
    assert cache.get("ada") is None
    assert kept(cache) == VIEW and feed.starts == 2  # every look starts the feed if stopped
    clock.now += 4.9
    assert cache.get("ada") == VIEW
    clock.now += 0.1
    assert cache.get("ada") is None

    assert kept(cache) == VIEW
    feed.change()
    assert cache.get("ada") is None


def test_nothing_is_served_or_stored_while_the_feed_is_closed_or_after_it_reopened() -> None:
    feed, clock = Feed(), Clock()
    cache = cache_on(feed, clock)
    assert kept(cache) == VIEW
    feed.set_open(False)
    assert cache.get("ada") is None
    assert kept(cache) is None  # read while the feed was down: not kept
    feed.set_open(True)
    assert cache.get("ada") is None  # the view before the break is gone for good

    cache.put("ada", VIEW, cache.ticket())
    feed.set_open(False)
    feed.set_open(True)  # a break between the store and the look, unseen by the feed's state
    assert cache.get("ada") is None


def test_a_view_read_across_a_change_or_a_break_is_not_stored() -> None:
    feed, clock = Feed(), Clock()
    cache = cache_on(feed, clock)
    ticket = cache.ticket()
    feed.change()  # committed and delivered while the view was being read
    cache.put("ada", VIEW, ticket)
    assert cache.get("ada") is None

    ticket = cache.ticket()
    feed.set_open(False)
    feed.set_open(True)
    cache.put("ada", VIEW, ticket)
    assert cache.get("ada") is None

    ticket = cache.ticket()
    cache.invalidate()  # this process's own membership write
    cache.put("ada", VIEW, ticket)
    assert cache.get("ada") is None


def test_zero_seconds_or_no_feed_keeps_nothing() -> None:
    feed, clock = Feed(), Clock()
    assert kept(cache_on(feed, clock, seconds=0)) is None
    assert feed.listeners == {} and feed.starts == 0
    assert kept(FeedCache(None, "projects", seconds=5, clock=clock)) is None
