"""The ingest job: original file in storage → normalised GLB, stats, validation → READY/FAILED.

A zip of several models is unpacked first: the first model becomes this asset, every other one
its own asset and ingest job (the job's message lists them). A failure keeps the upload's
validation report on the FAILED asset. `expire_uploads` removes direct uploads nobody completed.
"""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path, PurePosixPath
from typing import Any

from app.config import Settings
from app.errors import AtelierError, NotFound
from app.geometry.archives import ArchiveLimits
from app.geometry.bundles import BundleMember
from app.geometry.ingest import (
    IngestLimits,
    IngestSummary,
    RejectedModel,
    ingest_path,
    unpack_bundle,
)
from app.models.asset import Asset, AssetStatus
from app.models.common import AssetStats, ErrorInfo, FileRole, StoredFile, ValidationSummary
from app.services.container import Services
from app.workers.job_run import JobRun
from app.workers.outcome import Outcome, carry_out, claim
from app.workers.sandbox import Limits, run_isolated
from app.workers.thumbnail import render_thumbnail

GLB_CONTENT_TYPE = "model/gltf-binary"
ZIP_MAGIC = b"PK\x03\x04"


def ingest_limits(settings: Settings) -> IngestLimits:
    return IngestLimits(
        max_triangles=settings.max_triangles, max_image_pixels=settings.max_image_pixels,
        max_node_depth=settings.max_node_depth,
        converter_timeout_seconds=settings.converter_timeout_seconds,
        archive=ArchiveLimits(settings.archive_max_entries, settings.archive_max_bytes,
                              settings.archive_max_ratio))


async def ingest(ctx: dict[str, Any], job_id: str) -> None:
    services: Services = ctx["services"]
    run = await claim(ctx, job_id, first_stage="download")
    if run is None:
        return
    asset = await Asset.get(run.job.asset_id or "")
    if asset is None:
        await run.fail(NotFound("the asset was deleted before it could be ingested"))
        return

    async def work() -> Outcome:
        await services.assets.set_status(asset.id, AssetStatus.PROCESSING)
        return await _process(services, run, asset)

    async def asset_failed(error: AtelierError) -> None:
        report = error.validation if isinstance(error, RejectedModel) else None
        changes = {"validation": ValidationSummary.model_validate(report).model_dump()
                   } if report else {}
        await services.assets.finish(asset, AssetStatus.FAILED, error=_error_info(error),
                                     **changes)

    await carry_out(ctx, run, work, what="ingest", on_failure=asset_failed)


async def expire_uploads(ctx: dict[str, Any]) -> int:
    """Delete the direct uploads whose time ran out (scheduled when each is created)."""
    services: Services = ctx["services"]
    return await services.uploads.expire_pending()


async def _process(services: Services, run: JobRun, asset: Asset) -> Outcome:
    settings = services.settings
    original = asset.file(FileRole.ORIGINAL)
    if original is None:
        raise NotFound("the asset has no original file")
    sandbox = Limits(settings.job_timeout_seconds, settings.job_memory_mb)
    limits = ingest_limits(settings)
    message = None
    with tempfile.TemporaryDirectory(prefix="atelier-ingest-") as work:
        source, glb_path = Path(work) / original.filename, Path(work) / "model.glb"
        await services.storage.download_to(original.key, source)
        filename = original.filename
        if await asyncio.to_thread(_starts_with_zip, source):
            (bundle := Path(work) / "bundle").mkdir()
            members: list[BundleMember] = await run_isolated(
                unpack_bundle, source, filename, bundle, limits, limits=sandbox)
            if members:
                await run.stage("unpack", 0.04)
                message = await _split_bundle(services, asset, members)
                source, filename = members[0].path, members[0].filename
        summary: IngestSummary = await run_isolated(
            ingest_path, source, filename, glb_path, limits, limits=sandbox,
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
    return Outcome(produced, message=message)


async def _split_bundle(services: Services, asset: Asset, members: list[BundleMember]) -> str:
    """Give every model after the first its own asset; this asset takes the first (and its
    name, unless the uploader chose one)."""
    others = [await services.uploads.add_bundle_member(asset, number, member)
              for number, member in enumerate(members) if number]
    if asset.name == PurePosixPath(asset.filename).name:
        asset.name = PurePosixPath(members[0].name).name
        await services.assets.set_status(asset.id, AssetStatus.PROCESSING, name=asset.name)
    return (f"the zip held {len(members)} models: this asset is {members[0].name}; the others "
            f"became assets {', '.join(other.id for other in others)}")


def _starts_with_zip(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(len(ZIP_MAGIC)) == ZIP_MAGIC


def _error_info(error: AtelierError) -> ErrorInfo:
    return ErrorInfo(code=error.code.value, message=error.message)
