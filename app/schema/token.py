"""GraphQL types of API tokens: the token, its creation input and payloads."""

from __future__ import annotations

from datetime import datetime
from enum import Enum

import strawberry

from app.schema.common import UserError
from app.schema.enums import described
from app.schema.node import Node


@described(description="What a token may do; each reads or writes one domain of its owner's "
           "objects.", values={
    "ASSETS_READ": "Read assets, their files and webhooks.",
    "ASSETS_WRITE": "Upload, convert and delete assets; manage webhooks.",
    "SCENES_READ": "Read scenes and their nodes.",
    "SCENES_WRITE": "Create and edit scenes.",
    "JOBS_READ": "Read jobs and follow them with jobProgress.",
    "JOBS_WRITE": "Submit renders, cancel jobs.",
    "ADMIN": "Everything, for every owner, and managing tokens.",
})
class Scope(Enum):
    ASSETS_READ = "ASSETS_READ"
    ASSETS_WRITE = "ASSETS_WRITE"
    SCENES_READ = "SCENES_READ"
    SCENES_WRITE = "SCENES_WRITE"
    JOBS_READ = "JOBS_READ"
    JOBS_WRITE = "JOBS_WRITE"
    ADMIN = "ADMIN"


@strawberry.type(description="A bearer token of an owner; its secret is shown once, at creation.")
class ApiToken(Node):
    owner: str = strawberry.field(description="Whose objects the token sees and makes.")
    name: str = strawberry.field(description="A label chosen at creation; may be empty.")
    scopes: list[Scope] = strawberry.field(description="What it may do.")
    created_at: datetime = strawberry.field(description="When it was made.")
    expires_at: datetime | None = strawberry.field(description=(
        "When it stops working; null: never."))
    revoked_at: datetime | None = strawberry.field(description=(
        "When apiTokenRevoke stopped it; null while it works."))


@strawberry.input(description="A token to make for an owner.")
class ApiTokenCreateInput:
    owner: str = strawberry.field(description=(
        "Any string naming the owner; tokens of one owner share its objects."))
    name: str = strawberry.field(default="", description="A label, to tell tokens apart")
    scopes: list[Scope] = strawberry.field(description="What it may do.")
    expires_at: datetime | None = strawberry.field(
        default=None, description="When it stops working; null: never")


@strawberry.type(description="The result of apiTokenCreate.")
class ApiTokenCreatePayload:
    token: ApiToken | None = strawberry.field(default=None, description=(
        "The token made; null on error."))
    secret: str | None = strawberry.field(default=None, description="Shown once; store it now")
    errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "Why no token was made; empty on success."))


@strawberry.type(description="The result of apiTokenRevoke.")
class ApiTokenRevokePayload:
    token: ApiToken | None = strawberry.field(default=None, description=(
        "The revoked token; null on error."))
    errors: list[UserError] = strawberry.field(default_factory=list, description=(
        "Why nothing was revoked; empty on success."))
