"""The IdempotencyRecord document: a creating mutation's first result, kept for its key."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pymongo
from beanie import Document
from pydantic import Field
from pymongo import IndexModel

from app.models.common import utcnow


class IdempotencyRecord(Document):
    """One per owner and idempotency key: which request it was (a fingerprint), and the ids it
    created once it succeeded (`result` is None while the first request still runs)."""

    id: str  # type: ignore[assignment]  # derived from the owner and the key
    owner: str
    fingerprint: str
    result: dict[str, Any] | None = None
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime

    class Settings:
        name = "idempotency_keys"
        indexes = [IndexModel([("expires_at", pymongo.ASCENDING)], expireAfterSeconds=0)]
