"""The principal cache never outlives a token: a revocation is refused at once on the replica
that made it, on every other as soon as Redis tells it, and within ATELIER_TOKEN_CACHE_SECONDS
when the notice is lost; an expiring token is refused at its `expiresAt`."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from app.embedded.process import ChildProcess
from tests.conftest import ADMIN_TOKEN
from tests.e2e.test_security_websockets import REVOKE, new_token, revoke_behind_the_bus
from tests.support.client import Api
from tests.support.stack import start_api

LONG_CACHE = {"ATELIER_TOKEN_CACHE_SECONDS": "60"}
SHORT_CACHE = {"ATELIER_TOKEN_CACHE_SECONDS": "2"}
ASK = "{ assets(first: 1) { totalCount } }"


@pytest.fixture(scope="module")
def replicas(stack_dir: Path, env: dict[str, str], api_url: str) -> Iterator[dict[str, Api]]:
    """Two API processes that trust a checked token for a minute, and one for two seconds."""
    started: dict[str, tuple[ChildProcess, str]] = {
        name: start_api({**env, **extra}, stack_dir / f"api-token-cache-{name}.log")
        for name, extra in (("first", LONG_CACHE), ("second", LONG_CACHE),
                            ("short", SHORT_CACHE))}
    yield {name: Api(url, ADMIN_TOKEN) for name, (_, url) in started.items()}
    for process, _ in started.values():
        process.stop()


async def cached_on(api: Api) -> None:
    """Makes `api` cache the token: its first check starts the replica's revocation listener,
    whose subscription clears the cache (notices may have been missed before it); the second,
    once it listens, stays cached."""
    assert (await api.post(ASK)).status_code == 200
    await asyncio.sleep(0.5)
    assert (await api.post(ASK)).status_code == 200


async def refused_after(api: Api, began: float, within: float) -> float:
    """Seconds from `began` until `api` answers 401; fails if it still answers after `within`."""
    while True:
        status = (await api.post(ASK)).status_code
        elapsed = time.monotonic() - began
        if status == 401:
            return elapsed
        assert status == 200
        assert elapsed < within, f"still accepted {elapsed:.1f} s after its revocation"
        await asyncio.sleep(0.02)


async def test_a_revoked_token_is_refused_at_once_where_it_was_revoked(
        replicas: dict[str, Api]) -> None:
    admin = replicas["first"]
    token_id, secret = await new_token(admin)
    owner = admin.with_token(secret)
    await cached_on(owner)

    revoked = await admin.graphql(REVOKE, {"id": token_id})
    refused = await owner.post(ASK)

    assert revoked["apiTokenRevoke"]["errors"] == []
    assert refused.status_code == 401
    assert refused.json()["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"


async def test_another_replica_refuses_a_revoked_token_when_the_notice_arrives(
        replicas: dict[str, Api]) -> None:
    token_id, secret = await new_token(replicas["first"])
    elsewhere = replicas["second"].with_token(secret)
    await cached_on(elsewhere)

    began = time.monotonic()
    await replicas["first"].graphql(REVOKE, {"id": token_id})

    # That replica would trust its cached principal for 60 s: the Redis notice cleared it.
    assert await refused_after(elsewhere, began, within=1.0) < 1.0


async def test_a_lost_notice_leaves_a_revoked_token_usable_no_longer_than_the_cache_bound(
        replicas: dict[str, Api], env: dict[str, str]) -> None:
    token_id, secret = await new_token(replicas["first"])
    elsewhere = replicas["short"].with_token(secret)
    await cached_on(elsewhere)

    began = time.monotonic()
    await asyncio.to_thread(revoke_behind_the_bus, env, token_id)

    assert await refused_after(elsewhere, began, within=2.5) < 2.5


async def test_a_cached_token_is_refused_once_it_expires(replicas: dict[str, Api]) -> None:
    expires_at = datetime.now(UTC) + timedelta(seconds=4)
    _, secret = await new_token(replicas["first"], expires_at=expires_at)
    owner = replicas["second"].with_token(secret)
    await cached_on(owner)

    await asyncio.sleep(max((expires_at - datetime.now(UTC)).total_seconds(), 0.0))
    refused = await owner.post(ASK)

    assert refused.status_code == 401
    assert "expired" in refused.json()["errors"][0]["message"]
