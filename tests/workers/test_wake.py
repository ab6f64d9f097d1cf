"""A queued job wakes an idle worker at once, on the real Redis: the worker's wait between polls
ends with the delivery instead of lasting the poll interval, and the wake-ups kept for workers
not waiting stay few."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.models.job import Job, JobKind
from app.services.container import Services, opened_services
from app.services.queue import WAKE_BACKLOG, wait_for_wake, wake_a_worker, wake_key
from app.workers.settings import build_worker
from app.workers.wake import WakingWorker

POLL_SECONDS = 0.6
QUEUE = "atelier:queue:wake-test"


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="wake_test", queue_name=QUEUE, secret_key="test",
                        storage_dir=tmp_path_factory.mktemp("wake"),
                        worker_poll_seconds=POLL_SECONDS)
    async with opened_services(settings) as opened:
        await opened.redis.delete(wake_key(QUEUE))
        yield opened


async def test_a_created_job_ends_the_wait_of_an_idle_worker(services: Services) -> None:
    waiting = asyncio.create_task(wait_for_wake(services.redis, QUEUE, POLL_SECONDS))
    await asyncio.sleep(0.05)  # the worker is waiting before the job exists
    started = time.monotonic()
    await services.jobs.create("owner-wake", JobKind.RENDER, params={})

    assert await waiting and time.monotonic() - started < POLL_SECONDS / 2


async def test_without_a_delivery_the_wait_lasts_the_poll_interval(services: Services) -> None:
    started = time.monotonic()
    woken = await wait_for_wake(services.redis, QUEUE, 0.2)

    assert not woken and time.monotonic() - started >= 0.19


async def test_wake_ups_nobody_waits_for_are_kept_few(services: Services) -> None:
    for _ in range(WAKE_BACKLOG * 3):
        await wake_a_worker(services.redis, QUEUE)

    assert await services.redis.llen(wake_key(QUEUE)) == WAKE_BACKLOG
    await services.redis.delete(wake_key(QUEUE))


async def test_a_worker_polls_after_a_wake_up_or_the_whole_interval(
        services: Services) -> None:
    worker = build_worker(services.settings.model_copy(
        update={"dependency_timeout_seconds": 0.2}))  # waits in BLPOPs of 0.1 s at most
    assert isinstance(worker, WakingWorker) and worker.poll_delay_s == 0
    try:
        started = time.monotonic()
        await worker._wait_for_wake()
        unwoken = time.monotonic() - started
        await wake_a_worker(services.redis, QUEUE)
        started = time.monotonic()
        await worker._wait_for_wake()
        woken = time.monotonic() - started
    finally:
        await worker.pool.aclose()

    assert POLL_SECONDS - 0.05 <= unwoken < POLL_SECONDS + 1 and woken < 0.1


async def test_a_wake_up_that_fails_leaves_the_job_queued(services: Services) -> None:
    await services.redis.set(wake_key(QUEUE), "not a list")  # every LPUSH fails WRONGTYPE
    try:
        job = await services.jobs.create("owner-wake-fault", JobKind.RENDER, params={})
    finally:
        await services.redis.delete(wake_key(QUEUE))

    stored = await Job.get(job.id)
    assert stored is not None and stored.dispatched and stored.deliveries == 1
    assert await services.jobs.queue.holds(stored)
