"""Registering webhooks: create, list, find and delete an owner's webhooks, and read their
delivery logs. Managing needs ASSETS_WRITE; reading needs ASSETS_READ; each event also needs
the read scope of its domain, so a webhook never tells a token what it could not query."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.config import Settings
from app.errors import InvalidInput, NotFound, QuotaExceeded
from app.models.token import Scope
from app.models.webhook import Webhook, WebhookDelivery, WebhookEventName
from app.services.auth import Principal
from app.services.pagination import Page, paginate
from app.services.webhooks.targets import allowed_addresses, webhook_target

MIN_SECRET_LENGTH = 16
MAX_SECRET_LENGTH = 256

EVENT_SCOPES = {
    WebhookEventName.ASSET_READY: Scope.ASSETS_READ,
    WebhookEventName.ASSET_FAILED: Scope.ASSETS_READ,
    WebhookEventName.JOB_SUCCEEDED: Scope.JOBS_READ,
    WebhookEventName.JOB_FAILED: Scope.JOBS_READ,
    WebhookEventName.SCENE_CHANGED: Scope.SCENES_READ,
}


@dataclass(frozen=True)
class WebhookRegistry:
    allow_private: bool
    max_per_owner: int
    max_page_size: int

    @classmethod
    def from_settings(cls, settings: Settings) -> WebhookRegistry:
        return cls(settings.webhook_allow_private, settings.webhook_max_per_owner,
                   settings.max_page_size)

    async def create(self, principal: Principal, *, url: str,
                     events: Sequence[WebhookEventName], secret: str) -> Webhook:
        principal.require(Scope.ASSETS_WRITE)
        if not events:
            raise InvalidInput("name at least one event", field=["events"])
        for event in events:
            principal.require(EVENT_SCOPES[event])
        if not MIN_SECRET_LENGTH <= len(secret) <= MAX_SECRET_LENGTH:
            raise InvalidInput(f"the secret must be {MIN_SECRET_LENGTH} to {MAX_SECRET_LENGTH} "
                               "characters long", field=["secret"])
        target = webhook_target(url)
        await allowed_addresses(target, allow_private=self.allow_private)
        registered = await Webhook.find({"owner": principal.owner}).count()
        if registered >= self.max_per_owner:
            raise QuotaExceeded(f"an owner may register {self.max_per_owner} webhooks; "
                                f"{registered} are registered")
        webhook = Webhook(owner=principal.owner, url=url.strip(),
                          events=list(dict.fromkeys(events)), secret=secret)
        await webhook.insert()
        return webhook

    async def get_visible(self, principal: Principal, webhook_id: str) -> Webhook:
        principal.require(Scope.ASSETS_READ)
        return await self._owned(principal, webhook_id)

    async def delete(self, principal: Principal, webhook_id: str) -> Webhook:
        """Remove the webhook and its delivery log; a delivery in flight may still arrive."""
        principal.require(Scope.ASSETS_WRITE)
        webhook = await self._owned(principal, webhook_id)
        await Webhook.get_pymongo_collection().delete_one({"_id": webhook.id})
        await WebhookDelivery.get_pymongo_collection().delete_many({"webhook_id": webhook.id})
        return webhook

    async def list(self, principal: Principal, *, first: int | None, after: str | None,
                   last: int | None = None, before: str | None = None) -> Page[Webhook]:
        principal.require(Scope.ASSETS_READ)
        return await paginate(Webhook, principal.owner_query(), first=first, after=after,
                              last=last, before=before, max_size=self.max_page_size)

    async def deliveries(self, webhook: Webhook, *, first: int | None, after: str | None,
                         last: int | None = None, before: str | None = None
                         ) -> Page[WebhookDelivery]:
        """The delivery log of a webhook the caller already found visible, newest first."""
        return await paginate(WebhookDelivery, {"webhook_id": webhook.id}, first=first,
                              after=after, last=last, before=before,
                              max_size=self.max_page_size)

    @staticmethod
    async def _owned(principal: Principal, webhook_id: str) -> Webhook:
        webhook = await Webhook.get(webhook_id)
        if webhook is None or not principal.can_access(webhook.owner):
            raise NotFound(f"no webhook with id {webhook_id}", field=["id"])
        return webhook
