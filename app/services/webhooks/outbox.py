"""The delivery outbox in MongoDB: events recorded once per matching webhook, claimed by one
worker at a time under a lease, and finished with each attempt's result."""

from __future__ import annotations

import random
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from pymongo.errors import BulkWriteError

from app.models.common import utcnow
from app.models.webhook import DeliveryStatus, Webhook, WebhookDelivery
from app.services.point_writes import claim_first
from app.services.webhooks.sources import SourceEvent

_DUPLICATE_KEY = 11000


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int
    base_seconds: float

    def delay(self, attempts: int) -> timedelta:
        """The wait after the `attempts`-th failure: base * 2^(attempts-1), plus up to a
        quarter more so receivers coming back are not hit by every retry at once."""
        seconds = self.base_seconds * 2 ** (attempts - 1)
        return timedelta(seconds=seconds * random.uniform(1.0, 1.25))


@dataclass(frozen=True)
class Claim:
    delivery: WebhookDelivery
    token: str


async def record(events: Sequence[SourceEvent], retention: timedelta) -> int:
    """One delivery per (webhook, event) for each webhook of the event's owner that asked for
    it and existed when it happened, kept for `retention`; returns how many were new. Safe to
    repeat, and to run in several workers at once: the unique index keeps the first."""
    owners = list({event.owner for event in events})
    if not owners:
        return 0
    webhooks = await Webhook.find({"owner": {"$in": owners}}).to_list()
    wanted = [(webhook, event) for event in events for webhook in webhooks
              if webhook.owner == event.owner and event.name in webhook.events
              and event.at >= webhook.created_at]
    if not wanted:
        return 0
    existing = await WebhookDelivery.get_pymongo_collection().find(
        {"webhook_id": {"$in": list({webhook.id for webhook, _ in wanted})},
         "event_key": {"$in": list({event.key for _, event in wanted})}},
        {"webhook_id": 1, "event_key": 1}).to_list()
    recorded = {(document["webhook_id"], document["event_key"]) for document in existing}
    expires_at = utcnow() + retention
    fresh = [_delivery(webhook, event, expires_at) for webhook, event in wanted
             if (webhook.id, event.key) not in recorded]
    return await _insert_new(fresh)


def _delivery(webhook: Webhook, event: SourceEvent, expires_at: datetime) -> dict[str, Any]:
    delivery = WebhookDelivery(webhook_id=webhook.id, owner=webhook.owner, event=event.name,
                               event_key=event.key, occurred_at=event.at, payload=event.data,
                               expires_at=expires_at)
    document: dict[str, Any] = delivery.model_dump(by_alias=True)
    return document


async def _insert_new(documents: list[dict[str, Any]]) -> int:
    if not documents:
        return 0
    try:
        result = await WebhookDelivery.get_pymongo_collection().insert_many(
            documents, ordered=False)
    except BulkWriteError as error:
        failures = error.details.get("writeErrors", [])
        if any(failure.get("code") != _DUPLICATE_KEY for failure in failures):
            raise
        return int(error.details.get("nInserted", 0))
    return len(result.inserted_ids)


async def claim(lease: timedelta, now: datetime | None = None) -> Claim | None:
    """The most overdue pending delivery, held for `lease`: no other worker takes it until
    then, and if this one dies it is due again when the lease ends."""
    now = now or utcnow()
    token = secrets.token_hex(8)
    document = await claim_first(
        WebhookDelivery.get_pymongo_collection(),
        {"status": DeliveryStatus.PENDING.value, "next_attempt_at": {"$lte": now}},
        {"$set": {"next_attempt_at": now + lease, "claim": token}},
        sort=[("next_attempt_at", 1)])
    return None if document is None else Claim(WebhookDelivery.model_validate(document), token)


async def succeeded(claimed: Claim, response_status: int) -> bool:
    """Record a delivered attempt; False when the claim was lost (nothing is written)."""
    return await _finish(claimed, {"status": DeliveryStatus.SUCCEEDED.value,
                                   "response_status": response_status, "error": None,
                                   "delivered_at": utcnow()})


async def failed(claimed: Claim, policy: RetryPolicy, *, response_status: int | None,
                 error: str) -> DeliveryStatus | None:
    """Record a failed attempt: PENDING again after a backoff, or FAILED after the last
    attempt; None when the claim was lost."""
    attempts = claimed.delivery.attempts + 1
    status = (DeliveryStatus.FAILED if attempts >= policy.max_attempts
              else DeliveryStatus.PENDING)
    changes: dict[str, Any] = {"status": status.value, "response_status": response_status,
                               "error": error[:500]}
    if status is DeliveryStatus.PENDING:
        changes["next_attempt_at"] = utcnow() + policy.delay(attempts)
    return status if await _finish(claimed, changes) else None


async def forget(claimed: Claim) -> None:
    """Drop a delivery whose webhook was deleted after it was recorded."""
    await WebhookDelivery.get_pymongo_collection().delete_one(
        {"_id": claimed.delivery.id, "claim": claimed.token})


async def _finish(claimed: Claim, changes: dict[str, Any]) -> bool:
    result = await WebhookDelivery.get_pymongo_collection().update_one(
        {"_id": claimed.delivery.id, "claim": claimed.token},
        {"$set": {**changes, "claim": None}, "$inc": {"attempts": 1}})
    return result.modified_count == 1
