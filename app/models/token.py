"""The ApiToken document: an owner's bearer token, stored as a hash of its secret."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

import pymongo
from beanie import Document
from pydantic import Field
from pymongo import IndexModel

from app.models.common import new_id, utcnow


class Scope(StrEnum):
    ASSETS_READ = "ASSETS_READ"
    ASSETS_WRITE = "ASSETS_WRITE"
    SCENES_READ = "SCENES_READ"
    SCENES_WRITE = "SCENES_WRITE"
    JOBS_READ = "JOBS_READ"
    JOBS_WRITE = "JOBS_WRITE"
    ADMIN = "ADMIN"


class ApiToken(Document):
    id: str = Field(default_factory=lambda: new_id("tok"))  # type: ignore[assignment]
    owner: str
    name: str
    scopes: list[Scope]
    secret_hash: str
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime | None = None
    revoked_at: datetime | None = None

    class Settings:
        name = "api_tokens"
        indexes = [
            IndexModel([("secret_hash", pymongo.ASCENDING)], unique=True),
            IndexModel([("owner", pymongo.ASCENDING), ("_id", pymongo.DESCENDING)]),
        ]
