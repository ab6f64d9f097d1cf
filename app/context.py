"""The per-request (or per-websocket) context: who is calling, DataLoaders and services."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.websockets import WebSocket

from app.errors import Unauthenticated
from app.resolvers.loaders import Loaders
from app.services.auth import Principal
from app.services.container import Services


@dataclass
class Context:
    services: Services
    base_url: str
    request: Request | WebSocket
    response: Any = None
    principal: Principal | None = None
    connection_params: dict[str, Any] | None = None
    # A websocket lives long: its loaders read afresh every time instead of caching.
    fresh_reads: bool = False
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.services.scenes, lambda: self.viewer,
                               cache=not self.fresh_reads)

    @property
    def viewer(self) -> Principal:
        if self.principal is None:
            raise Unauthenticated("an Authorization: Bearer token is required")
        return self.principal

    async def file_url(self, key: str, filename: str, content_type: str) -> str:
        return await self.services.storage.download_url(
            key,
            filename=filename,
            content_type=content_type,
            base_url=self.base_url,
            expires_in=self.services.settings.signed_url_ttl_seconds,
        )
