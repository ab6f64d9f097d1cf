"""The Webhook type: its own fields, plus its delivery log, read page by page."""

from __future__ import annotations

import strawberry

from app.context import Context
from app.models import webhook as models
from app.resolvers.pages import After, Before, First, Last, connection
from app.schema.common import Connection
from app.schema.webhook import (
    WebhookDelivery,
    WebhookDeliveryStatus,
    WebhookEvent,
    WebhookFields,
)
from app.services.webhooks.registry import WebhookRegistry

Info = strawberry.Info[Context, None]


def registry(info: Info) -> WebhookRegistry:
    return WebhookRegistry.from_settings(info.context.services.settings)


@strawberry.type(description="An endpoint told of an owner's events, managed with ASSETS_WRITE "
                 "and read with ASSETS_READ.")
class Webhook(WebhookFields):
    model: strawberry.Private[models.Webhook]

    @classmethod
    def from_model(cls, webhook: models.Webhook) -> Webhook:
        return cls(id=strawberry.ID(webhook.id), url=webhook.url,
                   events=[WebhookEvent[event.name] for event in webhook.events],
                   created_at=webhook.created_at, model=webhook)

    @strawberry.field(description="Its delivery log, newest first.")
    async def deliveries(self, info: Info, first: First = None, after: After = None,
                         last: Last = None, before: Before = None
                         ) -> Connection[WebhookDelivery]:
        page = await registry(info).deliveries(self.model, first=first, after=after, last=last,
                                               before=before)
        return connection(page, delivery)


def delivery(found: models.WebhookDelivery) -> WebhookDelivery:
    pending = found.status is models.DeliveryStatus.PENDING
    return WebhookDelivery(
        id=strawberry.ID(found.id), event=WebhookEvent[found.event.name],
        status=WebhookDeliveryStatus[found.status.name], attempts=found.attempts,
        response_status=found.response_status, error=found.error,
        created_at=found.created_at, delivered_at=found.delivered_at,
        next_attempt_at=found.next_attempt_at if pending else None)


WebhookConnection = Connection[Webhook]
