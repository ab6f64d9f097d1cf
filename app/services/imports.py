"""assetImport: the server fetches a model from an https URL and ingests it like an upload.

Every hop (the URL and each redirect, re-checked) must resolve only to public addresses unless
ATELIER_IMPORT_ALLOW_PRIVATE (which also allows plain http, for tests on a local server); the
connection goes to the address that was checked, so a second lookup cannot lead elsewhere. The
body is capped at the upload cap and the whole fetch at ATELIER_IMPORT_TIMEOUT_SECONDS; quotas
and the job cap are checked before the first byte is read.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import unquote, urljoin

import httpx

from app.config import Settings
from app.errors import AtelierError, ErrorCode, InvalidInput, TooLarge
from app.models.token import Scope
from app.services.assets import AssetService, Uploaded, writable_project
from app.services.auth import Principal
from app.services.outbound import Target, parse_target, resolve_allowed
from app.services.storage.base import CHUNK_SIZE

PURPOSE = "import"
ALLOW_SETTING = "ATELIER_IMPORT_ALLOW_PRIVATE"
REDIRECTS = frozenset({301, 302, 303, 307, 308})
DEFAULT_FILENAME = "import"


@dataclass(frozen=True)
class ImportLimits:
    allow_private: bool = False
    timeout_seconds: float = 60
    max_redirects: int = 5
    max_bytes: int = 512 * 1024 * 1024

    @classmethod
    def from_settings(cls, settings: Settings) -> ImportLimits:
        return cls(settings.import_allow_private, settings.import_timeout_seconds,
                   settings.import_max_redirects, settings.max_upload_bytes)


class ImportService:
    def __init__(self, assets: AssetService, limits: ImportLimits) -> None:
        self.assets = assets
        self.limits = limits

    async def import_url(self, principal: Principal, *, url: str, name: str | None,
                         tags: list[str] | None, project_id: str | None = None) -> Uploaded:
        principal.require(Scope.ASSETS_WRITE)
        project_id = writable_project(principal, project_id)  # before anything is fetched
        first = self._checked(url)
        try:
            async with asyncio.timeout(self.limits.timeout_seconds):
                return await self.assets.upload(
                    principal, filename=_filename(first), chunks=self._body(url), name=name,
                    tags=tags, project_id=project_id)
        except TimeoutError as exc:
            raise AtelierError(f"fetching the URL took longer than "
                               f"{self.limits.timeout_seconds:g} s", code=ErrorCode.TIMEOUT,
                               field=["url"]) from exc

    def _checked(self, url: str) -> Target:
        schemes = ("https", "http") if self.limits.allow_private else ("https",)
        if url.split(":", 1)[0].lower() not in schemes:
            raise _refuse("import URLs must be https")
        return parse_target(url, PURPOSE)

    async def _body(self, url: str) -> AsyncIterator[bytes]:
        """The body of `url` after at most `max_redirects` checked redirects."""
        async with httpx.AsyncClient(follow_redirects=False, trust_env=False,
                                     limits=httpx.Limits(max_keepalive_connections=0)) as http:
            for _ in range(self.limits.max_redirects + 1):
                target = self._checked(url)
                addresses = await resolve_allowed(
                    target, purpose=PURPOSE, allow_private=self.limits.allow_private,
                    allow_setting=ALLOW_SETTING)
                extensions = {"sni_hostname": target.host} if target.scheme == "https" else {}
                request = http.build_request("GET", target.url_for(addresses[0]),
                                             headers={"Host": target.host_header},
                                             extensions=extensions)
                response = await _send(http, request)
                try:
                    if response.status_code in REDIRECTS and "location" in response.headers:
                        url = urljoin(url, response.headers["location"])
                        continue
                    if response.status_code != 200:
                        raise _refuse(f"the URL answered HTTP {response.status_code}")
                    declared = response.headers.get("content-length", "")
                    if declared.isdigit() and int(declared) > self.limits.max_bytes:
                        raise TooLarge(f"the file is larger than the limit of "
                                       f"{self.limits.max_bytes} bytes")
                    async for chunk in response.aiter_bytes(CHUNK_SIZE):
                        yield chunk
                    return
                finally:
                    await response.aclose()
        raise _refuse(f"the URL redirected more than {self.limits.max_redirects} times")


async def _send(http: httpx.AsyncClient, request: httpx.Request) -> httpx.Response:
    try:
        return await http.send(request, stream=True)
    except httpx.HTTPError as fault:
        raise _refuse(f"the URL could not be fetched: {type(fault).__name__}") from fault


def _filename(target: Target) -> str:
    path = target.path.split("?", 1)[0]
    return PurePosixPath(unquote(path)).name or DEFAULT_FILENAME


def _refuse(message: str) -> InvalidInput:
    return InvalidInput(message, field=["url"])
