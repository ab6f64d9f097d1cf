"""Webhook documents: an owner's registered endpoints, each delivery to one (its outbox and log),
and the scanners' cursors over the durable event logs."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any

import pymongo
from beanie import Document
from pydantic import Field
from pymongo import IndexModel

from app.models.common import new_id, utcnow


class WebhookEventName(StrEnum):
    ASSET_READY = "asset.ready"
    ASSET_FAILED = "asset.failed"
    JOB_SUCCEEDED = "job.succeeded"
    JOB_FAILED = "job.failed"
    SCENE_CHANGED = "scene.changed"


class DeliveryStatus(StrEnum):
    PENDING = "PENDING"  # waiting for its first attempt or a retry
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"  # every attempt failed


class Webhook(Document):
    id: str = Field(default_factory=lambda: new_id("whk"))  # type: ignore[assignment]
    owner: str
    url: str
    events: list[WebhookEventName]
    # Kept readable: each delivery is signed with it. It is never returned by the API.
    secret: str
    created_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "webhooks"
        indexes = [
            IndexModel([("owner", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
            IndexModel([("created_at", pymongo.ASCENDING)]),
        ]


class WebhookDelivery(Document):
    """One event for one webhook. `event_key` names the event in its source log, and the
    unique (webhook, event_key) index makes recording it twice impossible. A claim pushes
    `next_attempt_at` one lease ahead, so a worker that dies mid-attempt hands it back."""

    id: str = Field(default_factory=lambda: new_id("whd"))  # type: ignore[assignment]
    webhook_id: str
    owner: str
    event: WebhookEventName
    event_key: str
    occurred_at: datetime
    payload: dict[str, Any]
    status: DeliveryStatus = DeliveryStatus.PENDING
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow)
    claim: str | None = None
    response_status: int | None = None
    error: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    delivered_at: datetime | None = None
    expires_at: datetime  # the log's retention; far beyond the last retry

    class Settings:
        name = "webhook_deliveries"
        indexes = [
            IndexModel([("webhook_id", pymongo.ASCENDING), ("event_key", pymongo.ASCENDING)],
                       unique=True),
            IndexModel([("webhook_id", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
            IndexModel([("status", pymongo.ASCENDING), ("next_attempt_at", pymongo.ASCENDING)]),
            IndexModel([("expires_at", pymongo.ASCENDING)], expireAfterSeconds=0),
        ]


class WebhookCursor(Document):
    """How far the scanners have read one source log: an asset outcome's sequence, or a time
    in the writers' clocks (re-read with an overlap, see app/services/webhooks/sources.py)."""

    id: str  # type: ignore[assignment]
    sequence: int = 0
    at: datetime | None = None

    class Settings:
        name = "webhook_cursors"
