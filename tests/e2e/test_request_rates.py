"""Request rates cost one Redis round trip per request, whatever the windows, and answer as
before: 429 RATE_LIMITED with Retry-After from the full window, the address's first."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from redis import Redis

from app.embedded.redis import EmbeddedRedis
from tests.conftest import ADMIN_TOKEN
from tests.support.stack import start_api

REQUESTS = 12


@pytest.fixture
def limits_redis(stack_dir: Path) -> Iterator[EmbeddedRedis]:
    """A Redis of its own, so only this API's commands are counted."""
    server = EmbeddedRedis(stack_dir / f"redis-rates-{uuid.uuid4().hex[:6]}")
    server.start()
    yield server
    server.stop()


@pytest.fixture
def rated_api(stack_dir: Path, env: dict[str, str], limits_redis: EmbeddedRedis
              ) -> Iterator[str]:
    api, url = start_api({**env, "ATELIER_REDIS_URL": limits_redis.url,
                          "ATELIER_QUEUE_NAME": f"atelier:queue:rates-{uuid.uuid4().hex[:6]}",
                          "ATELIER_RATE_LIMIT_PER_TOKEN": f"{REQUESTS}/minute",
                          "ATELIER_RATE_LIMIT_PER_IP": f"{REQUESTS + 2}/minute"},
                         stack_dir / f"api-rates-{uuid.uuid4().hex[:6]}.log")
    yield url
    api.stop()


def scripts_run(redis: EmbeddedRedis) -> int:
    with Redis.from_url(redis.url) as client:
        stats = client.info("commandstats")
    return sum(int(stats.get(f"cmdstat_{name}", {}).get("calls", 0))
               for name in ("eval", "evalsha", "fcall"))


async def test_both_windows_cost_one_round_trip_and_answer_429_when_one_fills(
        rated_api: str, limits_redis: EmbeddedRedis) -> None:
    headers = {"Authorization": f"Bearer {ADMIN_TOKEN}"}
    async with httpx.AsyncClient(base_url=rated_api, headers=headers, timeout=10) as http:
        # The first request also loads the script (EVALSHA answers NOSCRIPT, then EVAL).
        statuses = [(await http.post("/graphql", json={"query": "{ __typename }"})).status_code]
        before = scripts_run(limits_redis)
        statuses += [(await http.post("/graphql", json={"query": "{ __typename }"})).status_code
                     for _ in range(REQUESTS - 1)]
        spent = scripts_run(limits_redis) - before
        refused = await http.post("/graphql", json={"query": "{ __typename }"})
        # The address's window still has room for two: another token is let through.
        anonymous = await http.post("/graphql", json={"query": "{ __typename }"},
                                    headers={"Authorization": ""})
        over_address = await http.post("/graphql", json={"query": "{ __typename }"},
                                       headers={"Authorization": ""})

    assert statuses == [200] * REQUESTS
    # The per-address and the per-token window of each request, in one script call.
    assert spent == REQUESTS - 1
    assert refused.status_code == 429
    assert refused.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert anonymous.status_code == 401
    assert over_address.status_code == 429
    assert 1 <= int(over_address.headers["retry-after"]) <= 60
