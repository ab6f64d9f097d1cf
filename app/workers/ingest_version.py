"""The ingest of a new version of an asset: like a first upload's (the sandboxed ingest, GLB,
thumbnail, validation), but into the version's own storage folder and record; the asset shows
the version once it is READY (app/services/asset_versions.py). A version is one model: a zip
of several is refused."""

from __future__ import annotations

import asyncio
import tempfile
from pathlib import Path

from app.errors import AtelierError, InvalidInput, NotFound
from app.geometry.bundles import ZIP_MAGIC
from app.geometry.ingest import (
    IngestLimits,
    IngestSummary,
    RejectedModel,
    ingest_path,
    unpack_bundle,
)
from app.models.asset import Asset, AssetStatus, SourceMetadata
from app.models.asset_version import AssetVersion
from app.models.common import AssetStats, ErrorInfo, FileRole, StoredFile, ValidationSummary
from app.models.quality import QualityReport
from app.services.asset_versions import version_folder
from app.services.container import Services
from app.workers.job_run import JobRun
from app.workers.outcome import Outcome
from app.workers.sandbox import Limits, run_isolated
from app.workers.thumbnail import render_thumbnail

GLB_CONTENT_TYPE = "model/gltf-binary"


async def version_of(asset: Asset, number: int) -> AssetVersion:
    version = await AssetVersion.find_one({"asset_id": asset.id, "number": number})
    if version is None:
        raise NotFound(f"the asset has no version {number}")
    return version


async def ingest_version(services: Services, run: JobRun, asset: Asset, number: int,
                         limits: IngestLimits) -> Outcome:
    """Ingest version `number` of `asset` within `limits`; its files are the job's outputs."""
    version = await version_of(asset, number)
    original = next((f for f in version.files if f.role is FileRole.ORIGINAL), None)
    if original is None:
        raise NotFound("the version has no original file")
    await services.asset_versions.set_processing(version)
    settings = services.settings
    with tempfile.TemporaryDirectory(prefix="atelier-version-") as folder:
        work = Path(folder)
        source = work / original.filename
        await services.storage.download_to(original.key, source)
        if await asyncio.to_thread(_starts_with_zip, source):
            (work / "bundle").mkdir()
            members = await run_isolated(unpack_bundle, source, original.filename,
                                         work / "bundle", limits,
                                         limits=Limits.from_settings(settings))
            if members:
                raise InvalidInput("a new version is one model; this zip holds "
                                   f"{len(members)}", field=["file"])
        glb_path = work / "model.glb"
        summary: IngestSummary = await run_isolated(
            ingest_path, source, original.filename, glb_path, limits,
            limits=Limits.from_settings(settings), on_progress=run.within(0.05, 0.85))
        await run.stage("store", 0.88)
        folder_key = version_folder(number)
        key = f"assets/{asset.id}/{folder_key}model.glb"
        stored = await services.storage.put_file(key, glb_path, content_type=GLB_CONTENT_TYPE)
        await run.stage("thumbnail", 0.92)
        thumbnail = await render_thumbnail(
            services, glb_path, asset.model_copy(update={"ingest_job_id": run.job.id}),
            folder_key)
    glb = StoredFile(role=FileRole.GLB, format="GLB", key=key, size_bytes=stored.size_bytes,
                     content_type=GLB_CONTENT_TYPE, filename=f"{Path(asset.name).stem}.glb",
                     job_id=run.job.id)
    produced = [glb, thumbnail] if thumbnail else [glb]
    await services.asset_versions.finish(
        version, AssetStatus.READY, source_format=summary.source_format,
        stats=AssetStats.model_validate(summary.stats).model_dump(),
        validation=ValidationSummary.model_validate(summary.validation).model_dump(),
        source_metadata=SourceMetadata.model_validate(summary.facts).model_dump(),
        quality=QualityReport.model_validate(summary.quality).model_dump() if summary.quality
        else None,
        files=[f.model_dump() for f in version.files + produced])
    return Outcome(produced, message=f"version {number} is READY")


async def version_failed(services: Services, asset: Asset, number: int,
                         error: AtelierError) -> None:
    """Version `number` failed: recorded on it (with the validation report of a rejected
    model); the asset keeps its current version."""
    version = await version_of(asset, number)
    if version.status in (AssetStatus.READY, AssetStatus.FAILED):
        return
    report = error.validation if isinstance(error, RejectedModel) else None
    changes = {"validation": ValidationSummary.model_validate(report).model_dump()
               } if report else {}
    await services.asset_versions.finish(
        version, AssetStatus.FAILED, error=ErrorInfo(code=error.code.value,
                                                     message=error.message), **changes)


def _starts_with_zip(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(len(ZIP_MAGIC)) == ZIP_MAGIC
