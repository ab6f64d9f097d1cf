"""The one way a live stream runs: follow the change feed first, then read the database, then
send, resuming from a position (a job's sequence, a scene's version, an outcome's sequence).

Following before reading means a change committed during the read arrives twice at most, never
zero times; positions only rise, so a repeat is dropped. Authorisation is checked again for
every item before it is sent.
"""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from collections.abc import AsyncGenerator, Awaitable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from pymongo.errors import PyMongoError

from app.errors import ServiceUnavailable
from app.services.change_feed import ChangeFeed

T = TypeVar("T")
R = TypeVar("R")


@dataclass(frozen=True)
class Opening(Generic[T]):
    """What a stream sends first, read after it follows the feed, and where it then stands."""

    position: int
    items: list[T] = field(default_factory=list)
    finished: bool = False  # the subject is already terminal and the client has seen it all


class LiveSource(ABC, Generic[T]):
    """One kind of stream: its feed key, how to read it, and how its items are ordered."""

    key: str
    # Whether positions rise by exactly one, so a jump means items to read from the database.
    gapless: bool = False

    @abstractmethod
    async def opening(self) -> Opening[T]:
        """Read once the stream follows the feed: what to send first and where it stands."""

    @abstractmethod
    def accept(self, value: object) -> Sequence[T]:
        """The items a feed value carries for this stream (none if it is not this stream's)."""

    @abstractmethod
    def position(self, item: T) -> int:
        """Where the item stands in its stream; later items stand higher."""

    @abstractmethod
    def visible(self, item: T) -> bool:
        """Whether the viewer may see this item now."""

    def is_last(self, item: T) -> bool:
        """Whether the stream ends after this item (its subject is terminal)."""
        return False

    @abstractmethod
    async def read_after(self, position: int) -> list[T]:
        """Every item after `position`, from the database."""


async def live_stream(feed: ChangeFeed, source: LiveSource[T], *, read_timeout: float
                      ) -> AsyncGenerator[T, None]:
    async with feed.follow(source.key) as follower:
        opening = await database_read(source.opening(), read_timeout)
        for item in opening.items:
            if source.visible(item):
                yield item
            if source.is_last(item):
                return
        if opening.finished:
            return
        last = opening.position
        while True:
            items = [item for item in source.accept(await follower.next())
                     if source.position(item) > last]
            if items and source.gapless and source.position(items[0]) > last + 1:
                items = await database_read(source.read_after(last), read_timeout)
            for item in items:
                last = source.position(item)
                if source.visible(item):
                    yield item
                if source.is_last(item):
                    return


async def database_read(read: Awaitable[R], seconds: float) -> R:
    """`read`, or SERVICE_UNAVAILABLE when the database fails or takes longer than `seconds`."""
    try:
        async with asyncio.timeout(seconds):
            return await read
    except (PyMongoError, TimeoutError) as exc:
        raise ServiceUnavailable("the database does not answer; resume from the last event "
                                 "received") from exc
