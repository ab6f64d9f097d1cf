"""Principals and API tokens: who is calling, what they may do, and bearer-token checks."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from app.errors import Forbidden, InvalidInput, NotFound, Unauthenticated
from app.models.common import utcnow
from app.models.token import ApiToken, Scope
from app.services.access import ProjectAccess
from app.services.events import TOKEN_REVOKED_TOPIC, EventBus

ADMIN_OWNER = "admin"
TOKEN_PREFIX = "atl_"
# More tokens than one process sees in a cache period; past it the oldest entry goes.
MAX_CACHED_PRINCIPALS = 10_000


@dataclass(frozen=True)
class Principal:
    owner: str
    scopes: frozenset[Scope]
    token_id: str | None = None
    expires_at: datetime | None = None
    # The request's view of the caller's projects (app/services/access.py), set per request.
    access: ProjectAccess | None = None

    @property
    def projects(self) -> ProjectAccess:
        """The projects the caller reads and writes; its personal project alone until the
        request has read its memberships."""
        if self.access is not None:
            return self.access
        return ProjectAccess.unrestricted() if self.is_admin else ProjectAccess.personal(self.owner)

    @property
    def is_admin(self) -> bool:
        return Scope.ADMIN in self.scopes

    def has(self, scope: Scope) -> bool:
        return self.is_admin or scope in self.scopes

    def require(self, scope: Scope) -> None:
        if not self.has(scope):
            raise Forbidden(f"this token lacks the {scope.value} scope")

    def can_access(self, owner: str) -> bool:
        """Owners see only what they own; an admin sees everything."""
        return self.is_admin or owner == self.owner

    def owner_query(self) -> dict[str, Any]:
        return {} if self.is_admin else {"owner": self.owner}


ADMIN_PRINCIPAL = Principal(owner=ADMIN_OWNER, scopes=frozenset(Scope))


def hash_secret(secret: str) -> str:
    # Secrets are 256-bit random strings, so a plain SHA-256 is a safe, indexable hash.
    return hashlib.sha256(secret.encode()).hexdigest()


def bearer_secret(authorization: str | None) -> str | None:
    if not authorization:
        return None
    scheme, _, value = authorization.strip().partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise Unauthenticated("the Authorization header must be 'Bearer <token>'")
    return value.strip()


def is_valid(token: ApiToken | None, now: datetime) -> bool:
    return token is not None and token.revoked_at is None and (
        token.expires_at is None or token.expires_at > now)


class PrincipalCache:
    """Principals of checked tokens by secret hash, each for at most `seconds` and never past
    its token's expiry, so most requests skip the database.

    `forget` drops a revoked token at once. A lookup that began before a `forget` does not
    store its answer (the generation moved on), so a revocation cannot be undone by a request
    that read the token just before it.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.generation = 0
        self._entries: dict[str, tuple[Principal, float]] = {}

    def get(self, digest: str) -> Principal | None:
        entry = self._entries.get(digest)
        if entry is None:
            return None
        principal, deadline = entry
        if time.monotonic() < deadline:
            return principal
        del self._entries[digest]
        return None

    def put(self, digest: str, principal: Principal, generation: int) -> bool:
        """Store `principal` unless something was forgotten since `generation`; True if
        stored."""
        lifetime = self.seconds
        if principal.expires_at is not None:
            lifetime = min(lifetime, (principal.expires_at - utcnow()).total_seconds())
        if generation != self.generation or lifetime <= 0:
            return False
        if len(self._entries) >= MAX_CACHED_PRINCIPALS:
            del self._entries[next(iter(self._entries))]
        self._entries[digest] = (principal, time.monotonic() + lifetime)
        return True

    def forget(self, token_id: str | None) -> None:
        """Drop the token's principals; None (a notice that may have been missed) drops all."""
        self.generation += 1
        if token_id is None:
            self._entries.clear()
            return
        for digest in [d for d, (p, _) in self._entries.items() if p.token_id == token_id]:
            del self._entries[digest]


class TokenService:
    def __init__(self, admin_token: str | None, bus: EventBus, cache_seconds: float = 0) -> None:
        self._admin_hash = hash_secret(admin_token) if admin_token else None
        self._bus = bus
        self.cache = PrincipalCache(cache_seconds)
        # Called whenever a principal is cached: the revocation listener starts on it.
        self.on_cached: Callable[[], None] | None = None

    async def authenticate(self, authorization: str | None) -> Principal:
        """The principal for an `Authorization: Bearer` value; raises Unauthenticated."""
        secret = bearer_secret(authorization)
        if secret is None:
            raise Unauthenticated("an Authorization: Bearer token is required")
        digest = hash_secret(secret)
        if self._admin_hash and hmac.compare_digest(digest, self._admin_hash):
            return ADMIN_PRINCIPAL
        cached = self.cache.get(digest)
        if cached is not None:
            return cached
        generation = self.cache.generation
        token = await ApiToken.find_one({"secret_hash": digest})
        now = utcnow()
        if token is None or token.revoked_at is not None:
            raise Unauthenticated("the token is not valid")
        if token.expires_at is not None and token.expires_at <= now:
            raise Unauthenticated("the token has expired")
        principal = Principal(owner=token.owner, scopes=frozenset(token.scopes),
                              token_id=token.id, expires_at=token.expires_at)
        if self.cache.put(digest, principal, generation) and self.on_cached is not None:
            self.on_cached()
        return principal

    async def ensure_valid(self, principal: Principal) -> None:
        """Raises Unauthenticated when the principal's token was revoked or has expired since
        it signed in (a long-lived websocket asks before each operation)."""
        if principal.token_id is not None and await self.invalid_among([principal.token_id]):
            raise Unauthenticated("the token is no longer valid")

    async def invalid_among(self, token_ids: Collection[str]) -> set[str]:
        """Those of `token_ids` that are revoked, expired or deleted, in one query."""
        found = await ApiToken.find({"_id": {"$in": list(token_ids)}}).to_list()
        now = utcnow()
        return set(token_ids) - {token.id for token in found if is_valid(token, now)}

    async def create(
        self,
        principal: Principal | None,
        *,
        owner: str,
        name: str,
        scopes: list[Scope],
        expires_at: datetime | None = None,
    ) -> tuple[ApiToken, str]:
        """Create a token and return it with its secret, which is never stored or shown again."""
        if principal is not None:
            principal.require(Scope.ADMIN)
        owner, name = owner.strip(), name.strip()
        if not owner:
            raise InvalidInput("owner must not be empty", field=["owner"])
        if not scopes:
            raise InvalidInput("at least one scope is required", field=["scopes"])
        if expires_at is not None and expires_at <= utcnow():
            raise InvalidInput("expiresAt must be in the future", field=["expires_at"])
        secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
        token = ApiToken(
            owner=owner,
            name=name or owner,
            scopes=sorted(set(scopes)),
            secret_hash=hash_secret(secret),
            expires_at=expires_at,
        )
        await token.insert()
        return token, secret

    async def revoke(self, principal: Principal, token_id: str) -> ApiToken:
        principal.require(Scope.ADMIN)
        token = await ApiToken.get(token_id)
        if token is None:
            raise NotFound(f"no token with id {token_id}", field=["id"])
        if token.revoked_at is None:
            token.revoked_at = utcnow()
            await token.save()
        self.cache.forget(token.id)
        # Every API process closes the token's websockets when it hears this.
        await self._bus.publish(TOKEN_REVOKED_TOPIC, {"token_id": token.id})
        return token

    async def bootstrap_admin(self) -> str | None:
        """On a database with no admin token, create one and return its secret (printed once)."""
        if self._admin_hash is not None:
            return None
        if await ApiToken.find_one({"scopes": Scope.ADMIN.value, "revoked_at": None}):
            return None
        _, secret = await self.create(
            None, owner=ADMIN_OWNER, name="bootstrap admin", scopes=[Scope.ADMIN]
        )
        return secret
