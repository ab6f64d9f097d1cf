"""Webhook fields: webhook/webhooks queries, webhookCreate and webhookDelete."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.context import Context
from app.errors import NotFound
from app.models.webhook import WebhookEventName
from app.resolvers.errors import errors_as_data
from app.resolvers.pages import After, Before, First, Last, connection
from app.resolvers.webhook_types import Webhook, WebhookConnection, registry
from app.schema.webhook import WebhookCreateInput, WebhookPayload

Info = strawberry.Info[Context, None]
WebhookId = Annotated[strawberry.ID, strawberry.argument(description="The webhook's id (whk_...)")]


@strawberry.type
class WebhookQuery:
    @strawberry.field(description="One of the viewer's webhooks (ASSETS_READ), or null.")
    async def webhook(self, info: Info, id: WebhookId) -> Webhook | None:
        try:
            found = await registry(info).get_visible(info.context.viewer, id)
        except NotFound:
            return None
        return Webhook.from_model(found)

    @strawberry.field(description="The viewer's webhooks (ASSETS_READ), newest first.")
    async def webhooks(self, info: Info, first: First = None, after: After = None,
                       last: Last = None, before: Before = None) -> WebhookConnection:
        page = await registry(info).list(info.context.viewer, first=first, after=after,
                                         last=last, before=before)
        return connection(page, Webhook.from_model)


@strawberry.type
class WebhookMutation:
    @strawberry.mutation(description="Register a webhook (ASSETS_WRITE, plus the read scope of "
                         "each event's domain). INVALID_INPUT for a URL that is not http(s) or "
                         "reaches a private address; QUOTA_EXCEEDED past the per-owner limit.")
    @errors_as_data(WebhookPayload)
    async def webhook_create(self, info: Info, input: Annotated[
            WebhookCreateInput, strawberry.argument(description="Its URL, events and secret")]
                             ) -> WebhookPayload:
        webhook = await registry(info).create(
            info.context.viewer, url=input.url, secret=input.secret,
            events=[WebhookEventName[event.name] for event in input.events])
        return WebhookPayload(webhook=Webhook.from_model(webhook))

    @strawberry.mutation(description="Delete a webhook and its delivery log (ASSETS_WRITE).")
    @errors_as_data(WebhookPayload)
    async def webhook_delete(self, info: Info, id: WebhookId) -> WebhookPayload:
        webhook = await registry(info).delete(info.context.viewer, id)
        return WebhookPayload(webhook=Webhook.from_model(webhook))
