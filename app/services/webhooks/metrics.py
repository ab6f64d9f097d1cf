"""Webhook delivery counters kept in Redis, so /metrics on any API replica reports what every
worker delivered (as app/services/job_metrics.py does for jobs)."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import cast

from prometheus_client.core import CounterMetricFamily, Metric
from redis.asyncio import Redis

DELIVERIES_KEY = "atelier:metrics:webhook_deliveries"

# `retried`: an attempt failed and another is due; `failed`: the last attempt failed.
OUTCOMES = ("succeeded", "retried", "failed")


async def record_outcome(redis: Redis, event: str, outcome: str) -> None:
    async with redis.pipeline(transaction=False) as pipe:
        pipe.hincrby(DELIVERIES_KEY, f"{event}|{outcome}", 1)
        await pipe.execute()


async def collect(redis: Redis) -> list[Metric]:
    deliveries = CounterMetricFamily(
        "atelier_webhook_deliveries", "Webhook delivery attempts by event and outcome",
        labels=["event", "outcome"])
    # redis-py types the async client's hgetall as sync-or-async; it is async here.
    counts = await cast(Awaitable[dict[bytes, bytes]], redis.hgetall(DELIVERIES_KEY))
    for field, value in counts.items():
        event, outcome = field.decode().split("|", 1)
        deliveries.add_metric([event, outcome], float(value))
    return [deliveries]
