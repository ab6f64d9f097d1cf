"""The Redis event bus delivers across connections (as across processes) and only after a
subscription is confirmed, so nothing published afterwards is missed."""

from __future__ import annotations

import asyncio

from redis.asyncio import Redis

from app.embedded.redis import EmbeddedRedis
from app.services.events import EventBus


async def test_event_published_by_another_connection_reaches_subscriber(
    redis_server: EmbeddedRedis,
) -> None:
    subscriber_bus = EventBus(Redis.from_url(redis_server.url))
    publisher_bus = EventBus(Redis.from_url(redis_server.url))
    try:
        async with subscriber_bus.subscribe("job:one") as subscription:
            await publisher_bus.publish("job:one", {"sequence": 7})
            await publisher_bus.publish("job:other", {"sequence": 99})
            first = await subscription.next(5)
            second = await subscription.next(0.3)
    finally:
        await subscriber_bus.close()
        await publisher_bus.close()

    assert first == {"sequence": 7}
    assert second is None


async def test_two_local_subscribers_share_one_channel(redis_server: EmbeddedRedis) -> None:
    bus = EventBus(Redis.from_url(redis_server.url))
    try:
        async with bus.subscribe("asset-ready") as a, bus.subscribe("asset-ready") as b:
            await bus.publish("asset-ready", {"asset_id": "x"})
            got = await asyncio.gather(a.next(5), b.next(5))
        async with bus.subscribe("asset-ready") as again:
            await bus.publish("asset-ready", {"asset_id": "y"})
            later = await again.next(5)
    finally:
        await bus.close()

    assert got == [{"asset_id": "x"}, {"asset_id": "x"}]
    assert later == {"asset_id": "y"}
