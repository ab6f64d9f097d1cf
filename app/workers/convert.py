"""The convert job: an asset's normalised GLB → one converted file (role CONVERTED), made in the
sandbox child, stored under the asset and listed on both the job and the asset."""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

from arq.worker import Retry

from app.errors import AtelierError, ErrorCode
from app.geometry.convert import ConversionRequest, ConvertedFile, run_conversion
from app.models.common import StoredFile
from app.services.container import Services
from app.services.conversions import output_stem
from app.workers.job_run import JobCancelled, JobRun
from app.workers.retry import retry_on_passing_faults
from app.workers.sandbox import Limits, run_isolated

log = logging.getLogger(__name__)

# Progress: download up to CONVERT_START, the conversion's own stages up to CONVERT_END, then
# storing the file.
CONVERT_START, CONVERT_END, STORE = 0.05, 0.9, 0.92


async def convert(ctx: dict[str, Any], job_id: str) -> None:
    services: Services = ctx["services"]
    run = await JobRun.claim(services.jobs.log, job_id)
    if run is None:
        return
    try:
        async with retry_on_passing_faults(run, ctx):
            run.ensure_attempts_left(services.settings.job_max_attempts)
            output, triangles = await _convert(services, run)
    except JobCancelled:
        await run.cancelled()
    except AtelierError as error:
        await run.fail(error)
    except Retry:
        raise
    except Exception as error:  # a bug must still end the job, not leave it RUNNING
        log.exception("convert job %s failed unexpectedly", job_id)
        await run.fail(AtelierError(f"conversion failed unexpectedly: {type(error).__name__}",
                                    code=ErrorCode.INTERNAL))
    else:
        await run.succeed([output], message=f"{output.format}: {triangles} triangles, "
                          f"{output.size_bytes} bytes")


async def _convert(services: Services, run: JobRun) -> tuple[StoredFile, int]:
    """The stored output and the number of triangles it draws."""
    conversions, settings = services.conversions, services.settings
    request = ConversionRequest.from_params(run.job.params)
    await run.stage("download", 0.02)
    asset, glb = await conversions.source(run.job)
    with tempfile.TemporaryDirectory(prefix="atelier-convert-") as work:
        source, out = Path(work) / "source.glb", Path(work) / "out"
        out.mkdir()
        await services.storage.download_to(glb.key, source)
        converted: ConvertedFile = await run_isolated(
            run_conversion, source, request, out, conversions.limits,
            output_stem(asset),
            limits=Limits(settings.job_timeout_seconds, settings.job_memory_mb),
            on_progress=run.within(CONVERT_START, CONVERT_END),
        )
        await run.stage("store", STORE)
        output = await conversions.store_output(run.job, converted)
    return output, converted.triangle_count
