"""The worker's webhook task: the delivery loop, started with the worker and stopped with it."""

from __future__ import annotations

import asyncio
import contextlib

from app.services.container import Services
from app.services.webhooks.delivery import DeliveryLoop
from app.services.webhooks.sender import open_client


def start_webhook_deliveries(services: Services) -> asyncio.Task[None]:
    return asyncio.create_task(_deliver_forever(services), name="webhook-deliveries")


async def stop_webhook_deliveries(task: asyncio.Task[None]) -> None:
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def _deliver_forever(services: Services) -> None:
    settings = services.settings
    async with open_client(settings.webhook_timeout_seconds) as client:
        await DeliveryLoop.from_settings(settings, services.redis, client).run_forever()
