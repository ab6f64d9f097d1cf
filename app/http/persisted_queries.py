"""Apollo's automatic persisted queries (APQ), as `@apollo/client/link/persisted-queries` speaks
them, for HTTP (POST and hash-only GET) and websocket operations.

A request whose `extensions.persistedQuery` is `{"version": 1, "sha256Hash": H}` and that has
no `query` runs the document stored under H; an unknown H answers `PersistedQueryNotFound` with
code PERSISTED_QUERY_NOT_FOUND (HTTP 200, which makes Apollo retry with the document), and the
retry, carrying both, is checked (sha256(query) == H, else INVALID_INPUT) and stored. With
ATELIER_PERSISTED_QUERIES_ONLY only documents already stored or on the allow-list run: any
other is refused FORBIDDEN, and nothing new is stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from graphql import GraphQLError, GraphQLFormattedError
from redis.asyncio import Redis

from app.config import Settings
from app.errors import ErrorCode
from app.services.persisted_queries import (
    SHA256_HEX,
    PersistedQueryStore,
    document_hash,
    load_allow_list,
)

NOT_FOUND_MESSAGE = "PersistedQueryNotFound"
NOT_FOUND_CODE = "PERSISTED_QUERY_NOT_FOUND"
SUPPORTED_VERSION = 1


class PersistedQueryRefused(Exception):
    """A request the persisted-query rules refuse before anything executes."""

    def __init__(self, message: str, code: str, status: int) -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.status = status

    def formatted(self, request_id: str | None = None) -> GraphQLFormattedError:
        extensions: dict[str, Any] = {"code": self.code}
        if request_id is not None:
            extensions["requestId"] = request_id
        return GraphQLError(self.message, extensions=extensions).formatted


NOT_FOUND = PersistedQueryRefused(NOT_FOUND_MESSAGE, NOT_FOUND_CODE, 200)
NOT_ALLOWED = PersistedQueryRefused(
    "only persisted queries may run on this server", ErrorCode.FORBIDDEN.value, 403)


def _invalid(message: str) -> PersistedQueryRefused:
    return PersistedQueryRefused(message, ErrorCode.INVALID_INPUT.value, 400)


def requested_hash(extensions: object) -> str | None:
    """The sha256Hash of a well-formed `persistedQuery` extension, None when there is none."""
    persisted = extensions.get("persistedQuery") if isinstance(extensions, dict) else None
    if persisted is None:
        return None
    if not isinstance(persisted, dict) or persisted.get("version") != SUPPORTED_VERSION:
        raise _invalid(f"persistedQuery must be {{version: {SUPPORTED_VERSION}, sha256Hash}}")
    digest = persisted.get("sha256Hash")
    if not isinstance(digest, str) or SHA256_HEX.fullmatch(digest) is None:
        raise _invalid("persistedQuery.sha256Hash must be 64 lower-case hex digits")
    return digest


@dataclass(frozen=True)
class PersistedQueries:
    """The rules at the endpoint: the allow-list, whether only persisted documents run, and how
    large a document may be stored (larger ones are refused by the query limits anyway)."""

    allow_list: dict[str, str]
    only_persisted: bool
    ttl_seconds: int
    max_stored_bytes: int

    @classmethod
    def from_settings(cls, settings: Settings) -> PersistedQueries:
        """The rules of `settings`; an unreadable or wrong allow-list stops the process with
        one line saying why, before it serves anything."""
        try:
            allow_list = load_allow_list(settings.persisted_queries_file)
        except (OSError, ValueError) as error:
            raise SystemExit(f"ATELIER_PERSISTED_QUERIES_FILE: {error}") from error
        return cls(allow_list, settings.persisted_queries_only,
                   settings.persisted_query_ttl_seconds, settings.max_query_bytes)

    def store(self, redis: Redis) -> PersistedQueryStore:
        return PersistedQueryStore(redis, ttl_seconds=self.ttl_seconds,
                                   allow_list=self.allow_list)

    async def document(self, redis: Redis, query: str | None, extensions: object) -> str | None:
        """The document to execute for this request, or PersistedQueryRefused."""
        store = self.store(redis)
        digest = requested_hash(extensions)
        if digest is None:
            if self.only_persisted and query is not None \
                    and await store.find(document_hash(query)) is None:
                raise NOT_ALLOWED
            return query
        if query is None:
            found = await store.find(digest)
            if found is None:
                raise NOT_FOUND
            return found
        if document_hash(query) != digest:
            raise _invalid("provided sha256Hash does not match the query")
        if await store.find(digest) is None:
            if self.only_persisted:
                raise NOT_ALLOWED
            if len(query.encode()) <= self.max_stored_bytes:
                await store.remember(digest, query)
        return query
