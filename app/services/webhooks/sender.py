"""One delivery attempt over HTTP: resolve and check the address again, connect to exactly that
address (TLS still verified for the name), POST the signed body, follow no redirect and read no
response body, all within the attempt's time limit."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass

import httpx

from app.errors import InvalidInput
from app.models.webhook import Webhook, WebhookDelivery
from app.services.webhooks.signing import delivery_body, delivery_headers
from app.services.webhooks.targets import allowed_addresses, webhook_target


@dataclass(frozen=True)
class Attempt:
    response_status: int | None
    error: str | None

    @property
    def ok(self) -> bool:
        return self.error is None


def open_client(timeout_seconds: float) -> httpx.AsyncClient:
    # No pooled connections: a connection is pinned to one checked address and TLS name, and
    # must never carry a request for another webhook. No proxies from the environment either.
    return httpx.AsyncClient(follow_redirects=False, trust_env=False,
                             timeout=httpx.Timeout(timeout_seconds),
                             limits=httpx.Limits(max_keepalive_connections=0))


async def attempt(client: httpx.AsyncClient, webhook: Webhook, delivery: WebhookDelivery, *,
                  allow_private: bool, timeout_seconds: float) -> Attempt:
    timestamp = int(time.time())
    body = delivery_body(delivery.id, delivery.event.value, delivery.occurred_at,
                         delivery.payload, timestamp)
    headers = delivery_headers(webhook.secret, body, delivery_id=delivery.id,
                               event=delivery.event.value, timestamp=timestamp)
    try:
        async with asyncio.timeout(timeout_seconds):
            target = webhook_target(webhook.url)
            addresses = await allowed_addresses(target, allow_private=allow_private)
            extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
            async with client.stream("POST", target.url_for(addresses[0]), content=body,
                                     headers={**headers, "Host": target.host_header},
                                     extensions=extensions) as response:
                status = response.status_code
    except InvalidInput as refused:
        return Attempt(None, refused.message)
    except TimeoutError:
        return Attempt(None, f"no response within {timeout_seconds:g} s")
    except httpx.HTTPError as fault:
        return Attempt(None, f"{type(fault).__name__}: {fault}" if str(fault)
                       else type(fault).__name__)
    if 200 <= status < 300:
        return Attempt(status, None)
    if 300 <= status < 400:
        return Attempt(status, f"HTTP {status}: redirects are not followed")
    return Attempt(status, f"HTTP {status}")
