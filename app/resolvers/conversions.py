"""Conversion fields: the assetConvert mutation, and its input turned into a conversion request."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry

from app.context import Context
from app.errors import UnsupportedOption
from app.geometry import convert
from app.resolvers.errors import errors_as_data
from app.resolvers.idempotency import IdempotencyKey, once
from app.resolvers.job_types import Job
from app.schema.convert import AssetConvertInput, OptimizeInput
from app.schema.job import JobPayload
from app.services.idempotency import JOB_REPLAY

Info = strawberry.Info[Context, None]


def optimize_options(given: OptimizeInput) -> convert.OptimizeOptions:
    """The options asked for; settings left out keep the converter's defaults."""
    compress_only = {"compression": given.compression, "quantize": given.quantize,
                     "position_error": given.position_error}
    for name, value in compress_only.items():
        if value is not None and given.preset is not convert.OptimizePreset.COMPRESS:
            raise UnsupportedOption(f"'{name}' belongs to the COMPRESS preset, not "
                                    f"{given.preset}", field=["input", "optimize", name])
    settings: dict[str, Any] = {
        "ratio": given.ratio, "target_triangles": given.target_triangles,
        "max_error": given.max_error, "position_error": given.position_error,
        "compression": given.compression and given.compression.value,
        "quantize": given.quantize, "max_texture_size": given.max_texture_size,
        "texture_format": given.texture_format and given.texture_format.value,
        "lod_ratios": None if given.lod_ratios is None else tuple(given.lod_ratios),
    }
    return convert.OptimizeOptions(
        given.preset, **{name: value for name, value in settings.items() if value is not None})


def conversion_request(given: AssetConvertInput) -> convert.ConversionRequest:
    return convert.ConversionRequest(given.format,
                                     optimize_options(given.optimize or OptimizeInput()))


@strawberry.type
class ConversionMutation:
    @strawberry.mutation(description="Convert a READY asset (needs ASSETS_WRITE): a CONVERT job "
                         "whose output, role CONVERTED, is listed on the job and the asset. An "
                         "identical request returns the job that is doing or did the work.")
    @errors_as_data(JobPayload, placed={"request": ("input",)})
    async def asset_convert(
        self, info: Info,
        asset_id: Annotated[strawberry.ID, strawberry.argument(
            description="A READY asset of the viewer's")],
        input: Annotated[AssetConvertInput, strawberry.argument(
            description="The format to write and an optimisation on the way")],
        idempotency_key: IdempotencyKey = None,
    ) -> JobPayload:
        request = {"operation": "assetConvert", "asset_id": asset_id,
                   "input": strawberry.asdict(input)}
        job = await once(info, idempotency_key, request, lambda: (
            info.context.services.conversions.request(
                info.context.viewer, asset_id, conversion_request(input))), JOB_REPLAY)
        return JobPayload(job=Job.from_model(job))
