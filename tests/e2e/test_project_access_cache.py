"""A member removed through one API process is refused there on its very next request, and by
another API process (which kept the member's access view) once its change feed delivers the
removal: within a couple of seconds, never after the cache's TTL."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import new_owner_api
from tests.e2e.test_projects import CREATE, MEMBER_REMOVE, MEMBER_SET, owner_of
from tests.support.client import Api
from tests.support.stack import start_api

PROJECT = "query($p: ID!) { node(id: $p) { id } }"
# Far below the default TTL (5 s): a refusal within it comes from the feed, not from expiry.
FEED_DEADLINE_SECONDS = 2.5


@pytest.fixture
def second_api(stack_dir: Path, env: dict[str, str], api_url: str) -> Iterator[str]:
    process, url = start_api(env, stack_dir / "api-access-cache-2.log")
    yield url
    process.stop()


async def sees(api: Api, project_id: str) -> bool:
    return (await api.graphql(PROJECT, {"p": project_id}))["node"] is not None


async def test_a_removed_member_is_refused_at_once_here_and_within_the_feed_latency_there(
        admin: Api, second_api: str) -> None:
    owner, member = await new_owner_api(admin), await new_owner_api(admin)
    made = (await owner.graphql(CREATE, {"name": "cached"}))["projectCreate"]
    project_id = made["project"]["id"]
    added = (await owner.graphql(MEMBER_SET, {"p": project_id, "o": await owner_of(member),
                                              "r": "VIEWER"}))["projectMemberSet"]
    assert added["errors"] == []
    there = Api(second_api, member.token)
    for _ in range(3):  # the second process now keeps the member's view
        assert await sees(member, project_id) and await sees(there, project_id)

    removed = (await owner.graphql(MEMBER_REMOVE, {"p": project_id,
                                                   "o": await owner_of(member)}))
    assert removed["projectMemberRemove"]["errors"] == []
    assert not await sees(member, project_id)

    loop = asyncio.get_running_loop()
    removed_at = loop.time()
    while await sees(there, project_id):
        assert loop.time() - removed_at < FEED_DEADLINE_SECONDS, "still served after removal"
        await asyncio.sleep(0.05)
    assert not await sees(member, project_id) and await sees(owner, project_id)
