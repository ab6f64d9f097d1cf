"""The ingest job: original file in storage → normalised GLB, stats, validation → READY/FAILED.

A zip of several models (a bundle, at most `archive_max_models`; nested archives refused) is
one job, not one per model: it unpacks the zip in the sandbox, makes every model after the first
its own UPLOADED asset (`<asset id>-<n>`), ingests the first as this asset, then the others one
after another, each in its own sandboxed child, the job's progress counting models. A bundle
cannot starve other owners: it holds one of its owner's dispatch slots, and after
`bundle_slice_seconds` of models it gives its worker slot back (TurnOver) and queues again
behind the jobs handed over meanwhile, other owners' first jobs included; the next turn carries
on with the models not yet READY or FAILED. A model's failure is its own asset's; the job fails
only for what stops the whole bundle. A failure keeps the upload's validation report on the
FAILED asset. `expire_uploads` removes direct uploads nobody completed.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path, PurePosixPath
from typing import Any

from app.config import Settings
from app.errors import AtelierError, NotFound
from app.geometry.archives import ArchiveLimits
from app.geometry.bundles import ZIP_MAGIC, BundleMember
from app.geometry.ingest import (
    GLB_WRITTEN,
    IngestLimits,
    IngestSummary,
    RejectedModel,
    ingest_path,
    unpack_bundle,
)
from app.models.asset import Asset, AssetStatus, SourceMetadata
from app.models.common import AssetStats, ErrorInfo, FileRole, StoredFile, ValidationSummary
from app.models.quality import QualityReport
from app.services.asset_versions import VERSION_PARAM
from app.services.asset_writes import search_keys
from app.services.container import Services
from app.services.uploads import BUNDLE_MEMBERS
from app.workers.ingest_version import ingest_version, version_failed
from app.workers.job_run import JobRun, TurnOver
from app.workers.outcome import Outcome, carry_out, claim
from app.workers.sandbox import Limits, run_isolated
from app.workers.thumbnail import render_thumbnail, thumbnail_ahead

GLB_CONTENT_TYPE = "model/gltf-binary"
FINISHED = (AssetStatus.READY, AssetStatus.FAILED)
Progress = Callable[[str, float], Awaitable[None]]


def ingest_limits(settings: Settings) -> IngestLimits:
    return IngestLimits(
        max_triangles=settings.max_triangles, max_image_pixels=settings.max_image_pixels,
        max_node_depth=settings.max_node_depth,
        converter_timeout_seconds=settings.converter_timeout_seconds,
        cad_tessellation_tolerance=settings.cad_tessellation_tolerance,
        quality_max_texture_size=settings.quality_max_texture_size,
        archive=ArchiveLimits(settings.archive_max_entries, settings.archive_max_bytes,
                              settings.archive_max_ratio, settings.archive_max_models))


async def ingest(ctx: dict[str, Any], job_id: str) -> None:
    services: Services = ctx["services"]
    run = await claim(ctx, job_id, first_stage="download")
    if run is None:
        return
    asset = await Asset.get(run.job.asset_id or "")
    if asset is None:
        await run.fail(NotFound("the asset was deleted before it could be ingested"))
        return

    version: int | None = run.job.params.get(VERSION_PARAM)
    if version is not None:
        await _ingest_new_version(ctx, services, run, asset, version)
        return

    async def work() -> Outcome:
        # A later turn of a bundle goes on with its other models; until this asset (the
        # zip's first model) is finished, the zip is unpacked again (its assets are kept).
        members: list[str] | None = run.job.params.get(BUNDLE_MEMBERS)
        if members is not None and asset.status in FINISHED:
            return await _ingest_members(services, run, asset, members)
        await services.assets.set_status(asset.id, AssetStatus.PROCESSING)
        return await _process(services, run, asset)

    async def assets_failed(error: AtelierError) -> None:
        members: list[str] = run.job.params.get(BUNDLE_MEMBERS, [])
        for unfinished in await Asset.find({"_id": {"$in": [asset.id, *members]},
                                            "status": {"$nin": list(FINISHED)}}).to_list():
            await _asset_failed(services, unfinished, error)

    await carry_out(ctx, run, work, what="ingest", on_failure=assets_failed)


async def _ingest_new_version(ctx: dict[str, Any], services: Services, run: JobRun,
                              asset: Asset, number: int) -> None:
    async def work() -> Outcome:
        return await ingest_version(services, run, asset, number,
                                    ingest_limits(services.settings))

    async def failed(error: AtelierError) -> None:
        await version_failed(services, asset, number, error)

    await carry_out(ctx, run, work, what="ingest", on_failure=failed)


async def expire_uploads(ctx: dict[str, Any]) -> int:
    """Delete the direct uploads whose time ran out (scheduled when each is created)."""
    services: Services = ctx["services"]
    return await services.uploads.expire_pending()


async def _process(services: Services, run: JobRun, asset: Asset) -> Outcome:
    original = asset.file(FileRole.ORIGINAL)
    if original is None:
        raise NotFound("the asset has no original file")
    with tempfile.TemporaryDirectory(prefix="atelier-ingest-") as work:
        source = Path(work) / original.filename
        await services.storage.download_to(original.key, source)
        if await asyncio.to_thread(_starts_with_zip, source):
            (bundle := Path(work) / "bundle").mkdir()
            members: list[BundleMember] = await run_isolated(
                unpack_bundle, source, original.filename, bundle,
                ingest_limits(services.settings), limits=Limits.from_settings(services.settings))
            if members:
                return await _start_bundle(services, run, asset, members, Path(work))
        produced = await _ingest_file(services, run, asset, source, original.filename,
                                      Path(work), run.within(0.05, 0.85))
    return Outcome(produced)


async def _start_bundle(services: Services, run: JobRun, asset: Asset,
                        members: list[BundleMember], work: Path) -> Outcome:
    """Record the bundle's other models as assets of this job, ingest the first as this asset
    (named after it, unless the uploader chose a name), then carry on with the others."""
    await run.stage("unpack", 0.04, f"the zip holds {len(members)} models")
    others = [await services.uploads.add_bundle_member(asset, run.job.id, number, member)
              for number, member in enumerate(members) if number]
    member_ids = [other.id for other in others]
    await services.uploads.record_bundle(run.job.id, member_ids)
    run.job.params[BUNDLE_MEMBERS] = member_ids
    if asset.name == PurePosixPath(asset.filename).name:
        asset.name = PurePosixPath(members[0].name).name
        await services.assets.set_status(asset.id, AssetStatus.PROCESSING, name=asset.name,
                                         **search_keys(asset))
    await run.stage(f"model 1/{len(members)}", 0.05, _bundle_message(len(members)))
    try:
        await _ingest_file(services, run, asset, members[0].path, members[0].filename, work)
    except AtelierError as error:
        await _asset_failed(services, asset, error)
    return await _ingest_members(services, run, asset, member_ids)


async def _ingest_members(services: Services, run: JobRun, head: Asset, member_ids: list[str]
                          ) -> Outcome:
    """Ingest the bundle's models not finished yet, one at a time, until the slice is spent."""
    total, started, done_this_turn = len(member_ids) + 1, time.monotonic(), 0
    slice_seconds = services.settings.bundle_slice_seconds
    for number, member_id in enumerate(member_ids, start=2):
        member = await Asset.get(member_id)
        if member is None or member.status in FINISHED:
            continue
        if done_this_turn and time.monotonic() - started > slice_seconds:
            raise TurnOver(f"{number - 1} of {total} models done; the rest wait for the "
                           "bundle's next turn")
        await run.stage(f"model {number}/{total}", round(0.05 + 0.9 * (number - 1) / total, 4),
                        _bundle_message(total))
        await _ingest_member(services, run, member)
        done_this_turn += 1
    return await _bundle_outcome(head, member_ids)


async def _ingest_member(services: Services, run: JobRun, member: Asset) -> None:
    original = member.file(FileRole.ORIGINAL)
    await services.assets.set_status(member.id, AssetStatus.PROCESSING)
    try:
        if original is None:
            raise NotFound("the model has no original file")
        with tempfile.TemporaryDirectory(prefix="atelier-member-") as work:
            source = Path(work) / original.filename
            await services.storage.download_to(original.key, source)
            await _ingest_file(services, run, member, source, original.filename, Path(work))
    except AtelierError as error:
        await _asset_failed(services, member, error)


def _bundle_message(total: int) -> str:
    return f"the zip holds {total} models, each ingested as its own asset by this job"


async def _bundle_outcome(head: Asset, member_ids: list[str]) -> Outcome:
    finished = await Asset.find({"_id": {"$in": [head.id, *member_ids]}}).to_list()
    ready = sum(asset.status is AssetStatus.READY for asset in finished)
    head_now = next((asset for asset in finished if asset.id == head.id), head)
    outputs = [f for f in head_now.files if f.role in {FileRole.GLB, FileRole.THUMBNAIL}]
    total = len(member_ids) + 1
    others = f"{head.id}-1" if total == 2 else f"{head.id}-1 to {head.id}-{total - 1}"
    return Outcome(outputs, message=(
        f"the zip held {total} models: this asset is {head_now.name}; the others became assets "
        f"{others}; {ready} READY, {len(finished) - ready} FAILED"))


async def _ingest_file(services: Services, run: JobRun, asset: Asset, source: Path,
                       filename: str, work: Path, on_progress: Progress | None = None
                       ) -> list[StoredFile]:
    """Ingest one model file into `asset` (READY with its GLB and thumbnail); stage writes
    only when `on_progress` is given (a single upload), not per model of a bundle."""
    glb_path = work / "model.glb"
    ahead: asyncio.Task[bytes | None] | None = None

    async def progress(stage: str, fraction: float) -> None:
        # Once the child has written the checked GLB, the thumbnail is drawn on the render
        # thread while the child computes the quality report.
        nonlocal ahead
        if stage == GLB_WRITTEN and ahead is None:
            ahead = asyncio.create_task(thumbnail_ahead(services, glb_path))
        if on_progress is not None:
            await on_progress(stage, fraction)

    try:
        summary: IngestSummary = await run_isolated(
            ingest_path, source, filename, glb_path, ingest_limits(services.settings),
            limits=Limits.from_settings(services.settings), on_progress=progress)
    except BaseException:
        if ahead is not None:
            ahead.cancel()
        raise
    if on_progress is not None:
        await run.stage("store", 0.88)
    key = f"assets/{asset.id}/model.glb"
    stored = await services.storage.put_file(key, glb_path, content_type=GLB_CONTENT_TYPE)
    if on_progress is not None:
        await run.stage("thumbnail", 0.92)
    image = await ahead if ahead is not None else None
    thumbnail = await render_thumbnail(services, glb_path, asset, image=image)
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
        source_metadata=SourceMetadata.model_validate(summary.facts).model_dump(),
        quality=QualityReport.model_validate(summary.quality).model_dump() if summary.quality
        else None,
        files=[f.model_dump() for f in files],
    )
    return produced


async def _asset_failed(services: Services, asset: Asset, error: AtelierError) -> None:
    report = error.validation if isinstance(error, RejectedModel) else None
    changes = {"validation": ValidationSummary.model_validate(report).model_dump()
               } if report else {}
    await services.assets.finish(asset, AssetStatus.FAILED, error=_error_info(error),
                                 **changes)


def _starts_with_zip(path: Path) -> bool:
    with path.open("rb") as stream:
        return stream.read(len(ZIP_MAGIC)) == ZIP_MAGIC


def _error_info(error: AtelierError) -> ErrorInfo:
    return ErrorInfo(code=error.code.value, message=error.message)
