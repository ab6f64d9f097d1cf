"""The signed request of one delivery attempt: a canonical JSON body and its headers, with
`X-Atelier-Signature: sha256=<hex HMAC-SHA256 of the raw body with the webhook's secret>`."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import datetime
from typing import Any

SIGNATURE_HEADER = "X-Atelier-Signature"


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def is_signed_by(secret: str, body: bytes, header: str) -> bool:
    """What a receiver checks, in constant time."""
    return hmac.compare_digest(signature(secret, body), header)


def delivery_body(delivery_id: str, event: str, occurred_at: datetime, data: dict[str, Any],
                  timestamp: int) -> bytes:
    """The body; it carries the send time too, so the signature covers it and a receiver can
    refuse an old body replayed to it."""
    document = {"id": delivery_id, "event": event, "createdAt": occurred_at.isoformat(),
                "timestamp": timestamp, "data": data}
    return json.dumps(document, separators=(",", ":"), sort_keys=True).encode()


def delivery_headers(secret: str, body: bytes, *, delivery_id: str, event: str,
                     timestamp: int) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "User-Agent": "Atelier-Webhooks/1",
        SIGNATURE_HEADER: signature(secret, body),
        "X-Atelier-Timestamp": str(timestamp),
        "X-Atelier-Event": event,
        "X-Atelier-Delivery": delivery_id,
    }
