"""GraphQL types of API tokens: the token, its creation input and payloads."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from app.schema.common import UserError


@strawberry.enum
class Scope(Enum):
    ASSETS_READ = "ASSETS_READ"
    ASSETS_WRITE = "ASSETS_WRITE"
    SCENES_READ = "SCENES_READ"
    SCENES_WRITE = "SCENES_WRITE"
    JOBS_READ = "JOBS_READ"
    JOBS_WRITE = "JOBS_WRITE"
    ADMIN = "ADMIN"


@strawberry.type(description="A bearer token of an owner; its secret is shown once, at creation.")
class ApiToken:
    id: strawberry.ID
    owner: str
    name: str
    scopes: list[Scope]
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None


@strawberry.input
class ApiTokenCreateInput:
    owner: str
    name: str = ""
    scopes: list[Scope]
    expires_at: datetime | None = None


@strawberry.type
class ApiTokenCreatePayload:
    token: ApiToken | None = None
    secret: str | None = strawberry.field(default=None, description="Shown once; store it now")
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class ApiTokenRevokePayload:
    token: ApiToken | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
