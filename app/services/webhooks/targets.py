"""Webhook URLs under the outbound rules: checked at registration and again before each
delivery."""

from __future__ import annotations

from app.services.outbound import Target, parse_target, resolve_allowed

PURPOSE = "webhook"
ALLOW_SETTING = "ATELIER_WEBHOOK_ALLOW_PRIVATE"


def webhook_target(url: str) -> Target:
    return parse_target(url, PURPOSE)


async def allowed_addresses(target: Target, *, allow_private: bool) -> list[str]:
    return await resolve_allowed(target, purpose=PURPOSE, allow_private=allow_private,
                                 allow_setting=ALLOW_SETTING)
