"""Renders and conversions expire on the real database and a filesystem store: outputs of a job
finished longer ago than ATELIER_OUTPUT_RETENTION_DAYS leave storage, the asset's files and the
job, unless the job is pinned or its asset is in the trash; an expired conversion is not
reused; pinning is the owner's, for renders and conversions only."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import timedelta

import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.errors import ErrorCode
from app.geometry.convert import ConversionRequest, OptimizeOptions, OptimizePreset, OutputFormat
from app.models.asset import Asset
from app.models.common import FileRole, StoredFile, utcnow
from app.models.job import Job, JobKind, JobStatus
from app.services.asset_writes import list_asset_file
from app.services.container import Services, opened_services
from app.services.conversions import cache_key
from tests.geometry.test_scene_sources import box_glb
from tests.services.test_scenes import code_of, principal, stored_asset

RETENTION_DAYS = 30
WELDED_OBJ = ConversionRequest(OutputFormat.OBJ, OptimizeOptions(OptimizePreset.WELD))


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="output_expiry_test", secret_key="test",
                        queue_name="output-expiry-test:" + uuid.uuid4().hex,
                        storage_dir=tmp_path_factory.mktemp("expiry-objects"),
                        output_retention_days=RETENTION_DAYS)
    async with opened_services(settings) as opened:
        yield opened


async def ready_asset(services: Services, owner: str) -> Asset:
    asset = await stored_asset(services, owner, box_glb((1, 1, 1), (1, 0, 0, 1)))
    asset.sha256 = uuid.uuid4().hex * 2
    await asset.save()
    return asset


async def finished_job(services: Services, asset: Asset, kind: JobKind, days_ago: float,
                       **params: object) -> Job:
    """A SUCCEEDED job with one output, stored and listed on its asset as workers list it."""
    job = Job(owner=asset.owner, kind=kind, status=JobStatus.SUCCEEDED, asset_id=asset.id,
              finished_at=utcnow() - timedelta(days=days_ago), params=dict(params))
    key = f"renders/{job.id}/render.png"

    async def chunks() -> AsyncIterator[bytes]:
        yield b"image"

    await services.storage.put_stream(key, chunks())
    role = FileRole.RENDER if kind is JobKind.RENDER else FileRole.CONVERTED
    job.outputs = [StoredFile(role=role, format="PNG", key=key, size_bytes=5,
                              content_type="image/png", filename="render.png", job_id=job.id)]
    await job.insert()
    await list_asset_file(asset.id, job.outputs[0])
    return job


async def kept(services: Services, job: Job) -> bool:
    """Whether the job's output is still stored, listed by the job and by its asset."""
    key = job.outputs[0].key
    stored = await services.storage.info(key) is not None
    now = await Job.get(job.id)
    asset = await Asset.get(job.asset_id or "")
    on_job = now is not None and [o.key for o in now.outputs] == [key]
    on_asset = asset is not None and key in [f.key for f in asset.files]
    assert stored == on_job == on_asset, (stored, on_job, on_asset)
    return stored


async def test_outputs_past_the_retention_expire_unless_pinned(services: Services) -> None:
    asset = await ready_asset(services, "ola")
    old_render = await finished_job(services, asset, JobKind.RENDER, RETENTION_DAYS + 1)
    old_conversion = await finished_job(services, asset, JobKind.CONVERT, RETENTION_DAYS + 1)
    pinned = await finished_job(services, asset, JobKind.RENDER, RETENTION_DAYS + 1)
    recent = await finished_job(services, asset, JobKind.RENDER, RETENTION_DAYS - 1)
    assert (await services.jobs.pin(principal("ola"), pinned.id, True)).pinned

    await services.output_expiry.sweep()

    assert [await kept(services, job) for job in (old_render, old_conversion, pinned, recent)
            ] == [False, False, True, True]
    assert (await services.assets.get_visible(principal("ola"), asset.id)).file(FileRole.GLB)


async def test_an_expired_conversion_is_made_again_not_reused(services: Services) -> None:
    asset = await ready_asset(services, "pia")
    earlier = await finished_job(services, asset, JobKind.CONVERT, RETENTION_DAYS + 1,
                                 cache_key=cache_key(str(asset.sha256), WELDED_OBJ))
    viewer = principal("pia")
    assert (await services.conversions.request(viewer, asset.id, WELDED_OBJ)).id == earlier.id

    await services.output_expiry.sweep()
    again = await services.conversions.request(viewer, asset.id, WELDED_OBJ)

    assert again.id != earlier.id and again.status is JobStatus.QUEUED


async def test_a_trashed_assets_outputs_wait_for_it(services: Services) -> None:
    asset = await ready_asset(services, "rex")
    render = await finished_job(services, asset, JobKind.RENDER, RETENTION_DAYS + 1)
    await services.asset_trash.delete(principal("rex"), asset.id)

    await services.output_expiry.sweep()
    await services.asset_trash.restore(principal("rex"), asset.id)
    assert await kept(services, render)

    await services.output_expiry.sweep()
    assert not await kept(services, render)


async def test_only_the_owner_pins_and_only_renders_and_conversions(services: Services) -> None:
    asset = await ready_asset(services, "sam")
    render = await finished_job(services, asset, JobKind.RENDER, 1)
    ingest = Job(owner="sam", kind=JobKind.INGEST, status=JobStatus.SUCCEEDED)
    await ingest.insert()

    assert await code_of(services.jobs.pin(principal("eve"), render.id, True)
                         ) is ErrorCode.NOT_FOUND
    assert await code_of(services.jobs.pin(principal("sam"), ingest.id, True)
                         ) is ErrorCode.INVALID_STATE
    unpinned = await services.jobs.pin(principal("sam"), render.id, False)
    assert unpinned.pinned is False
