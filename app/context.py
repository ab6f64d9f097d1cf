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
    # A websocket lives long: its loaders read afresh every time instead of caching.
    fresh_reads: bool = False
    loaders: Loaders = field(init=False)
    _signed_urls: dict[str, str] = field(default_factory=dict, init=False, repr=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.services.scenes, lambda: self.viewer,
                               cache=not self.fresh_reads)

    @property
    def viewer(self) -> Principal:
        if self.principal is None:
            raise Unauthenticated("an Authorization: Bearer token is required")
        return self.principal

    async def file_url(self, stored: StoredFile) -> str:
        """A signed URL of the file, signed once per request however often it is asked for
        (an asset's `files` and its `glbUrl` name the same GLB). A websocket signs each time:
        it outlives the URLs' expiry."""
        signed = self.file_url_now(stored)
        if signed is None:
            signed = await self.services.storage.download_url(
                stored.key,
                filename=stored.filename,
                content_type=stored.content_type,
                base_url=self.base_url,
                expires_in=self.services.settings.signed_url_ttl_seconds,
            )
            self._remember_url(stored, signed)
        return signed

    def file_url_now(self, stored: StoredFile) -> str | None:
        """`file_url` without awaiting, when that is possible: signed earlier in this request,
        or by a store that signs without I/O; None when only `file_url` can give it."""
        signed = None if self.fresh_reads else self._signed_urls.get(stored.key)
        if signed is None:
            signed = self.services.storage.download_url_now(
                stored.key,
                filename=stored.filename,
                content_type=stored.content_type,
                base_url=self.base_url,
                expires_in=self.services.settings.signed_url_ttl_seconds,
            )
            if signed is not None:
                self._remember_url(stored, signed)
        return signed

    def _remember_url(self, stored: StoredFile, signed: str) -> None:
        if not self.fresh_reads:
            self._signed_urls[stored.key] = signed
