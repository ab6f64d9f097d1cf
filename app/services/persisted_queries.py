"""Persisted GraphQL documents by SHA-256: registered ones in Redis (shared by every API replica,
expiring unless used), and an operator's allow-list file read once at start."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from pathlib import Path

from redis.asyncio import Redis

KEY_PREFIX = "atelier:persisted-query:"
SHA256_HEX = re.compile(r"[0-9a-f]{64}")


def document_hash(query: str) -> str:
    """The hash Apollo clients send: SHA-256 of the document's UTF-8 bytes, lower-case hex."""
    return hashlib.sha256(query.encode()).hexdigest()


def load_allow_list(path: Path | None) -> dict[str, str]:
    """hash → document from a JSON file: either a plain object of them, or Apollo's persisted
    query manifest (`{"operations": [{"id", "body"}, ...]}`). Every hash must match its body,
    so a mistyped file fails at start rather than refusing queries later."""
    if path is None:
        return {}
    data = json.loads(path.read_text())
    if isinstance(data, dict) and isinstance(data.get("operations"), list):
        pairs = [(entry.get("id"), entry.get("body")) for entry in data["operations"]]
    elif isinstance(data, dict):
        pairs = list(data.items())
    else:
        raise ValueError(f"{path}: expected a JSON object of sha256 hash → query")
    allowed: dict[str, str] = {}
    for digest, query in pairs:
        if not isinstance(digest, str) or not isinstance(query, str) \
                or document_hash(query) != digest:
            raise ValueError(f"{path}: entry {str(digest)[:16]}… is not the sha256 of its query")
        allowed[digest] = query
    return allowed


class PersistedQueryStore:
    def __init__(self, redis: Redis, *, ttl_seconds: int, allow_list: Mapping[str, str]) -> None:
        self.redis = redis
        self.ttl_seconds = ttl_seconds
        self.allow_list = allow_list

    async def find(self, digest: str) -> str | None:
        """The document with this hash; a registered one's expiry starts again when used."""
        allowed = self.allow_list.get(digest)
        if allowed is not None:
            return allowed
        stored: bytes | None = await self.redis.getex(KEY_PREFIX + digest, ex=self.ttl_seconds)
        return stored.decode() if stored is not None else None

    async def remember(self, digest: str, query: str) -> None:
        await self.redis.set(KEY_PREFIX + digest, query.encode(), ex=self.ttl_seconds)
