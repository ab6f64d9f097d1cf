"""This process's own writes to each collection, seen as the driver sends them: what caches a
collection's documents drops them before the write can land, and again once it has, so a
request that follows a write in this process never reads a value from before it.

The listener is on every client `open_mongo` makes. A write inside a transaction lands at its
commit, whose command names no collection: a commit or abort drops every collection's values.
"""

from __future__ import annotations

import weakref
from typing import Protocol

from pymongo import monitoring

_WRITES = frozenset({"insert", "update", "delete", "findAndModify"})
# A transaction's end, and a client-level bulkWrite (its collections named inside it), are
# treated as writes to every collection.
_WRITES_TO_ANY = frozenset({"commitTransaction", "abortTransaction", "bulkWrite"})


class Invalidated(Protocol):
    def invalidate(self) -> None: ...


class OwnWrites(monitoring.CommandListener):
    def __init__(self) -> None:
        # Weakly: a cache that is gone (its services closed) stops listening.
        self._listeners: dict[str, weakref.WeakSet[Invalidated]] = {}
        self._in_flight: dict[int, str | None] = {}

    def listen(self, collection: str, cache: Invalidated) -> None:
        """Call `cache.invalidate` when a write to `collection` (or a transaction's end) is
        sent and again when it is answered."""
        self._listeners.setdefault(collection, weakref.WeakSet()).add(cache)

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        name = event.command_name
        if name in _WRITES:
            collection = event.command.get(name)
            target = collection if isinstance(collection, str) else None
        elif name in _WRITES_TO_ANY:
            target = None
        else:
            return
        self._in_flight[event.request_id] = target
        self._tell(target)

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        self._ended(event.request_id)

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        # A write that failed may still have changed something (a timeout after it applied).
        self._ended(event.request_id)

    def _ended(self, request_id: int) -> None:
        if request_id in self._in_flight:
            self._tell(self._in_flight.pop(request_id))

    def _tell(self, collection: str | None) -> None:
        if collection is None:
            caches = [each for group in self._listeners.values() for each in list(group)]
        else:
            caches = list(self._listeners.get(collection, ()))
        for cache in caches:
            cache.invalidate()


# One per process: every client of this process reports to it, whichever cache listens.
OWN_WRITES = OwnWrites()
