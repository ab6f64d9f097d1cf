"""Conversion fields: the assetConvert mutation."""

from __future__ import annotations

import strawberry

from app.context import Context
from app.resolvers.errors import errors_as_data
from app.resolvers.idempotency import IdempotencyKey, once
from app.resolvers.job_types import Job
from app.schema.convert import AssetConvertInput
from app.schema.job import JobPayload
from app.services.idempotency import JOB_REPLAY

Info = strawberry.Info[Context, None]


@strawberry.type
class ConversionMutation:
    @strawberry.mutation(description="Convert a READY asset (needs ASSETS_WRITE): a CONVERT job "
                         "whose output, role CONVERTED, is listed on the job and the asset. An "
                         "identical request returns the job that is doing or did the work.")
    @errors_as_data(JobPayload)
    async def asset_convert(self, info: Info, asset_id: strawberry.ID,
                            input: AssetConvertInput,
                            idempotency_key: IdempotencyKey = None) -> JobPayload:
        request = {"operation": "assetConvert", "asset_id": asset_id,
                   "input": strawberry.asdict(input)}
        job = await once(info, idempotency_key, request, lambda: (
            info.context.services.conversions.request(
                info.context.viewer, asset_id, input.to_request())), JOB_REPLAY)
        return JobPayload(job=Job.from_model(job))
