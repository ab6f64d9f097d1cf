"""Values read from one collection, kept between requests in one API process while nothing can
have changed them, so a request reads the database only when they may be out of date.

A value is served only while the process's change feed is open and has been open, without a
break, since the value was read: every change to the collection (this process's or another's)
then drops every value when the feed delivers it, and this process's own writes to it drop
them at once, as the driver sends them (`app.services.own_writes`). A value read while a change
was arriving is not kept. Another process's write is therefore seen once the feed delivers it
(milliseconds); the TTL bounds how long a value lives should the feed stall without failing.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from app.services.own_writes import OWN_WRITES

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class ChangeFollowing(Protocol):
    """What the cache needs of the change feed."""

    @property
    def is_open(self) -> bool: ...

    @property
    def epoch(self) -> int: ...

    def listen(self, collection: str, listener: Callable[[], None]) -> None: ...

    def start(self) -> None: ...


@dataclass(frozen=True)
class Ticket:
    """Where the cache stood when a value began to be read."""

    generation: int
    epoch: int


@dataclass(frozen=True)
class _Kept(Generic[V]):
    value: V
    stored_at: float
    epoch: int


class FeedCache(Generic[K, V]):
    def __init__(self, feed: ChangeFollowing | None, collection: str, *, seconds: float,
                 most: int = 10_000, clock: Callable[[], float] = time.monotonic) -> None:
        """`feed` None or `seconds` 0: nothing is kept. `most`: values kept at once; past it,
        expired ones go, and if none has expired, all of them."""
        self._feed = feed if seconds > 0 else None
        self._seconds = seconds
        self._most = most
        self._clock = clock
        self._values: dict[K, _Kept[V]] = {}
        self._generation = 0
        if self._feed is not None:
            self._feed.listen(collection, self.invalidate)
            OWN_WRITES.listen(collection, self)

    def get(self, key: K) -> V | None:
        """The value kept under `key`, if it is still known to be current."""
        if self._feed is None:
            return None
        self._feed.start()
        kept = self._values.get(key)
        if kept is None:
            return None
        if not self._feed.is_open or kept.epoch != self._feed.epoch or self._expired(kept):
            del self._values[key]
            return None
        return kept.value

    def ticket(self) -> Ticket:
        """Taken before reading a value, for `put`."""
        return Ticket(self._generation, self._feed.epoch if self._feed is not None else 0)

    def put(self, key: K, value: V, ticket: Ticket) -> None:
        """Keep a value read after `ticket`, unless a change arrived or the feed opened or
        closed since."""
        if (self._feed is None or not self._feed.is_open
                or ticket != Ticket(self._generation, self._feed.epoch)):
            return
        if len(self._values) >= self._most:
            self._values = {k: kept for k, kept in self._values.items()
                            if not self._expired(kept)}
            if len(self._values) >= self._most:
                self._values.clear()
        self._values[key] = _Kept(value, self._clock(), ticket.epoch)

    def invalidate(self) -> None:
        """Drop every value: something in the collection changed."""
        self._values.clear()
        self._generation += 1

    def _expired(self, kept: _Kept[V]) -> bool:
        return self._clock() - kept.stored_at >= self._seconds
