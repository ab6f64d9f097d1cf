"""Notices across processes through Redis pub/sub, fanned out to local subscribers.

Each process keeps one pub/sub connection. A notice follows a change already written to the
database, so a listener that misses one (a dropped connection) loses no state: it re-reads the
database, and `Subscription.next` wakes it periodically to do so. Token revocation is the one
notice today; GraphQL subscriptions (jobProgress, assetReady, sceneChanged) follow the
database's change stream instead (`change_feed`).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from collections.abc import AsyncIterator
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.client import PubSub
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

CHANNEL_PREFIX = "atelier:events:"

# Payload {"token_id": ...}: every API process closes that token's websockets.
TOKEN_REVOKED_TOPIC = "token-revoked"


class Subscription:
    """Messages of one topic for one local subscriber."""

    def __init__(self, topic: str) -> None:
        self.topic = topic
        self.queue: asyncio.Queue[dict[str, Any]] = asyncio.Queue(maxsize=1000)

    async def next(self, wait_seconds: float) -> dict[str, Any] | None:
        """The next message, or None after `wait_seconds` (time to re-check the database)."""
        try:
            return await asyncio.wait_for(self.queue.get(), wait_seconds)
        except TimeoutError:
            return None

    def deliver(self, message: dict[str, Any]) -> None:
        with contextlib.suppress(asyncio.QueueFull):
            # A full queue means a stalled client; it catches up from the database instead.
            self.queue.put_nowait(message)


class EventBus:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis
        self._pubsub: PubSub | None = None
        self._reader: asyncio.Task[None] | None = None
        self._subscribers: dict[str, set[Subscription]] = {}
        self._confirmed: dict[str, asyncio.Event] = {}
        self._lock = asyncio.Lock()

    async def publish(self, topic: str, payload: dict[str, Any]) -> None:
        await self._redis.publish(CHANNEL_PREFIX + topic, json.dumps(payload))

    @contextlib.asynccontextmanager
    async def subscribe(self, topic: str) -> AsyncIterator[Subscription]:
        """Yields once Redis has confirmed the subscription, so no later publish is missed."""
        subscription = Subscription(topic)
        await self._add(subscription)
        try:
            yield subscription
        finally:
            await self._remove(subscription)

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
        if self._pubsub is not None:
            await self._pubsub.aclose()  # type: ignore[no-untyped-call]  # redis-py leaves it unannotated

    async def _add(self, subscription: Subscription) -> None:
        channel = CHANNEL_PREFIX + subscription.topic
        async with self._lock:
            listeners = self._subscribers.setdefault(channel, set())
            listeners.add(subscription)
            if len(listeners) == 1:
                self._confirmed[channel] = asyncio.Event()
                if self._pubsub is None:
                    self._pubsub = self._redis.pubsub()
                await self._pubsub.subscribe(channel)
                self._ensure_reader(self._pubsub)
            confirmed = self._confirmed[channel]
        await asyncio.wait_for(confirmed.wait(), timeout=10)

    async def _remove(self, subscription: Subscription) -> None:
        channel = CHANNEL_PREFIX + subscription.topic
        async with self._lock:
            listeners = self._subscribers.get(channel, set())
            listeners.discard(subscription)
            if not listeners:
                self._subscribers.pop(channel, None)
                self._confirmed.pop(channel, None)
                if self._pubsub is not None:
                    with contextlib.suppress(RedisError, ConnectionError):
                        await self._pubsub.unsubscribe(channel)

    def _ensure_reader(self, pubsub: PubSub) -> None:
        # Started after the first subscribe, once the pub/sub connection exists.
        if self._reader is None or self._reader.done():
            self._reader = asyncio.create_task(self._read(pubsub), name="event-bus-reader")

    async def _read(self, pubsub: PubSub) -> None:
        while True:
            try:
                message = await pubsub.get_message(timeout=1.0)
            except (RedisError, ConnectionError, OSError) as exc:
                # redis-py reconnects and re-subscribes on the next call; subscribers re-read
                # the database meanwhile, so nothing is lost.
                log.warning("event bus connection error: %s", exc)
                await asyncio.sleep(0.5)
                continue
            if message is not None:
                self._dispatch(message)

    def _dispatch(self, message: dict[str, Any]) -> None:
        channel = message["channel"]
        channel = channel.decode() if isinstance(channel, bytes) else channel
        if message["type"] == "subscribe":
            if channel in self._confirmed:
                self._confirmed[channel].set()
            return
        if message["type"] != "message":
            return
        try:
            payload = json.loads(message["data"])
        except (TypeError, ValueError):
            log.warning("ignoring a malformed event on %s", channel)
            return
        for subscription in list(self._subscribers.get(channel, ())):
            subscription.deliver(payload)
