"""The render job: the GLB of an asset (or scene) → one image per camera, drawn on the process's
render thread, each stored and listed on the job as soon as it is done."""

from __future__ import annotations

import logging
import time
from typing import Any

from arq.worker import Retry

from app.errors import AtelierError, ErrorCode, JobTimeout
from app.geometry.render import RenderRequest
from app.models.common import StoredFile
from app.services.container import Services
from app.workers.job_run import JobCancelled, JobRun
from app.workers.render_thread import process_render_thread
from app.workers.retry import retry_on_passing_faults

log = logging.getLogger(__name__)

# Progress: 0..FRAMES_START loads the model, then frames go evenly up to FRAMES_END.
FRAMES_START, FRAMES_END = 0.1, 0.95


class RenderRun(JobRun):
    async def frame(self, number: int, total: int, outputs: list[StoredFile]) -> None:
        """Enter frame `number` of `total`, listing the images done so far; raises
        JobCancelled if the user asked to stop."""
        progress = FRAMES_START + (FRAMES_END - FRAMES_START) * (number - 1) / total
        await self._write({"stage": f"frame {number}/{total}", "progress": round(progress, 4),
                           "outputs": [output.model_dump() for output in outputs]}, force=True)


async def render(ctx: dict[str, Any], job_id: str) -> None:
    services: Services = ctx["services"]
    run = await RenderRun.claim(services.jobs.log, job_id)
    if run is None:
        return
    try:
        async with retry_on_passing_faults(run, ctx):
            run.ensure_attempts_left(services.settings.job_max_attempts)
            outputs, render_seconds = await _render_images(services, run)
    except JobCancelled:
        await run.cancelled()
    except AtelierError as error:
        await run.fail(error)
    except Retry:
        raise
    except Exception as error:  # a bug must still end the job, not leave it RUNNING
        log.exception("render job %s failed unexpectedly", job_id)
        await run.fail(AtelierError(f"rendering failed unexpectedly: {type(error).__name__}",
                                    code=ErrorCode.INTERNAL))
    else:
        images = "image" if len(outputs) == 1 else "images"
        await run.succeed(outputs, message=f"{len(outputs)} {images} rendered in "
                          f"{render_seconds * 1e3:.1f} ms")


async def _render_images(services: Services, run: RenderRun) -> tuple[list[StoredFile], float]:
    """The stored images, and the seconds the render thread spent loading and drawing."""
    renders, time_limit = services.renders, services.settings.job_timeout_seconds
    deadline = time.monotonic() + time_limit
    request = RenderRequest.from_params(run.job.params)
    cameras = request.cameras(renders.limits)
    # One stage for download and upload to the GPU: every stage costs a database transaction.
    await run.stage("load", 0.02)
    glb = await renders.glb_bytes(run.job)
    thread = process_render_thread(renders.limits)
    outputs: list[StoredFile] = []
    started = time.perf_counter()
    async with thread.loaded(glb) as scene:
        render_seconds = time.perf_counter() - started
        for number, camera in enumerate(cameras, start=1):
            await run.frame(number, len(cameras), outputs)
            if time.monotonic() > deadline:
                raise JobTimeout(f"the render took longer than the limit of {time_limit:g}s; "
                                 f"{len(outputs)} of {len(cameras)} images were done")
            image = await thread.render(scene, camera, request.options)
            render_seconds += image.seconds
            frame = number if request.turntable else None
            outputs.append(await renders.store_image(run.job, frame, image.data,
                                                     request.options.format))
    return outputs, render_seconds
