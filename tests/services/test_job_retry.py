"""jobRetry's service on the real database, queue and storage: a FAILED or CANCELLED job comes
back as a new job of the same kind, subject and parameters, the old one left as it ended; each
refusal has its code at the job's id, and creates no job."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator

import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.errors import ErrorCode
from app.geometry.convert import ConversionRequest, OutputFormat
from app.geometry.render import RenderOptions, RenderRequest
from app.models.asset import Asset, AssetStatus
from app.models.job import Job, JobKind, JobStatus
from app.models.project import ProjectRole, personal_project_id
from app.models.token import Scope
from app.services.access import ProjectAccess
from app.services.asset_versions import VERSION_PARAM
from app.services.auth import Principal
from app.services.container import Services, opened_services
from app.services.job_retry import JobRetryService
from tests.geometry.render.conftest import cube_glb
from tests.services.test_scenes import USER_SCOPES, error_of, principal, stored_asset

MAX_JOBS = 3


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="job_retry_test", secret_key="test",
                        queue_name="job-retry-test:" + uuid.uuid4().hex,
                        storage_dir=tmp_path_factory.mktemp("job-retry"),
                        max_jobs_per_owner=MAX_JOBS)
    async with opened_services(settings) as opened:
        yield opened


@pytest.fixture
def retries(services: Services) -> JobRetryService:
    return JobRetryService(services.jobs, services.renders, services.conversions,
                           services.assets)


def new_owner() -> str:
    return f"retrier-{uuid.uuid4().hex[:8]}"


async def ended_job(owner: str, kind: JobKind, status: JobStatus = JobStatus.FAILED, *,
                    asset: Asset | None = None, params: dict | None = None) -> Job:
    job = Job(owner=owner, kind=kind, status=status, asset_id=asset.id if asset else None,
              project_id=asset.project_id if asset else personal_project_id(owner),
              params=params or {}, stage="failed")
    await job.insert()
    return job


RENDER_PARAMS = RenderRequest(options=RenderOptions(width=64, height=48)).to_params()


async def failed_render(services: Services, owner: str,
                        status: JobStatus = JobStatus.FAILED) -> Job:
    asset = await stored_asset(services, owner, cube_glb())
    return await ended_job(owner, JobKind.RENDER, status, asset=asset, params=RENDER_PARAMS)


async def jobs_of(owner: str) -> list[Job]:
    return await Job.find({"owner": owner}).sort("_id").to_list()


@pytest.mark.parametrize("status", [JobStatus.FAILED, JobStatus.CANCELLED])
async def test_an_ended_render_comes_back_as_a_new_queued_job(
        services: Services, retries: JobRetryService, status: JobStatus) -> None:
    owner = new_owner()
    old = await failed_render(services, owner, status)

    new = await retries.retry(principal(owner), old.id)

    assert new.id != old.id
    assert (new.kind, new.status, new.asset_id, new.owner) == (
        JobKind.RENDER, JobStatus.QUEUED, old.asset_id, owner)
    assert new.params == RENDER_PARAMS
    kept = await Job.get(old.id)
    assert kept is not None and kept.status is status


@pytest.mark.parametrize("status", [JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.SUCCEEDED])
async def test_a_job_that_did_not_fail_or_stop_is_refused(
        services: Services, retries: JobRetryService, status: JobStatus) -> None:
    owner = new_owner()
    old = await failed_render(services, owner, status)

    error = await error_of(retries.retry(principal(owner), old.id))

    assert (error.code, error.field) == (ErrorCode.INVALID_STATE, ["id"])
    assert [job.id for job in await jobs_of(owner)] == [old.id]


async def test_another_owners_job_is_not_found_like_a_missing_id(
        services: Services, retries: JobRetryService) -> None:
    owner, stranger = new_owner(), new_owner()
    old = await failed_render(services, owner)

    theirs = await error_of(retries.retry(principal(stranger), old.id))
    missing = await error_of(retries.retry(principal(stranger), "job_missing"))

    assert (theirs.code, theirs.field) == (missing.code, missing.field) == (
        ErrorCode.NOT_FOUND, ["id"])
    assert theirs.message == missing.message.replace("job_missing", old.id)
    assert await jobs_of(stranger) == [] and len(await jobs_of(owner)) == 1


@pytest.mark.parametrize("scope", [Scope.JOBS_WRITE, Scope.JOBS_READ])
async def test_a_token_without_the_jobs_scopes_is_refused(
        services: Services, retries: JobRetryService, scope: Scope) -> None:
    owner = new_owner()
    old = await failed_render(services, owner)

    code = (await error_of(retries.retry(principal(owner, USER_SCOPES - {scope}), old.id))).code

    assert code is ErrorCode.FORBIDDEN
    assert len(await jobs_of(owner)) == 1


async def test_a_project_viewer_may_not_retry_an_editors_render(
        services: Services, retries: JobRetryService) -> None:
    owner, viewer = new_owner(), new_owner()
    old = await failed_render(services, owner)
    access = ProjectAccess.of_roles([(str(old.project_id), ProjectRole.VIEWER)])

    error = await error_of(retries.retry(
        Principal(owner=viewer, scopes=USER_SCOPES, access=access), old.id))

    assert (error.code, error.field) == (ErrorCode.FORBIDDEN, None)
    assert await jobs_of(viewer) == []


async def test_a_render_of_an_asset_no_longer_ready_or_gone_is_refused(
        services: Services, retries: JobRetryService) -> None:
    owner = new_owner()
    failed, deleted = await failed_render(services, owner), await failed_render(services, owner)
    await Asset.get_pymongo_collection().update_one(
        {"_id": failed.asset_id}, {"$set": {"status": AssetStatus.FAILED.value}})
    await Asset.get_pymongo_collection().delete_one({"_id": deleted.asset_id})

    not_ready = await error_of(retries.retry(principal(owner), failed.id))
    gone = await error_of(retries.retry(principal(owner), deleted.id))

    assert (not_ready.code, not_ready.field) == (ErrorCode.INVALID_STATE, ["id"])
    assert (gone.code, gone.field) == (ErrorCode.NOT_FOUND, ["id"])
    assert len(await jobs_of(owner)) == 2


async def test_a_retry_past_the_owners_job_limit_is_refused(
        services: Services, retries: JobRetryService) -> None:
    owner = new_owner()
    old = await failed_render(services, owner)
    for _ in range(MAX_JOBS):
        await ended_job(owner, JobKind.RENDER, JobStatus.QUEUED)

    code = (await error_of(retries.retry(principal(owner), old.id))).code

    assert code is ErrorCode.QUOTA_EXCEEDED
    assert len(await jobs_of(owner)) == MAX_JOBS + 1


async def test_a_failed_conversion_comes_back_with_its_request(
        services: Services, retries: JobRetryService) -> None:
    owner = new_owner()
    asset = await stored_asset(services, owner, cube_glb())
    await Asset.get_pymongo_collection().update_one({"_id": asset.id},
                                                    {"$set": {"sha256": "ab" * 32}})
    params = {**ConversionRequest(OutputFormat.STL).to_params(), "cache_key": "old"}
    old = await ended_job(owner, JobKind.CONVERT, asset=asset, params=params)

    new = await retries.retry(principal(owner), old.id)

    assert (new.kind, new.status, new.asset_id) == (JobKind.CONVERT, JobStatus.QUEUED, asset.id)
    assert new.params["format"] == "STL" and new.params["cache_key"] != "old"


async def test_a_failed_ingest_ingests_its_failed_asset_again(
        services: Services, retries: JobRetryService) -> None:
    owner = new_owner()
    asset = await stored_asset(services, owner, cube_glb(), status=AssetStatus.FAILED)
    old = await ended_job(owner, JobKind.INGEST, asset=asset)
    await Asset.get_pymongo_collection().update_one({"_id": asset.id},
                                                    {"$set": {"ingest_job_id": old.id}})

    new = await retries.retry(principal(owner), old.id)
    again = await error_of(retries.retry(principal(owner), old.id))

    stored = await Asset.get(asset.id)
    assert stored is not None
    assert (new.kind, stored.status, stored.ingest_job_id) == (
        JobKind.INGEST, AssetStatus.UPLOADED, new.id)
    assert (again.code, again.field) == (ErrorCode.INVALID_STATE, ["id"])
    assert len(await jobs_of(owner)) == 2


async def test_ingests_that_would_add_twice_and_imports_are_refused(
        services: Services, retries: JobRetryService) -> None:
    owner = new_owner()
    ready = await stored_asset(services, owner, cube_glb())
    failed = await stored_asset(services, owner, cube_glb(), status=AssetStatus.FAILED)
    jobs = [await ended_job(owner, JobKind.INGEST, asset=failed, params={VERSION_PARAM: 2}),
            await ended_job(owner, JobKind.INGEST, asset=ready),
            await ended_job(owner, JobKind.IMPORT, params={"bucket": "b", "prefix": ""})]
    await Asset.get_pymongo_collection().update_one({"_id": ready.id},
                                                    {"$set": {"ingest_job_id": jobs[1].id}})

    errors = [await error_of(retries.retry(principal(owner), job.id)) for job in jobs]

    assert [(error.code, error.field) for error in errors] == [
        (ErrorCode.INVALID_STATE, ["id"])] * 3
    assert len(await jobs_of(owner)) == 3
