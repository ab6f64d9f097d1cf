"""A project's usage on the real database: its assets' bytes and its jobs, whoever made them,
apart from another project's; NOT_FOUND to a non-member and FORBIDDEN without ASSETS_READ; jobs
record their subject's project, and those stored before it get it from the reaper; every
figure is read through an index on SecantusDB, checked by explain."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from typing import Any

import pytest

from app.config import Settings
from app.embedded.database import EmbeddedDatabase
from app.embedded.redis import EmbeddedRedis
from app.errors import Forbidden, NotFound
from app.models.asset import Asset
from app.models.common import FileRole, StoredFile
from app.models.job import Job, JobKind, JobStatus
from app.models.project import ProjectRole, personal_project_id
from app.models.token import Scope
from app.services.access import ProjectAccess
from app.services.auth import Principal
from app.services.container import Services, opened_services
from app.services.job_projects import backfill_job_projects
from app.services.usage import Usage
from tests.services.test_usage_month import FIRST_OF_MONTH, NOW, scanned_index

READ = frozenset({Scope.ASSETS_READ})


@pytest.fixture(scope="module")
async def services(database: EmbeddedDatabase, redis_server: EmbeddedRedis,
                   tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Services]:
    settings = Settings(mongodb_url=database.url, redis_url=redis_server.url,
                        database_name="project_usage_test", secret_key="test",
                        storage_dir=tmp_path_factory.mktemp("project-usage-objects"))
    async with opened_services(settings) as opened:
        yield opened


def member(owner: str, *projects: str, scopes: frozenset[Scope] = READ) -> Principal:
    roles = [(project, ProjectRole.VIEWER) for project in projects]
    return Principal(owner=owner, scopes=scopes, access=ProjectAccess.of_roles(roles))


async def asset(owner: str, project_id: str, *sizes: int) -> Asset:
    files = [StoredFile(role=FileRole.ORIGINAL, format="stl", key=f"k/{uuid.uuid4().hex}",
                        size_bytes=size, content_type="model/stl", filename="m.stl")
             for size in sizes]
    stored = Asset(owner=owner, project_id=project_id, name="m", filename="m.stl", files=files)
    await stored.insert()
    return stored


async def job(owner: str, project_id: str, kind: JobKind, status: JobStatus,
              created_at: datetime = NOW, seconds: float | None = None) -> None:
    stored = Job(owner=owner, project_id=project_id, kind=kind, status=status,
                 created_at=created_at)
    if seconds is not None:
        stored.started_at = created_at
        stored.finished_at = created_at + timedelta(seconds=seconds)
    await stored.insert()


def new_id(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


async def test_a_projects_figures_are_its_assets_and_jobs_whoever_made_them(
        services: Services) -> None:
    ann, bob = new_id("ann"), new_id("bob")
    shared, other = new_id("prj_shared"), new_id("prj_other")
    await asset(ann, shared, 100, 20)
    await asset(bob, shared, 3)
    await asset(ann, other, 5000)
    await job(ann, shared, JobKind.RENDER, JobStatus.SUCCEEDED, seconds=2.5)
    await job(bob, shared, JobKind.RENDER, JobStatus.SUCCEEDED, seconds=1.5)
    await job(bob, shared, JobKind.INGEST, JobStatus.QUEUED)
    await job(ann, shared, JobKind.RENDER, JobStatus.RUNNING)
    await job(ann, shared, JobKind.RENDER, JobStatus.SUCCEEDED,
              created_at=FIRST_OF_MONTH - timedelta(days=1), seconds=90)  # last month
    await job(ann, other, JobKind.RENDER, JobStatus.SUCCEEDED, seconds=7)

    seen = await services.usage.of_project(member(bob, shared), shared, NOW)
    elsewhere = await services.usage.of_project(member(ann, other), other, NOW)

    assert seen == Usage(bytes_stored=123, assets=2, jobs_queued=1, jobs_running=1,
                         jobs_this_month=4, render_seconds=pytest.approx(4.0))
    assert elsewhere == Usage(bytes_stored=5000, assets=1, jobs_this_month=1,
                              render_seconds=pytest.approx(7.0))


async def test_a_non_member_gets_not_found_and_a_token_without_assets_read_forbidden(
        services: Services) -> None:
    project = new_id("prj_private")
    await asset(new_id("ann"), project, 10)

    with pytest.raises(NotFound, match=f"no project with id {project}"):
        await services.usage.of_project(member(new_id("stranger")), project)
    with pytest.raises(NotFound, match="no project with id prj_missing"):
        await services.usage.of_project(member(new_id("stranger")), "prj_missing")
    with pytest.raises(Forbidden):
        await services.usage.of_project(
            member(new_id("ann"), project, scopes=frozenset({Scope.JOBS_READ})), project)


async def test_a_job_counts_in_the_project_it_is_given_else_the_owners_personal_one(
        services: Services) -> None:
    owner, project = new_id("cal"), new_id("prj_team")

    in_project = await services.jobs.create(owner, JobKind.RENDER, project_id=project)
    personal = await services.jobs.create(owner, JobKind.IMPORT)

    assert (await Job.get(in_project.id)).project_id == project  # type: ignore[union-attr]
    assert (await Job.get(personal.id)).project_id == personal_project_id(owner)  # type: ignore[union-attr]


async def test_jobs_stored_before_projects_get_their_subjects_project_from_the_reaper(
        services: Services) -> None:
    owner, project = new_id("dee"), new_id("prj_old")
    subject = await asset(owner, project, 1)
    collection = Job.get_pymongo_collection()
    on_asset, on_nothing = "job_" + uuid.uuid4().hex, "job_" + uuid.uuid4().hex
    for job_id, asset_id in ((on_asset, subject.id), (on_nothing, None)):
        await collection.insert_one({"_id": job_id, "owner": owner, "kind": "INGEST",
                                     "status": "SUCCEEDED", "asset_id": asset_id,
                                     "created_at": NOW})

    assert await backfill_job_projects() >= 2
    assert await backfill_job_projects() == 0  # each pass after that finds nothing

    given = {doc["_id"]: doc["project_id"] async for doc in collection.find(
        {"_id": {"$in": [on_asset, on_nothing]}})}
    assert given == {on_asset: project, on_nothing: personal_project_id(owner)}
    usage = await services.usage.of_project(member(owner, project), project, NOW)
    assert usage.jobs_this_month == 1


@pytest.mark.parametrize(("model", "match", "index"), [
    (Asset, {"project_id": "prj_x"}, {"project_id": 1, "_id": -1}),
    (Job, {"project_id": "prj_x", "status": {"$in": ["QUEUED", "RUNNING"]}},
     {"project_id": 1, "status": 1}),
    (Job, {"project_id": "prj_x", "created_at": {"$gte": FIRST_OF_MONTH}},
     {"project_id": 1, "created_at": 1}),
], ids=["assets", "unfinished jobs", "jobs this month"])
async def test_a_projects_figures_are_read_through_an_index(
        services: Services, model: type[Asset] | type[Job], match: dict[str, Any],
        index: dict[str, int]) -> None:
    collection = model.get_pymongo_collection()
    explained = await collection.database.command("explain", {
        "aggregate": collection.name, "cursor": {},
        "pipeline": [{"$match": match}, {"$group": {"_id": None, "n": {"$sum": 1}}}]})

    assert scanned_index(explained) == index


async def test_the_reaper_finds_jobs_without_a_project_through_an_index(
        services: Services) -> None:
    collection = Job.get_pymongo_collection()
    explained = await collection.database.command(
        "explain", {"find": collection.name, "filter": {"project_id": None}, "limit": 500})

    assert scanned_index(explained) is not None
    assert next(iter(scanned_index(explained) or {})) == "project_id"
