"""Imports: assetImport ingests a model the server fetches from a URL, and
assetImportFromStorage queues the import of a bucket prefix, model by model."""

from __future__ import annotations

from typing import Annotated

import strawberry

from app.context import Context
from app.resolvers.asset_types import Asset
from app.resolvers.errors import errors_as_data
from app.resolvers.job_types import Job
from app.schema.asset import AssetUploadPayload
from app.schema.imports import AssetImportFromStorageInput, AssetImportInput
from app.schema.job import JobPayload

Info = strawberry.Info[Context, None]


@strawberry.type
class ImportMutation:
    @strawberry.mutation(description="Fetch a model from an https URL and ingest it like an "
                         "upload (ASSETS_WRITE). INVALID_INPUT for a URL that is not https, "
                         "answers with an error or reaches a private address; TOO_LARGE past "
                         "the upload cap; TIMEOUT past ATELIER_IMPORT_TIMEOUT_SECONDS.")
    @errors_as_data(AssetUploadPayload, at=("input",))
    async def asset_import(self, info: Info, input: Annotated[AssetImportInput, strawberry.argument(
            description="The URL to fetch, and the asset's name and tags")]) -> AssetUploadPayload:
        uploaded = await info.context.services.imports.import_url(
            info.context.viewer, url=input.url, name=input.name, tags=input.tags,
            project_id=input.project_id)
        return AssetUploadPayload(asset=Asset.from_model(uploaded.asset), reused=uploaded.reused,
                                  job=Job.from_model(uploaded.job) if uploaded.job else None)

    @strawberry.mutation(description="Queue one IMPORT job that lists a bucket prefix and makes "
                         "each model object there an asset with its own INGEST job; objects "
                         "whose bytes the owner already imported are skipped, so running it "
                         "again resumes it, and jobProgress counts the objects (ASSETS_WRITE). "
                         "FORBIDDEN for a bucket not in ATELIER_IMPORT_BUCKETS (or none listed) "
                         "and for the server's own storage bucket; the job fails with "
                         "LIMIT_EXCEEDED past ATELIER_IMPORT_MAX_OBJECTS objects.")
    @errors_as_data(JobPayload, at=("input",))
    async def asset_import_from_storage(
            self, info: Info, input: Annotated[AssetImportFromStorageInput, strawberry.argument(
                description="The bucket, the prefix and the assets' tags")]) -> JobPayload:
        job = await info.context.services.storage_imports.start(
            info.context.viewer, bucket=input.bucket, prefix=input.prefix, tags=input.tags)
        return JobPayload(job=Job.from_model(job))
