"""The AuditEvent document: who did what to which object, when, from where, and how it ended;
and AuditAddress, the addresses each token has been used from."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import pymongo
from beanie import Document
from pydantic import Field
from pymongo import IndexModel

from app.models.common import new_id, utcnow


class AuditOutcome(StrEnum):
    SUCCEEDED = "SUCCEEDED"
    FAILED = "FAILED"  # an expected failure: the payload's errors, or a refused request
    ERROR = "ERROR"  # an unexpected one: the field raised


class AuditEvent(Document):
    id: str = Field(default_factory=lambda: new_id("aud"))  # type: ignore[assignment]
    action: str = Field(description="A mutation's field name, or sign_in, file_download")
    owner: str | None = Field(default=None, description="Who acted; None when anonymous")
    token_id: str | None = None
    object_id: str | None = None
    # The project of the object acted on, when it has one: its OWNERs read these events.
    project_id: str | None = None
    outcome: AuditOutcome = AuditOutcome.SUCCEEDED
    error_codes: list[str] = Field(default_factory=list)
    address: str | None = None
    request_id: str | None = None
    created_at: datetime = Field(default_factory=utcnow)
    # Set from ATELIER_AUDIT_RETENTION_SECONDS when written; the TTL index removes it then.
    expires_at: datetime

    class Settings:
        name = "audit_events"
        indexes = [
            IndexModel([("expires_at", pymongo.ASCENDING)], expireAfterSeconds=0),
            IndexModel([("owner", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
            IndexModel([("action", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
            IndexModel([("object_id", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
            IndexModel([("project_id", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
        ]


class AuditAddress(Document):
    """One per token and client address it was used from: a new one is a sign-in."""

    id: str  # type: ignore[assignment]  # "<token id or owner>|<address>"
    first_seen_at: datetime = Field(default_factory=utcnow)

    class Settings:
        name = "audit_addresses"
