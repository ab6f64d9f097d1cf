"""Resume everywhere, over real websockets and two extra `atelier api` processes: a subscriber
whose API process is killed reconnects to another with its last `cursor` (assetReady) or
`version` (sceneChanged) and gets every event it missed exactly once, and nobody else's; a
database outage ends a stream with SERVICE_UNAVAILABLE, never a silent complete."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.embedded.database import EmbeddedDatabase
from app.embedded.process import ChildProcess
from app.embedded.redis import EmbeddedRedis
from tests.conftest import ADMIN_TOKEN, new_owner_api
from tests.e2e.test_scenes import CHANGED, create, update
from tests.support.client import ASSET_READY, JOB_PROGRESS, Api, Subscriptions
from tests.support.models import box_stl
from tests.support.stack import stack_env, start_api

OUTCOMES = """subscription($after: String) {
  assetReady(afterCursor: $after) { cursor asset { id status } } }"""


@pytest.fixture(scope="module")
def two_apis(stack_dir: Path, env: dict[str, str]) -> Iterator[list[tuple[ChildProcess, str]]]:
    started = [start_api(env, stack_dir / f"resume-api-{n}.log") for n in range(2)]
    yield started
    for process, _ in started:
        process.stop()


async def upload_box(api: Api, size: float) -> str:
    uploaded = await api.upload(box_stl((size, 1.0, 1.0)), f"box-{size}.stl")
    assert uploaded["errors"] == []
    return str(uploaded["asset"]["id"])


async def wait_terminal(api: Api, asset_id: str) -> None:
    """Until the asset's own assetReady stream sends its outcome and completes."""
    async with api.websocket() as subscriptions:
        await subscriptions.collect(await subscriptions.start(ASSET_READY, {"id": asset_id}),
                                    within=120)


async def outcomes(subscriptions: Subscriptions, after: str | None, count: int) -> list[dict]:
    op = await subscriptions.start(OUTCOMES, {"after": after})
    events = await subscriptions.collect(op, count=count, within=120)
    return [event["assetReady"] for event in events]


async def test_asset_ready_resumes_on_another_api_with_every_missed_outcome_once(
        api: Api, admin: Api, two_apis: list[tuple[ChildProcess, str]]) -> None:
    (first_process, first_url), (_, second_url) = two_apis
    on_first, on_second = Api(first_url, api.token), Api(second_url, api.token)
    other_owner = Api(second_url, (await new_owner_api(admin)).token)

    async with on_first.websocket() as subscriptions:
        op = await subscriptions.start(OUTCOMES, {"after": None})
        await asyncio.sleep(0.5)
        made = [await upload_box(on_first, 1.5)]
        seen = [event["assetReady"] for event in
                await subscriptions.collect(op, count=1, within=120)]
        assert first_process.process is not None
        first_process.process.kill()
        missed_while_away = [await upload_box(on_second, size) for size in (2.5, 3.5, 4.5)]
        made += missed_while_away
        for asset_id in missed_while_away:
            await wait_terminal(on_second, asset_id)

    async with on_second.websocket() as subscriptions, other_owner.websocket() as intruder:
        snooping = asyncio.ensure_future(outcomes(intruder, seen[0]["cursor"], 1))
        resumed = asyncio.ensure_future(outcomes(subscriptions, seen[0]["cursor"], 4))
        await asyncio.sleep(1)
        made.append(await upload_box(on_second, 5.5))
        theirs = await upload_box(other_owner, 6.5)
        seen += await resumed
        snooped = await snooping

    assert [event["asset"]["id"] for event in seen] == made
    assert {event["asset"]["status"] for event in seen} == {"READY"}
    assert len({event["cursor"] for event in seen}) == len(made)
    assert [event["asset"]["id"] for event in snooped] == [theirs]


async def test_an_unknown_cursor_is_answered_with_invalid_input(api: Api) -> None:
    async with api.websocket() as subscriptions:
        op = await subscriptions.start(OUTCOMES, {"after": "not-a-cursor"})
        async with asyncio.timeout(10):
            while (message := json.loads(await subscriptions.ws.recv())).get("id") != op:
                pass

    errors = message["payload"] if message["type"] == "error" else message["payload"]["errors"]
    assert [error["extensions"]["code"] for error in errors] == ["INVALID_INPUT"]


async def test_scene_changed_resumes_on_another_api_after_a_version(
        api: Api, two_apis: list[tuple[ChildProcess, str]]) -> None:
    _, second_url = two_apis[1]
    on_second = Api(second_url, api.token)
    scene_id = await create(api, {"addNode": {"id": "a", "name": "a"}})
    await update(api, scene_id, {"renameNode": {"nodeId": "a", "name": "b"}})
    async with api.websocket() as subscriptions:
        op = await subscriptions.start(CHANGED, {"id": scene_id, "after": 1})
        first = await subscriptions.collect(op, count=1, within=30)
    for name in ("c", "d"):
        await update(api, scene_id, {"renameNode": {"nodeId": "a", "name": name}})

    async with on_second.websocket() as subscriptions:
        op = await subscriptions.start(CHANGED, {"id": scene_id,
                                                 "after": first[0]["sceneChanged"]["version"]})
        rest = await subscriptions.collect(op, count=2, within=30)

    versions = [event["sceneChanged"]["version"] for event in first + rest]
    names = [event["sceneChanged"]["scene"]["nodes"]["edges"][0]["node"]["name"]
             for event in rest]
    assert versions == [2, 3, 4]
    assert names[-1] == "d"


async def test_a_database_outage_ends_job_progress_with_service_unavailable_not_complete(
        tmp_path: Path, redis_server: EmbeddedRedis) -> None:
    database = EmbeddedDatabase(tmp_path / "db", log_path=tmp_path / "secantus.log")
    database.start()
    env = stack_env(mongodb_url=database.url, redis_url=redis_server.url,
                    storage_dir=tmp_path / "objects", database_name="outage",
                    admin_token=ADMIN_TOKEN, extra={"ATELIER_LIVE_READ_TIMEOUT_SECONDS": "2"})
    api_process, url = start_api(env, tmp_path / "api.log")
    try:
        owner = await new_owner_api(Api(url, ADMIN_TOKEN))
        job_id = (await owner.upload(box_stl((7.5, 1.0, 1.0)), "queued.stl"))["job"]["id"]
        async with owner.websocket() as subscriptions:
            op = await subscriptions.start(JOB_PROGRESS, {"id": job_id})
            first = await subscriptions.collect(op, count=1, within=30)
            database.stop()
            async with asyncio.timeout(20):
                frames = [json.loads(await subscriptions.ws.recv()) for _ in range(2)]
    finally:
        api_process.stop()
        database.stop()

    assert first[0]["jobProgress"]["job"]["status"] == "QUEUED"
    assert [frame["type"] for frame in frames] == ["next", "complete"]
    assert [error["extensions"]["code"] for error in frames[0]["payload"]["errors"]] == [
        "SERVICE_UNAVAILABLE"]
