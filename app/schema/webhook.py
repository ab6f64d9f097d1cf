"""GraphQL types of webhooks: the events, a webhook's own fields, its delivery log entries, the
creation input and the payload (a webhook's `deliveries` are resolved in app/resolvers)."""

from __future__ import annotations

from datetime import datetime
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import strawberry

from app.schema.common import UserError
from app.schema.node import Node

if TYPE_CHECKING:
    from app.resolvers.webhook_types import Webhook

WebhookRef = Annotated["Webhook", strawberry.lazy("app.resolvers.webhook_types")]


@strawberry.enum(description="What a webhook is told about; a delivered body's `event` holds "
                 "the dotted name shown with each value.")
class WebhookEvent(Enum):
    ASSET_READY = strawberry.enum_value(
        "asset.ready", description="`asset.ready`: an asset (or a new version) became READY.")
    ASSET_FAILED = strawberry.enum_value(
        "asset.failed", description="`asset.failed`: an asset's ingest ended FAILED.")
    JOB_SUCCEEDED = strawberry.enum_value(
        "job.succeeded", description="`job.succeeded`: a job ended SUCCEEDED.")
    JOB_FAILED = strawberry.enum_value(
        "job.failed", description="`job.failed`: a job ended FAILED (not when cancelled).")
    SCENE_CHANGED = strawberry.enum_value(
        "scene.changed", description="`scene.changed`: a scene was created or updated; one "
        "delivery per version.")


@strawberry.enum(description="Where a delivery stands.")
class WebhookDeliveryStatus(Enum):
    PENDING = strawberry.enum_value(
        "PENDING", description="Waiting for its first attempt or, after a failure, a retry.")
    SUCCEEDED = strawberry.enum_value(
        "SUCCEEDED", description="The endpoint answered 2xx.")
    FAILED = strawberry.enum_value(
        "FAILED", description="Every attempt failed; no more are made.")


@strawberry.type(description="One event sent, or to be sent, to a webhook; the fields of its "
                 "last attempt. Needs ASSETS_READ.")
class WebhookDelivery:
    id: strawberry.ID = strawberry.field(description="Sent as the X-Atelier-Delivery header "
                                         "and the body's `id`, the same on every attempt.")
    event: WebhookEvent = strawberry.field(description="The event delivered.")
    status: WebhookDeliveryStatus = strawberry.field(description="Where the delivery stands.")
    attempts: int = strawberry.field(description="Attempts made so far.")
    response_status: int | None = strawberry.field(
        description="The HTTP status of the last attempt, if the endpoint answered.")
    error: str | None = strawberry.field(description="Why the last attempt failed, if it did.")
    created_at: datetime = strawberry.field(description="When the delivery was recorded.")
    delivered_at: datetime | None = strawberry.field(
        description="When an attempt succeeded.")
    next_attempt_at: datetime | None = strawberry.field(
        description="When a PENDING delivery is next attempted.")


@strawberry.type
class WebhookFields(Node):
    """A webhook's own fields; its `deliveries` are resolved in
    app/resolvers/webhook_types.py's Webhook."""

    url: str = strawberry.field(description="Where deliveries are POSTed.")
    events: list[WebhookEvent] = strawberry.field(description="The events delivered to it.")
    created_at: datetime = strawberry.field(
        description="When it was registered; nothing that happened earlier is delivered.")


@strawberry.input(description="A webhook to register.")
class WebhookCreateInput:
    url: str = strawberry.field(description="An http(s) URL; private, loopback, link-local and "
                                "multicast addresses are refused.")
    events: list[WebhookEvent] = strawberry.field(description="The events to deliver; each "
                                                  "needs the read scope of its domain.")
    secret: str = strawberry.field(description="16 to 256 characters; each body is signed "
                                   "with it (X-Atelier-Signature: sha256=<hex HMAC-SHA256>). "
                                   "Never shown again.")


@strawberry.type(description="The result of webhookCreate or webhookDelete.")
class WebhookPayload:
    webhook: WebhookRef | None = strawberry.field(default=None, description="The webhook.")
    errors: list[UserError] = strawberry.field(default_factory=list,
                                               description="Why the mutation was refused.")
