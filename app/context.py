"""The per-request (or per-websocket) context: who is calling, DataLoaders and services."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from starlette.requests import Request
from starlette.websockets import WebSocket

from app.errors import Unauthenticated
from app.models.common import StoredFile
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
    loaders: Loaders = field(default_factory=Loaders)

    @property
    def viewer(self) -> Principal:
        if self.principal is None:
            raise Unauthenticated("an Authorization: Bearer token is required")
        return self.principal

    async def file_url(self, stored: StoredFile) -> str:
        settings = self.services.settings
        return await self.services.storage.download_url(
            stored.key,
            filename=stored.filename,
            content_type=stored.content_type,
            base_url=self.base_url,
            expires_in=settings.signed_url_ttl_seconds,
        )
