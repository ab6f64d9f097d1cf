"""Open websockets per token: caps them across replicas and closes those whose token ends.

A socket's token ends when it is revoked (heard at once through the event bus, from any
replica), when it expires (a timer set for its `expires_at`) or, as a backstop for anything the
bus missed, when the check every `recheck_seconds` finds it invalid in the database.

The same revocation notices clear the token service's principal cache, so a token revoked on
one replica stops working for HTTP requests on every other at once; the listener starts with
the first cached principal, and each (re)subscription clears the whole cache, since notices
may have been missed while it was not listening.

Each token's open sockets are counted in one Redis sorted set shared by every replica: a
member per socket, scored with the time its lease ends. Each replica renews its sockets'
leases at every check, so the sockets of a replica that crashed stop counting once their
leases run out.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
import uuid
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass, field

from pymongo.errors import PyMongoError
from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.errors import RateLimited, ServiceUnavailable
from app.models.common import utcnow
from app.services.auth import Principal, TokenService
from app.services.events import TOKEN_REVOKED_TOPIC, EventBus

log = logging.getLogger(__name__)

KEY_PREFIX = "atelier:ws-sockets:"
# Leases outlive a few missed renewals, so a busy replica keeps its counts.
LEASE_RENEWALS = 5

# KEYS[1]: the token's set. ARGV: now, lease end, member, cap, key lifetime in seconds.
TAKE_SLOT = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[5])
return 1
"""

CloseSocket = Callable[[], Awaitable[None]]


@dataclass(eq=False)
class WatchedSocket:
    principal: Principal
    close: CloseSocket
    member: str = field(default_factory=lambda: uuid.uuid4().hex)
    expiry: asyncio.Task[None] | None = None

    @property
    def key(self) -> str:
        return KEY_PREFIX + (self.principal.token_id or f"owner:{self.principal.owner}")


class TokenWatch:
    def __init__(self, tokens: TokenService, bus: EventBus, redis: Redis, *,
                 recheck_seconds: float, max_sockets_per_token: int,
                 min_lease_seconds: float) -> None:
        self._tokens = tokens
        self._bus = bus
        self._redis = redis
        self._recheck_seconds = recheck_seconds
        self._lease_seconds = max(min_lease_seconds, LEASE_RENEWALS * recheck_seconds)
        self._max_sockets = max_sockets_per_token
        self._take_slot = redis.register_script(TAKE_SLOT)
        self._sockets: set[WatchedSocket] = set()
        self._task: asyncio.Task[None] | None = None
        tokens.on_cached = self._ensure_watching

    async def open(self, principal: Principal, close: CloseSocket) -> WatchedSocket:
        """Watch a signed-in socket; raises RateLimited when its token holds too many."""
        socket = WatchedSocket(principal, close)
        now = time.time()
        try:
            taken = await self._take_slot(
                keys=[socket.key],
                args=[now, now + self._lease_seconds, socket.member, self._max_sockets,
                      int(self._lease_seconds) + 1])
        except RedisError as error:
            raise ServiceUnavailable("websocket accounting is unavailable") from error
        if not taken:
            raise RateLimited(f"this token already holds {self._max_sockets} open websockets")
        self._sockets.add(socket)
        if principal.expires_at is not None:
            delay = (principal.expires_at - utcnow()).total_seconds()
            socket.expiry = asyncio.create_task(self._close_after(socket, delay))
        self._ensure_watching()
        return socket

    def _ensure_watching(self) -> None:
        if self._task is None or self._task.done():
            self._task = asyncio.create_task(self._watch(), name="token-watch")

    async def release(self, socket: WatchedSocket) -> None:
        self._sockets.discard(socket)
        if socket.expiry is not None:
            socket.expiry.cancel()
        with contextlib.suppress(RedisError):
            await self._redis.zrem(socket.key, socket.member)

    async def close(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task

    async def _watch(self) -> None:
        while True:
            try:
                async with self._bus.subscribe(TOKEN_REVOKED_TOPIC) as revocations:
                    self._tokens.cache.forget(None)
                    next_check = time.monotonic()
                    while True:
                        wait = max(next_check - time.monotonic(), 0.0)
                        message = await revocations.next(wait)
                        if message is not None:
                            self._tokens.cache.forget(message.get("token_id"))
                            await self._end({message.get("token_id")})
                        if time.monotonic() >= next_check:
                            next_check = time.monotonic() + self._recheck_seconds
                            await self._check()
            except (RedisError, PyMongoError, OSError, TimeoutError) as error:
                # Sockets already open stay watched; the next round subscribes again.
                log.warning("token watch interrupted: %s", error)
                await asyncio.sleep(self._recheck_seconds)

    async def _check(self) -> None:
        """The database's word on every watched token, and fresh leases for the rest."""
        if not self._sockets:
            return
        token_ids = {s.principal.token_id for s in self._sockets if s.principal.token_id}
        if token_ids:
            await self._end(await self._tokens.invalid_among(token_ids))
        lease_end = time.time() + self._lease_seconds
        async with self._redis.pipeline(transaction=False) as pipe:
            for socket in self._sockets:
                pipe.zadd(socket.key, {socket.member: lease_end}, xx=True)
                pipe.expire(socket.key, int(self._lease_seconds) + 1)
            await pipe.execute()

    async def _close_after(self, socket: WatchedSocket, delay: float) -> None:
        await asyncio.sleep(max(delay, 0.0))
        await self._close([socket])

    async def _end(self, token_ids: Collection[str | None]) -> None:
        await self._close([s for s in self._sockets if s.principal.token_id in token_ids])

    async def _close(self, sockets: list[WatchedSocket]) -> None:
        sockets = [socket for socket in sockets if socket in self._sockets]
        self._sockets.difference_update(sockets)
        results = await asyncio.gather(*(socket.close() for socket in sockets),
                                       return_exceptions=True)
        for error in results:
            if isinstance(error, Exception):
                log.warning("closing a websocket whose token ended: %s", error)
