"""The delivery loop a worker runs: scan the logs for new events, then send the deliveries that
are due, a bounded number at once, each claimed under a lease so no two workers send it at the
same time."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from dataclasses import dataclass, field
from datetime import timedelta

import httpx
from pymongo.errors import PyMongoError
from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.config import Settings
from app.models.webhook import DeliveryStatus, Webhook
from app.services.webhooks import outbox, scanner
from app.services.webhooks.metrics import record_outcome
from app.services.webhooks.outbox import Claim, RetryPolicy
from app.services.webhooks.sender import attempt

log = logging.getLogger(__name__)

MAX_SENDS_AT_ONCE = 16
# A claim outlives the attempt's own limit by this much, so a live worker always records
# its result before another may take the delivery.
LEASE_MARGIN_SECONDS = 30


@dataclass
class DeliveryLoop:
    redis: Redis
    client: httpx.AsyncClient
    policy: RetryPolicy
    timeout_seconds: float
    poll_seconds: float
    allow_private: bool
    log_retention: timedelta
    _slots: asyncio.Semaphore = field(default_factory=lambda: asyncio.Semaphore(
        MAX_SENDS_AT_ONCE))
    _sending: set[asyncio.Task[None]] = field(default_factory=set)

    @classmethod
    def from_settings(cls, settings: Settings, redis: Redis, client: httpx.AsyncClient
                      ) -> DeliveryLoop:
        return cls(redis, client,
                   RetryPolicy(settings.webhook_max_attempts, settings.webhook_retry_base_seconds),
                   timeout_seconds=settings.webhook_timeout_seconds,
                   poll_seconds=settings.webhook_poll_seconds,
                   allow_private=settings.webhook_allow_private,
                   log_retention=timedelta(seconds=settings.webhook_log_retention_seconds))

    @property
    def lease(self) -> timedelta:
        return timedelta(seconds=self.timeout_seconds + LEASE_MARGIN_SECONDS)

    async def run_forever(self) -> None:
        try:
            while True:
                try:
                    await scanner.scan(self.log_retention)
                    await self._send_due()
                except PyMongoError as fault:
                    log.warning("webhook deliveries will try again: %s", fault)
                except Exception:  # one bad scan must not end deliveries until a restart
                    log.exception("webhook scan failed; trying again")
                await asyncio.sleep(self.poll_seconds)
        finally:
            await self._stop_sending()

    async def _send_due(self) -> None:
        while not self._slots.locked():
            claimed = await outbox.claim(self.lease)
            if claimed is None:
                return
            await self._slots.acquire()
            task = asyncio.create_task(self._deliver(claimed),
                                       name=f"webhook-{claimed.delivery.id}")
            self._sending.add(task)
            task.add_done_callback(self._sending.discard)

    async def _deliver(self, claimed: Claim) -> None:
        try:
            webhook = await Webhook.get(claimed.delivery.webhook_id)
            if webhook is None:
                await outbox.forget(claimed)
                return
            result = await attempt(self.client, webhook, claimed.delivery,
                                   allow_private=self.allow_private,
                                   timeout_seconds=self.timeout_seconds)
            if result.ok and result.response_status is not None:
                if await outbox.succeeded(claimed, result.response_status):
                    await self._count(claimed, "succeeded")
                return
            status = await outbox.failed(claimed, self.policy,
                                         response_status=result.response_status,
                                         error=result.error or "failed")
            if status is not None:
                await self._count(claimed, "failed" if status is DeliveryStatus.FAILED
                                  else "retried")
        except PyMongoError as fault:  # the claim lapses and the delivery is due again
            log.warning("webhook delivery %s not recorded: %s", claimed.delivery.id, fault)
        except Exception:  # likewise; a bug in one delivery must not go unheard
            log.exception("webhook delivery %s failed", claimed.delivery.id)
        finally:
            self._slots.release()

    async def _count(self, claimed: Claim, outcome: str) -> None:
        try:
            await record_outcome(self.redis, claimed.delivery.event.value, outcome)
        except RedisError as fault:
            log.warning("webhook metrics not recorded: %s", fault)

    async def _stop_sending(self) -> None:
        for task in list(self._sending):
            task.cancel()
        for task in list(self._sending):
            with contextlib.suppress(asyncio.CancelledError):
                await task
