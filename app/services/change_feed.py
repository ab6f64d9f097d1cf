"""One MongoDB change stream per process, fanned out in memory: each change is read and decoded
once, then handed to the local followers of its keys, each through a bounded queue.

A listener of a collection is told of every change to it (deletes included) without a queue:
what caches a collection's documents drops them. `epoch` counts the stream's openings and
closings, so a cache knows whether it has followed every change since it read.

The stream resumes from its last token after a fault, so a change committed while it was down
still arrives. While it cannot read, every follower is ended with SERVICE_UNAVAILABLE (its
client resumes from its last position); a follower that falls too far behind is ended with
LIMIT_EXCEEDED and its queue freed.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from typing import Any

from pymongo.asynchronous.change_stream import AsyncChangeStream
from pymongo.asynchronous.database import AsyncDatabase
from pymongo.errors import OperationFailure, PyMongoError

from app.errors import AtelierError, LimitExceeded, ServiceUnavailable

log = logging.getLogger(__name__)

# A decoder turns one change of its collection into (the keys it concerns, a value), or None.
Decoder = Callable[[dict[str, Any]], tuple[Iterable[str], object] | None]
# A listener is called for each change to its collection, on the feed's own task.
Listener = Callable[[], None]

_CHANGE_STREAM_HISTORY_LOST = 286
_LONGEST_BACKOFF_SECONDS = 5.0
# How long the server holds a getMore open when nothing changed (well under socket timeouts).
_SERVER_WAIT_MS = 1000


class Follower:
    """The values of one key for one stream, in commit order."""

    def __init__(self, capacity: int) -> None:
        self._capacity = capacity
        self._values: deque[object] = deque()
        self._arrived = asyncio.Event()
        self._failure: AtelierError | None = None

    async def next(self) -> object:
        while not self._values:
            if self._failure is not None:
                raise self._failure
            self._arrived.clear()
            await self._arrived.wait()
        return self._values.popleft()

    def offer(self, value: object) -> None:
        if self._failure is not None:
            return
        if len(self._values) >= self._capacity:
            self._values.clear()
            self.fail(LimitExceeded(f"this subscriber fell {self._capacity} events behind; "
                                    "resume from the last event it received"))
            return
        self._values.append(value)
        self._arrived.set()

    def fail(self, error: AtelierError) -> None:
        if self._failure is None:
            self._failure = error
            self._arrived.set()


class ChangeFeed:
    def __init__(self, database: AsyncDatabase[dict[str, Any]], decoders: Mapping[str, Decoder],
                 *, queue_size: int, open_timeout: float) -> None:
        self._database = database
        self._decoders = dict(decoders)
        self._queue_size = queue_size
        self._open_timeout = open_timeout
        self._listeners: dict[str, list[Listener]] = {}
        self._followers: dict[str, set[Follower]] = {}
        self._open = asyncio.Event()
        self._epoch = 0
        self._wanted = asyncio.Event()  # a follower waits: retry now rather than after backoff
        self._reader: asyncio.Task[None] | None = None

    @property
    def is_open(self) -> bool:
        """Whether the stream is open now: every change committed from now on is delivered."""
        return self._open.is_set()

    @property
    def epoch(self) -> int:
        """Rises each time the stream opens or closes."""
        return self._epoch

    def listen(self, collection: str, listener: Listener) -> None:
        """Call `listener` for every change to `collection`; only before the stream starts,
        which watches the collections known when it opens."""
        if self._reader is not None:
            raise RuntimeError("listen before the change feed starts")
        self._listeners.setdefault(collection, []).append(listener)

    def start(self) -> None:
        """Start reading (once; a fault is retried); `follow` starts it as well."""
        if self._reader is None or self._reader.done():
            self._reader = asyncio.create_task(self._read(), name="change-feed")
            self._reader.add_done_callback(self._reader_ended)

    @contextlib.asynccontextmanager
    async def follow(self, key: str) -> AsyncIterator[Follower]:
        """Yields once the change stream is open, so every change committed after this point
        reaches the follower; SERVICE_UNAVAILABLE if it cannot open in time."""
        follower = Follower(self._queue_size)
        self._followers.setdefault(key, set()).add(follower)
        try:
            self.start()
            self._wanted.set()
            try:
                await asyncio.wait_for(self._open.wait(), self._open_timeout)
            except TimeoutError as exc:
                raise ServiceUnavailable("live updates are unavailable: the database does not "
                                         "answer; retry shortly") from exc
            yield follower
        finally:
            followers = self._followers.get(key, set())
            followers.discard(follower)
            if not followers:
                self._followers.pop(key, None)

    async def close(self) -> None:
        if self._reader is not None and not self._reader.done():
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader

    async def _read(self) -> None:
        token: Mapping[str, Any] | None = None
        backoff = 0.1
        while True:
            stream: AsyncChangeStream[dict[str, Any]] | None = None
            try:
                # The driver's timeouts (server selection, socket) bound each call: a timer of
                # our own would also fire when this process is merely busy, ending healthy streams.
                stream = await self._watch(token)
                self._set_open(True)
                backoff = 0.1
                while True:
                    change = await stream.try_next()
                    token = stream.resume_token
                    if change is not None:
                        self._dispatch(change)
            except PyMongoError as exc:
                log.warning("change feed interrupted, resuming: %s", exc)
                if isinstance(exc, OperationFailure) and exc.code == _CHANGE_STREAM_HISTORY_LOST:
                    token = None
                if self._open.is_set():
                    # Followers still waiting for the stream to open time out on their own.
                    self._set_open(False)
                    self._fail_all(ServiceUnavailable(
                        "live updates were interrupted by a database fault; resume from the "
                        "last event received"))
                if stream is not None:
                    with contextlib.suppress(PyMongoError, TimeoutError):
                        await asyncio.wait_for(stream.close(), 1.0)
                self._wanted.clear()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wanted.wait(), backoff)
                backoff = min(backoff * 2, _LONGEST_BACKOFF_SECONDS)

    async def _watch(self, token: Mapping[str, Any] | None) -> AsyncChangeStream[dict[str, Any]]:
        watched: list[dict[str, Any]] = [
            {"ns.coll": {"$in": list(self._decoders)},
             "operationType": {"$in": ["insert", "update", "replace"]}}]
        if self._listeners:
            watched.append({"ns.coll": {"$in": list(self._listeners)}})
        pipeline = [{"$match": {"$or": watched}}]
        return await self._database.watch(
            pipeline, full_document="updateLookup", resume_after=token,
            max_await_time_ms=_SERVER_WAIT_MS)

    def _dispatch(self, change: dict[str, Any]) -> None:
        for listener in self._listeners.get(change["ns"]["coll"], ()):
            listener()
        # Listeners keep the stream open without followers: decode only what someone follows.
        if not self._followers or change["operationType"] not in ("insert", "update", "replace"):
            return
        decoder = self._decoders.get(change["ns"]["coll"])
        document = change.get("fullDocument")
        if decoder is None or document is None:
            return
        try:
            decoded = decoder(document)
        except ValueError:
            log.exception("ignoring a change to %s that does not decode", change["ns"]["coll"])
            return
        if decoded is None:
            return
        keys, value = decoded
        for key in keys:
            for follower in list(self._followers.get(key, ())):
                follower.offer(value)

    def _reader_ended(self, reader: asyncio.Task[None]) -> None:
        # Only a bug ends the reader (faults are retried): end every stream rather than leave
        # it waiting; the next follower starts a new reader.
        if reader.cancelled() or reader.exception() is None:
            return
        log.error("change feed stopped", exc_info=reader.exception())
        self._set_open(False)
        self._fail_all(ServiceUnavailable("live updates stopped; resume from the last event "
                                          "received"))

    def _set_open(self, is_open: bool) -> None:
        if is_open != self._open.is_set():
            self._epoch += 1
        if is_open:
            self._open.set()
        else:
            self._open.clear()

    def _fail_all(self, error: AtelierError) -> None:
        for followers in self._followers.values():
            for follower in followers:
                follower.fail(error)
