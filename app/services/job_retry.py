"""Retrying a job that ended FAILED or CANCELLED: a new job of the same kind, subject and
parameters, made through the same service a fresh request takes, so every check (scopes,
project role, quotas, job limits, the subject still there and ready) applies again. The old
job stays as it ended, for its history."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from app.errors import AtelierError, InvalidState
from app.geometry.convert import ConversionRequest
from app.geometry.render import RenderRequest
from app.models.asset import AssetStatus
from app.models.job import Job, JobKind, JobStatus
from app.models.token import Scope
from app.services.asset_versions import VERSION_PARAM
from app.services.assets import AssetService
from app.services.auth import Principal
from app.services.conversions import ConversionService
from app.services.jobs import JobService
from app.services.renders import RenderService
from app.services.uploads import BUNDLE_MEMBERS

RETRYABLE = frozenset({JobStatus.FAILED, JobStatus.CANCELLED})
# An asset whose ingest failed, or was cancelled before it started (the asset kept waiting).
REINGESTABLE = [AssetStatus.FAILED.value, AssetStatus.UPLOADED.value]


@contextmanager
def at_the_job() -> Iterator[None]:
    """A refusal of the new job points at the retried job's id, the retry's only input."""
    try:
        yield
    except AtelierError as error:
        if error.field is not None:
            error.field = ["id"]
        raise


class JobRetryService:
    def __init__(self, jobs: JobService, renders: RenderService,
                 conversions: ConversionService, assets: AssetService) -> None:
        self.jobs = jobs
        self.renders = renders
        self.conversions = conversions
        self.assets = assets

    async def retry(self, principal: Principal, job_id: str) -> Job:
        """The new job; NOT_FOUND as for jobCancel, INVALID_STATE for a job that did not end
        FAILED or CANCELLED or a kind that is not retried, and any refusal a new request of
        its kind would get. Nothing is created when it is refused."""
        principal.require(Scope.JOBS_WRITE)
        old = await self.jobs.get_visible(principal, job_id)
        if old.status not in RETRYABLE:
            raise InvalidState(f"the job is {old.status.value}; only a FAILED or CANCELLED "
                               "job can be retried", field=["id"])
        with at_the_job():
            if old.kind is JobKind.RENDER:
                return await self.renders.submit(
                    principal, asset_id=old.asset_id, scene_id=old.scene_id,
                    request=RenderRequest.from_params(old.params))
            if old.kind is JobKind.CONVERT:
                return await self.conversions.request(
                    principal, str(old.asset_id), ConversionRequest.from_params(old.params))
            if old.kind is JobKind.INGEST:
                return await self._reingest(principal, old)
        raise InvalidState(f"a {old.kind.value} job is not retried; start it again",
                           field=["id"])

    async def _reingest(self, principal: Principal, old: Job) -> Job:
        """Ingest the asset again from its stored original, when this job was its last
        ingest and it did not become READY. A new version's or a zip's ingest is not retried
        (upload it again): redoing one would add a version, or the zip's models, twice."""
        if VERSION_PARAM in old.params or BUNDLE_MEMBERS in old.params:
            raise InvalidState("a new version's or a zip's ingest is not retried; upload the "
                               "file again", field=["id"])
        asset = await self.assets.get_writable(principal, str(old.asset_id))
        if asset.ingest_job_id != old.id:
            raise InvalidState("the asset was ingested again since; retry its last ingest",
                               field=["id"])
        if asset.status.value not in REINGESTABLE:
            raise InvalidState(f"the asset is {asset.status.value}; only a FAILED asset is "
                               "ingested again", field=["id"])
        return await self.assets.start_ingest(
            asset, only_if={"ingest_job_id": old.id, "status": {"$in": REINGESTABLE}},
            changes={"status": AssetStatus.UPLOADED.value, "error": None})
