"""The convert job: an asset's normalised GLB → one converted file (role CONVERTED), made in the
sandbox child, stored under the asset and listed on both the job and the asset."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from app.geometry.convert import (
    ConversionRequest,
    ConvertedFile,
    compression_summary,
    run_conversion,
)
from app.services.container import Services
from app.services.conversions import output_stem
from app.workers.job_run import JobRun
from app.workers.outcome import Outcome, carry_out, claim
from app.workers.sandbox import Limits, run_isolated

# Progress: download up to CONVERT_START, the conversion's own stages up to CONVERT_END, then
# storing the file.
CONVERT_START, CONVERT_END, STORE = 0.05, 0.9, 0.92


async def convert(ctx: dict[str, Any], job_id: str) -> None:
    services: Services = ctx["services"]
    run = await claim(ctx, job_id, first_stage="download")
    if run is None:
        return
    await carry_out(ctx, run, lambda: _convert(services, run), what="conversion")


async def _convert(services: Services, run: JobRun) -> Outcome:
    """The stored output, described by the number of triangles it draws and, for COMPRESS,
    what each attribute cost in bytes and precision."""
    conversions, settings = services.conversions, services.settings
    request = ConversionRequest.from_params(run.job.params)
    asset, glb = await conversions.source(run.job)
    with tempfile.TemporaryDirectory(prefix="atelier-convert-") as work:
        source, out = Path(work) / "source.glb", Path(work) / "out"
        out.mkdir()
        await services.storage.download_to(glb.key, source)
        converted: ConvertedFile = await run_isolated(
            run_conversion, source, request, out, conversions.limits,
            output_stem(asset),
            limits=Limits.from_settings(settings),
            on_progress=run.within(CONVERT_START, CONVERT_END),
        )
        await run.stage("store", STORE)
        output = await conversions.store_output(run.job, converted)
    message = f"{output.format}: {converted.triangle_count} triangles, {output.size_bytes} bytes"
    if converted.compression:
        message += f"; {compression_summary(converted.compression)}"
    if converted.lod_triangles:
        levels = ", ".join(f"LOD{n} {count}" for n, count in enumerate(converted.lod_triangles))
        message += f"; triangles per level: {levels}"
    return Outcome([output], message=message, compression=converted.compression)
