"""Each caller's access view kept between requests in one API process, so a request reads its
memberships only when they may have changed.

A view is served only while the process's change feed is open and has been open, without a
break, since the view was read: every change to a project (this process's or another's) then
drops every view when the feed delivers it, and this process's own membership writes drop
them at once. A view read while a change was arriving is not kept. The TTL bounds how long a
view lives should the feed stall without failing.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from app.services.access import ProjectAccess

# Views kept at most; past this, expired ones go, and if none has expired, all of them.
_MOST_VIEWS = 10_000


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
    """Where the cache stood when a view began to be read."""

    generation: int
    epoch: int


@dataclass(frozen=True)
class _Kept:
    access: ProjectAccess
    stored_at: float
    epoch: int


class AccessCache:
    def __init__(self, feed: ChangeFollowing | None, collection: str, *, seconds: float,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """`feed` None or `seconds` 0: nothing is kept."""
        self._feed = feed if seconds > 0 else None
        self._seconds = seconds
        self._clock = clock
        self._views: dict[str, _Kept] = {}
        self._generation = 0
        if self._feed is not None:
            self._feed.listen(collection, self.invalidate)

    def get(self, owner: str) -> ProjectAccess | None:
        """The owner's kept view, if it is still known to be current."""
        if self._feed is None:
            return None
        self._feed.start()
        kept = self._views.get(owner)
        if kept is None:
            return None
        if not self._feed.is_open or kept.epoch != self._feed.epoch or self._expired(kept):
            del self._views[owner]
            return None
        return kept.access

    def ticket(self) -> Ticket:
        """Taken before reading a view, for `put`."""
        return Ticket(self._generation, self._feed.epoch if self._feed is not None else 0)

    def put(self, owner: str, access: ProjectAccess, ticket: Ticket) -> None:
        """Keep a view read after `ticket`, unless a change arrived or the feed opened or
        closed since."""
        if (self._feed is None or not self._feed.is_open
                or ticket != Ticket(self._generation, self._feed.epoch)):
            return
        if len(self._views) >= _MOST_VIEWS:
            self._views = {o: k for o, k in self._views.items() if not self._expired(k)}
            if len(self._views) >= _MOST_VIEWS:
                self._views.clear()
        self._views[owner] = _Kept(access, self._clock(), ticket.epoch)

    def invalidate(self) -> None:
        """Drop every view: some project changed."""
        self._views.clear()
        self._generation += 1

    def _expired(self, kept: _Kept) -> bool:
        return self._clock() - kept.stored_at >= self._seconds
