"""GraphQL types of API tokens: the token, its creation input and payloads."""

from __future__ import annotations

from datetime import datetime

import strawberry

from app.models import token as models
from app.schema.common import UserError

Scope = strawberry.enum(models.Scope, name="Scope")


@strawberry.type(description="A bearer token of an owner; its secret is shown once, at creation.")
class ApiToken:
    id: strawberry.ID
    owner: str
    name: str
    scopes: list[Scope]
    created_at: datetime
    expires_at: datetime | None
    revoked_at: datetime | None

    @classmethod
    def from_model(cls, token: models.ApiToken) -> ApiToken:
        return cls(id=strawberry.ID(token.id), owner=token.owner, name=token.name,
                   scopes=list(token.scopes), created_at=token.created_at,
                   expires_at=token.expires_at, revoked_at=token.revoked_at)


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
