"""The ingest job: original file in storage → normalised GLB, stats, validation → READY/FAILED."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from app.errors import AtelierError, NotFound
from app.geometry.ingest import IngestLimits, IngestSummary, ingest_path
from app.models.asset import Asset, AssetStatus
from app.models.common import AssetStats, ErrorInfo, FileRole, StoredFile, ValidationSummary
from app.services.container import Services
from app.workers.job_run import JobRun
from app.workers.outcome import Outcome, carry_out
from app.workers.sandbox import Limits, run_isolated
from app.workers.thumbnail import render_thumbnail

GLB_CONTENT_TYPE = "model/gltf-binary"


async def ingest(ctx: dict[str, Any], job_id: str) -> None:
    services: Services = ctx["services"]
    run = await JobRun.claim(services.jobs.log, job_id)
    if run is None:
        return
    asset = await Asset.get(run.job.asset_id or "")
    if asset is None:
        await run.fail(NotFound("the asset was deleted before it could be ingested"))
        return

    async def work() -> Outcome:
        await services.assets.set_status(asset.id, AssetStatus.PROCESSING)
        return Outcome(await _process(services, run, asset))

    async def asset_failed(error: AtelierError) -> None:
        await services.assets.finish(asset, AssetStatus.FAILED, error=_error_info(error))

    await carry_out(ctx, run, work, what="ingest", on_failure=asset_failed)


async def _process(services: Services, run: JobRun, asset: Asset) -> list[StoredFile]:
    settings = services.settings
    original = asset.file(FileRole.ORIGINAL)
    if original is None:
        raise NotFound("the asset has no original file")
    with tempfile.TemporaryDirectory(prefix="atelier-ingest-") as work:
        source, glb_path = Path(work) / original.filename, Path(work) / "model.glb"
        await run.stage("download", 0.02)
        await services.storage.download_to(original.key, source)
        summary: IngestSummary = await run_isolated(
            ingest_path, source, original.filename, glb_path,
            IngestLimits(max_triangles=settings.max_triangles),
            limits=Limits(settings.job_timeout_seconds, settings.job_memory_mb),
            on_progress=run.within(0.05, 0.85),
        )
        await run.stage("store", 0.88)
        key = f"assets/{asset.id}/model.glb"
        stored = await services.storage.put_file(key, glb_path, content_type=GLB_CONTENT_TYPE)
        await run.stage("thumbnail", 0.92)
        thumbnail = await render_thumbnail(services, glb_path, asset)
    glb = StoredFile(role=FileRole.GLB, format="GLB", key=key, size_bytes=stored.size_bytes,
                     content_type=GLB_CONTENT_TYPE, filename=f"{Path(asset.name).stem}.glb",
                     job_id=run.job.id)
    produced = [glb, thumbnail] if thumbnail else [glb]
    replaced = {FileRole.GLB, FileRole.THUMBNAIL}
    files = [f for f in asset.files if f.role not in replaced] + produced
    await services.assets.finish(
        asset, AssetStatus.READY,
        source_format=summary.source_format,
        stats=AssetStats.model_validate(summary.stats).model_dump(),
        validation=ValidationSummary.model_validate(summary.validation).model_dump(),
        files=[f.model_dump() for f in files],
    )
    return produced


def _error_info(error: AtelierError) -> ErrorInfo:
    return ErrorInfo(code=error.code.value, message=error.message)
