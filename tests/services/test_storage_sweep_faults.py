"""The storage sweep through S3 faults, against a moto server this module stops and starts
again on the same port (moto keeps the buckets in this process meanwhile): S3 gone between two
deletions fails that sweep, leaves the rest and every named object in place, and the workers'
sweep loop logs it, counts it in /metrics and finishes the job once S3 is back; a listing that
fails after its first page deletes nothing, and the next sweep, whole, deletes every orphan."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator

import aioboto3
import pytest
from moto.server import ThreadedMotoServer
from prometheus_client import CollectorRegistry, generate_latest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.process import free_port
from app.embedded.redis import EmbeddedRedis
from app.models.common import utcnow
from app.services.container import Services, opened_services
from app.services.storage import ListedObject
from app.services.storage_sweep import LEASE_COLLECTION, LEASE_ID
from app.workers.storage_sweep import sweep_storage_forever
from tests.geometry.test_scene_sources import box_glb
from tests.services.test_s3_storage import aws_credentials
from tests.services.test_scenes import stored_asset
from tests.services.test_storage_sweep import GRACE, S3_PAGE, keys, put, sweeper

__all__ = ["aws_credentials"]  # the module fixture giving boto its test credentials

# The loop's sweeps: objects a second old are orphans, a sweep may start every 0.3 s, the loop
# looks every 0.1 s.
LOOP_SETTINGS = {"storage_sweep_grace_hours": 1 / 3600, "storage_sweep_interval_minutes": 0.005,
                 "job_lease_seconds": 0.2}


class Outage:
    """A moto S3 server that can go away and come back on the same address."""

    def __init__(self) -> None:
        self.port = free_port()
        self.server = self._started()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.server.stop()

    def start(self) -> None:
        self.server = self._started()

    def _started(self) -> ThreadedMotoServer:
        server = ThreadedMotoServer(ip_address="127.0.0.1", port=self.port, verbose=False)
        server.start()
        return server


@pytest.fixture
def s3() -> Iterator[Outage]:
    outage = Outage()
    yield outage
    outage.stop()


@pytest.fixture
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   s3: Outage) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name=f"sweep_faults_{uuid.uuid4().hex[:8]}", secret_key="test",
                        s3_endpoint_url=s3.url, s3_bucket=f"faults-{uuid.uuid4().hex[:12]}",
                        **LOOP_SETTINGS)
    async with opened_services(settings) as opened:
        yield opened


async def sweep_metrics(services: Services) -> dict[str, float]:
    registry = CollectorRegistry()
    families = await services.storage_sweeper.metrics()
    registry.register(type("Snapshot", (), {"collect": lambda self: families})())
    return {line.split(" ")[0]: float(line.split(" ")[1])
            for line in generate_latest(registry).decode().splitlines()
            if line.startswith("atelier_storage_sweep")}


async def failures(services: Services) -> int:
    held = await services.mongo[services.settings.database_name][LEASE_COLLECTION].find_one(
        {"_id": LEASE_ID})
    return int((held or {}).get("failures", 0))


async def eventually(check: Callable[[], Awaitable[bool]], within: float = 60) -> None:
    deadline = time.monotonic() + within
    while not await check():
        assert time.monotonic() < deadline, "not within the time"
        await asyncio.sleep(0.1)


async def test_s3_gone_mid_sweep_fails_it_and_the_loop_finishes_once_s3_is_back(
        services: Services, s3: Outage, caplog: pytest.LogCaptureFixture) -> None:
    # Given an asset's files and three orphans, old enough to go
    storage = services.storage
    asset = await stored_asset(services, "faults", box_glb((1, 1, 1), (1, 0, 0, 1)))
    named = {file.key for file in asset.files}
    orphans = [await put(storage, f"orphans/{n}.bin") for n in range(3)]
    await asyncio.sleep(1.2)
    # and S3 going away right after the sweep's first deletion
    deleted: list[str] = []
    delete = storage.delete

    async def delete_then_outage(key: str) -> None:
        await delete(key)
        deleted.append(key)
        if len(deleted) == 1:
            await asyncio.to_thread(s3.stop)

    storage.delete = delete_then_outage  # type: ignore[method-assign]

    # When the workers' sweep loop runs through the outage
    loop = asyncio.create_task(sweep_storage_forever(services))
    with caplog.at_level(logging.WARNING, logger="app.workers.storage_sweep"):
        await eventually(lambda: _at_least_one(failures(services)))
        await asyncio.sleep(1)  # sweeps keep failing while S3 is away
        assert not loop.done()
        failed = await sweep_metrics(services)
        s3.start()
        await eventually(lambda: _no_orphans_left(services, named))
    loop.cancel()

    # Then it failed after one deletion, said so, and deleted the rest once S3 was back
    assert deleted[0] == orphans[0] and set(deleted) == set(orphans)
    assert await keys(storage) == named
    assert "the storage sweep will try again" in caplog.text
    assert failed["atelier_storage_sweep_failures_total"] >= 1
    assert "atelier_storage_sweep_last_success_timestamp_seconds" not in failed
    after = await sweep_metrics(services)
    assert after["atelier_storage_sweep_failures_total"] >= failed[
        "atelier_storage_sweep_failures_total"]
    assert after["atelier_storage_sweep_last_success_timestamp_seconds"] > after[
        "atelier_storage_sweep_last_failure_timestamp_seconds"]


@pytest.mark.slow  # a thousand objects in moto
async def test_a_listing_that_fails_part_way_deletes_nothing(services: Services, s3: Outage
                                                             ) -> None:
    # Given more orphans than one listing page, an asset's files after them in key order,
    storage = services.storage
    orphans = sorted(f"a-orphans/{n:05d}.bin" for n in range(S3_PAGE + 5))
    async with aioboto3.Session().client("s3", endpoint_url=s3.url,
                                         region_name="us-east-1") as client:
        await asyncio.gather(*(client.put_object(
            Bucket=services.settings.s3_bucket, Key=key, Body=b"x") for key in orphans))
    asset = await stored_asset(services, "faults", box_glb((1, 2, 1), (1, 0, 0, 1)))
    named = {file.key for file in asset.files}
    # and S3 going away once the first page is read
    list_objects = storage.list_objects

    async def listing_then_outage(prefix: str = "") -> AsyncIterator[ListedObject]:
        first = True
        async for listed in list_objects(prefix):
            if first:
                await asyncio.to_thread(s3.stop)
                first = False
            yield listed

    storage.list_objects = listing_then_outage  # type: ignore[method-assign]
    later = utcnow() + 2 * GRACE

    # When a sweep lists part of the bucket and fails
    with pytest.raises(Exception) as failed:
        await sweeper(services).sweep(now=later)
    storage.list_objects = list_objects  # type: ignore[method-assign]
    s3.start()

    # Then nothing went, and the next sweep, listing the whole bucket, finds the orphans only
    assert "Could not connect" in str(failed.value)
    assert await keys(storage) == set(orphans) | named
    found = await sweeper(services).orphans(now=later)
    assert [orphan.key for orphan in found] == orphans


async def _at_least_one(count: Awaitable[int]) -> bool:
    return await count >= 1


async def _no_orphans_left(services: Services, named: set[str]) -> bool:
    try:
        return await keys(services.storage) == named
    except Exception:  # S3 may still be starting
        return False



async def test_the_loop_outlives_an_unexpected_error(
        services: Services, caplog: pytest.LogCaptureFixture) -> None:
    # Given an old orphan and a store whose first listing breaks in a way no fault list names
    orphan = await put(services.storage, "orphans/unexpected.bin")
    await asyncio.sleep(1.2)
    list_objects = services.storage.list_objects
    calls = 0

    def listing(prefix: str = "") -> AsyncIterator[ListedObject]:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise RuntimeError("a bug")
        return list_objects(prefix)

    services.storage.list_objects = listing  # type: ignore[method-assign]

    async def orphan_gone() -> bool:
        return orphan not in {listed.key async for listed in list_objects()}

    # When the loop runs
    loop = asyncio.create_task(sweep_storage_forever(services))
    with caplog.at_level(logging.ERROR, logger="app.workers.storage_sweep"):
        await eventually(orphan_gone)
    loop.cancel()

    # Then the failure was logged and counted, and the next sweep deleted the orphan
    assert "the storage sweep failed unexpectedly" in caplog.text
    assert (calls, await failures(services)) == (2, 1)
