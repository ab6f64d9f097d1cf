"""Who an HTTP or websocket request acts as, for the audit log: principal, address, request id."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from app.http.request_id import request_id_of
from app.services.audit import Actor
from app.services.auth import Principal


def actor_at(scope: Mapping[str, Any], principal: Principal | None) -> Actor:
    """The client's address as uvicorn gives it (behind the proxy, its X-Forwarded-For)."""
    client = scope.get("client")
    return Actor(principal=principal, address=client[0] if client else None,
                 request_id=request_id_of(scope))
