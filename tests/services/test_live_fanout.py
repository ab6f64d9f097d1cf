"""Live streams on the real database and Redis: one read per change per process whatever the
number of subscribers, resumable asset outcomes exactly once, owners kept apart, slow
subscribers dropped with LIMIT_EXCEEDED, a dead database ending a stream with
SERVICE_UNAVAILABLE instead of a complete, and one GraphQL execution per event per viewer."""

from __future__ import annotations

import asyncio
import contextlib
import json
import uuid
from collections.abc import AsyncGenerator, AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import strawberry
from beanie import init_beanie
from pymongo import AsyncMongoClient, monitoring

from app.config import Settings
from app.context import Context
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.errors import AtelierError, ErrorCode
from app.http.websockets import shared_frame
from app.models import DOCUMENT_MODELS
from app.models.asset import Asset, AssetStatus
from app.models.job import Job, JobKind, JobStatus
from app.models.token import Scope
from app.resolvers.shared_events import SharedEventExecution, shared_event
from app.services.asset_outcomes import AssetOutcome, AssetOutcomeLog, encode_outcome_cursor
from app.services.auth import Principal
from app.services.change_feed import ChangeFeed
from app.services.container import Services, opened_services
from app.services.live import LiveService

USER_SCOPES = frozenset(scope for scope in Scope if scope is not Scope.ADMIN)
ADMIN = Principal(owner="root", scopes=frozenset({Scope.ADMIN}))


def viewer(owner: str) -> Principal:
    return Principal(owner=owner, scopes=USER_SCOPES)


def settings_for(database: EmbeddedDatabase, redis: EmbeddedRedis, storage: Path,
                 **limits: Any) -> Settings:
    return Settings(mongodb_url=database.url, redis_url=redis.url,
                    database_name="live_" + uuid.uuid4().hex[:8], secret_key="test",
                    storage_dir=storage, queue_name="live:" + uuid.uuid4().hex[:8], **limits)


@pytest.fixture
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis, tmp_path: Path
                   ) -> AsyncIterator[Services]:
    settings = settings_for(database, redis_server, tmp_path, live_queue_events=20)
    async with opened_services(settings) as opened:
        yield opened


async def finished_asset(services: Services, owner: str,
                         status: AssetStatus = AssetStatus.READY) -> Asset:
    """An asset that was PROCESSING and reached `status` through the outcome log."""
    asset = Asset(owner=owner, name="model.stl", filename="model.stl",
                  status=AssetStatus.PROCESSING)
    await asset.insert()
    await services.assets.finish(asset, status)
    return asset


async def now_cursor() -> str:
    return encode_outcome_cursor(await AssetOutcomeLog.latest_sequence())


async def take(stream: AsyncGenerator[AssetOutcome, None], count: int) -> list[AssetOutcome]:
    async with asyncio.timeout(20):
        return [await anext(stream) for _ in range(count)]


class FindCounter(monitoring.CommandListener):
    """Counts reads outside transactions (a subscriber's own reads, not a writer's)."""

    def __init__(self) -> None:
        self.finds = 0

    def started(self, event: monitoring.CommandStartedEvent) -> None:
        if event.command_name == "find" and "txnNumber" not in event.command:
            self.finds += 1

    def succeeded(self, event: monitoring.CommandSucceededEvent) -> None:
        pass

    def failed(self, event: monitoring.CommandFailedEvent) -> None:
        pass


async def test_an_outcome_is_read_once_per_process_however_many_subscribe(
        services: Services) -> None:
    counter = FindCounter()
    client: AsyncMongoClient[dict[str, Any]] = AsyncMongoClient(
        services.settings.mongodb_url, tz_aware=True, event_listeners=[counter])
    database = client[services.settings.database_name]
    await init_beanie(database=database, document_models=DOCUMENT_MODELS)
    live = LiveService(database, services.jobs.log, services.settings)
    start = await now_cursor()
    streams = [live.asset_outcomes(viewer("ann"), None, start) for _ in range(200)]
    try:
        firsts = [asyncio.ensure_future(take(stream, 1)) for stream in streams]
        opened = [await finished_asset(services, "ann")]
        got_first = await asyncio.gather(*firsts)
        reads_before = counter.finds
        more = [asyncio.ensure_future(take(stream, 4)) for stream in streams]
        for _ in range(4):
            opened.append(await finished_asset(services, "ann"))
        got_more = await asyncio.gather(*more)
        reads_during_fan_out = counter.finds - reads_before
    finally:
        for stream in streams:
            await stream.aclose()
        await live.close()
        await client.close()

    expected = [asset.id for asset in opened]
    assert all([o.asset.id for o in first + rest] == expected
               for first, rest in zip(got_first, got_more, strict=True))
    assert reads_during_fan_out == 0


async def test_a_reconnecting_subscriber_gets_every_missed_outcome_once_and_no_one_elses(
        services: Services) -> None:
    ann = viewer("ann-" + uuid.uuid4().hex[:6])
    start = await now_cursor()
    first_stream = services.live.asset_outcomes(ann, None, start)
    first_two = asyncio.ensure_future(take(first_stream, 2))
    mine = [await finished_asset(services, ann.owner) for _ in range(2)]
    seen = await first_two
    await first_stream.aclose()
    mine.append(await finished_asset(services, ann.owner, AssetStatus.FAILED))
    others = await finished_asset(services, "mallory")
    mine.append(await finished_asset(services, ann.owner))

    resumed = services.live.asset_outcomes(ann, None, seen[-1].cursor)
    missed = await take(resumed, 2)
    live_one = asyncio.ensure_future(take(resumed, 1))
    mine.append(await finished_asset(services, ann.owner))
    later = await live_one
    await resumed.aclose()
    everything = services.live.asset_outcomes(ADMIN, None, start)
    admin_sees = await take(everything, 6)
    await everything.aclose()

    received = [o.asset.id for o in seen + missed + later]
    assert received == [asset.id for asset in mine]
    assert [o.asset.status for o in missed] == [AssetStatus.FAILED, AssetStatus.READY]
    assert others.id in [o.asset.id for o in admin_sees]
    cursors = [o.sequence for o in seen + missed + later]
    assert cursors == sorted(set(cursors))


async def test_an_unknown_cursor_is_invalid_input(services: Services) -> None:
    for cursor in ("bm90LWEtY3Vyc29y", "%%%", encode_outcome_cursor(1)[:-2]):
        with pytest.raises(AtelierError) as raised:
            services.live.asset_outcomes(viewer("ann"), None, cursor)
        assert raised.value.code is ErrorCode.INVALID_INPUT


async def test_one_asset_stream_sends_its_outcome_once_then_ends(services: Services) -> None:
    asset = await finished_asset(services, "bea")
    replayed = [o async for o in services.live.asset_outcomes(viewer("bea"), asset.id, None)]
    after_it = [o async for o in services.live.asset_outcomes(viewer("bea"), asset.id,
                                                              replayed[0].cursor)]
    with pytest.raises(AtelierError) as raised:
        await anext(services.live.asset_outcomes(viewer("eve"), asset.id, None))

    assert [(o.asset.id, o.asset.status) for o in replayed] == [(asset.id, AssetStatus.READY)]
    assert after_it == []
    assert raised.value.code is ErrorCode.NOT_FOUND


async def test_a_job_redone_after_a_crash_announces_its_outcome_once(
        services: Services) -> None:
    start = await now_cursor()
    asset = await finished_asset(services, "cid")
    await services.assets.finish(asset, AssetStatus.READY)
    stream = services.live.asset_outcomes(viewer("cid"), None, start)
    first = await take(stream, 1)
    nothing_more = asyncio.ensure_future(anext(stream))
    await asyncio.sleep(0.5)
    repeated = nothing_more.done()
    nothing_more.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await nothing_more

    assert [o.asset.id for o in first] == [asset.id]
    assert not repeated


async def test_a_subscriber_that_stops_reading_is_dropped_and_others_miss_nothing(
        services: Services) -> None:
    start = await now_cursor()
    slow = services.live.asset_outcomes(viewer("dan"), None, start)
    fast = services.live.asset_outcomes(viewer("dan"), None, start)
    slow_first = asyncio.ensure_future(take(slow, 1))
    fast_all = asyncio.ensure_future(take(fast, 30))
    made = [await finished_asset(services, "dan") for _ in range(30)]
    received_by_slow = await slow_first
    received_by_fast = await fast_all
    with pytest.raises(AtelierError) as dropped:
        await anext(slow)
    resumed = services.live.asset_outcomes(viewer("dan"), None, received_by_slow[-1].cursor)
    caught_up = await take(resumed, 29)
    await fast.aclose()
    await resumed.aclose()

    assert dropped.value.code is ErrorCode.LIMIT_EXCEEDED
    assert [o.asset.id for o in received_by_fast] == [asset.id for asset in made]
    assert [o.asset.id for o in received_by_slow + caught_up] == [asset.id for asset in made]


async def test_a_scene_stream_resumes_after_a_version(services: Services) -> None:
    from app.services.scenes.operations import AddNode, RenameNode

    eve = viewer("eve")
    scene = await services.scenes.create(eve, name="s", operations=[AddNode(id="a")])
    live_stream = services.live.scene_changes(eve, scene.id, 1)
    next_step = asyncio.ensure_future(anext(live_stream))
    for name in ("b", "c"):
        await services.scenes.update(eve, scene.id, operations=[RenameNode(node_id="a",
                                                                           name=name)])
    first_live = await asyncio.wait_for(next_step, 10)
    await live_stream.aclose()
    resumed = services.live.scene_changes(eve, scene.id, first_live[0].version)
    second = await asyncio.wait_for(anext(resumed), 10)
    await resumed.aclose()

    assert [first_live[0].version, second[0].version] == [2, 3]
    assert second[1].graph.nodes[0].name == "c"


async def test_a_dead_database_ends_a_running_jobs_stream_with_service_unavailable(
        redis_server: EmbeddedRedis, tmp_path: Path) -> None:
    private = EmbeddedDatabase(tmp_path / "db")
    private.start()
    try:
        settings = settings_for(private, redis_server, tmp_path / "objects",
                                live_read_timeout_seconds=2, dependency_timeout_seconds=1)
        async with opened_services(settings) as services:
            job = Job(owner="fay", kind=JobKind.INGEST)
            await services.jobs.log.record_created(job)
            await services.jobs.log.apply(job.id, {"status": JobStatus.RUNNING.value})
            stream = services.live.job_events(viewer("fay"), job.id, 0)
            before = [await asyncio.wait_for(anext(stream), 10) for _ in range(2)]
            waiting = asyncio.ensure_future(anext(stream))
            await asyncio.sleep(0.5)
            private.stop()
            loop = asyncio.get_running_loop()
            stopped_at = loop.time()
            with pytest.raises(AtelierError) as ended:
                await asyncio.wait_for(waiting, 20)
            noticed_after = loop.time() - stopped_at

            private.start()
            await services.jobs.log.apply(job.id, {"status": JobStatus.SUCCEEDED.value})
            resumed = services.live.job_events(viewer("fay"), job.id, before[-1].sequence)
            rest = [change async for change in resumed]
    finally:
        private.stop()

    assert [change.job.status for change in before] == [JobStatus.QUEUED, JobStatus.RUNNING]
    assert ended.value.code is ErrorCode.SERVICE_UNAVAILABLE
    assert noticed_after < 10
    assert [(c.sequence, c.job.status) for c in rest] == [(3, JobStatus.SUCCEEDED)]


@dataclass(eq=False)
class Change:
    text: str


@strawberry.type
class Shout:
    text: str

    @strawberry.field
    def seen_by(self, info: strawberry.Info[Context, None]) -> str:
        EXECUTIONS.append(info.context.viewer.owner)
        return info.context.viewer.owner


@strawberry.type
class ShoutQuery:
    ping: str = "pong"


EXECUTIONS: list[str] = []
CHANGES = [Change("one"), Change("two")]


@strawberry.type
class ShoutSubscription:
    @strawberry.subscription
    async def shouts(self) -> AsyncGenerator[Shout, None]:
        for change in CHANGES:
            yield shared_event(change, lambda shared: Shout(text=shared.text))


async def test_identical_subscriptions_share_one_execution_and_viewers_stay_apart(
        services: Services) -> None:
    schema = strawberry.Schema(query=ShoutQuery, subscription=ShoutSubscription,
                               execution_context_class=SharedEventExecution)
    viewers = ["ann", "ann", "ann", "bob"]
    contexts = [Context(services=services, base_url="http://api", request=None,  # type: ignore[arg-type]
                        principal=viewer(owner)) for owner in viewers]
    EXECUTIONS.clear()

    async def results(context: Context) -> list[dict[str, Any]]:
        stream = await schema.subscribe("subscription { shouts { text seenBy } }",
                                        context_value=context)
        return [result.data async for result in stream]  # type: ignore[union-attr]

    received = await asyncio.gather(*(results(context) for context in contexts))

    assert sorted(EXECUTIONS) == ["ann", "ann", "bob", "bob"]
    for owner, data in zip(viewers, received, strict=True):
        assert data == [{"shouts": {"text": text, "seenBy": owner}} for text in ("one", "two")]


async def test_a_shared_result_goes_out_as_the_frame_strawberry_encodes_with_each_id(
        services: Services) -> None:
    schema = strawberry.Schema(query=ShoutQuery, subscription=ShoutSubscription,
                               execution_context_class=SharedEventExecution)
    contexts = [Context(services=services, base_url="http://api", request=None,  # type: ignore[arg-type]
                        principal=viewer(owner)) for owner in ("ann", "ann", "bob")]
    frames: list[list[tuple[str | None, str | None, str]]] = []

    async def sent(context: Context, operation_id: str) -> None:
        stream = await schema.subscribe("subscription { shouts { text seenBy } }",
                                        context_value=context)
        mine = []
        async for result in stream:
            message = {"id": operation_id, "type": "next", "payload": {"data": result.data}}
            legacy = {"type": "data", "id": operation_id, "payload": {"data": result.data}}
            mine.append((shared_frame(message, "next"), shared_frame(legacy, "data"),
                         json.dumps(message, separators=(",", ":"))))
        frames.append(mine)

    await asyncio.gather(*(sent(context, f'op "{n}"') for n, context in enumerate(contexts)))
    unshared = {"id": "1", "type": "next", "payload": {"data": {"shouts": {"text": "x"}}}}

    for mine in frames:
        for next_frame, data_frame, strawberry_frame in mine:
            assert next_frame == strawberry_frame
            assert data_frame is not None
            assert json.loads(data_frame) == {**json.loads(strawberry_frame), "type": "data"}
    seen_by = sorted(json.loads(frame)["payload"]["data"]["shouts"]["seenBy"]
                     for mine in frames for frame, _, _ in mine if frame)
    assert seen_by == ["ann", "ann", "ann", "ann", "bob", "bob"]
    assert shared_frame(unshared, "next") is None


async def test_a_feed_reader_that_breaks_ends_its_streams_instead_of_leaving_them_waiting(
        services: Services) -> None:
    def broken(document: dict[str, Any]) -> tuple[list[str], object]:
        raise RuntimeError("a decoding bug")

    database = services.mongo[services.settings.database_name]
    feed = ChangeFeed(database, {"broken_things": broken}, queue_size=10, open_timeout=5)
    try:
        async with feed.follow("anything") as follower:
            await database["broken_things"].insert_one({"x": 1})
            with pytest.raises(AtelierError) as ended:
                await asyncio.wait_for(follower.next(), 10)
    finally:
        await feed.close()

    assert ended.value.code is ErrorCode.SERVICE_UNAVAILABLE
