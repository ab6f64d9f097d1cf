"""The render job: the GLB of an asset (or scene) → one image per camera, drawn on the process's
render thread, each stored and listed on the job as soon as it is done."""

from __future__ import annotations

import time
from typing import Any

from app.errors import JobTimeout
from app.geometry.render import RenderRequest
from app.models.common import StoredFile
from app.services.container import Services
from app.workers.job_run import JobRun
from app.workers.outcome import Outcome, carry_out, claim
from app.workers.render_thread import process_render_thread

# Progress: 0..FRAMES_START loads the model, then frames go evenly up to FRAMES_END.
FRAMES_START, FRAMES_END = 0.1, 0.95


async def render(ctx: dict[str, Any], job_id: str) -> None:
    services: Services = ctx["services"]
    run = await claim(ctx, job_id, first_stage="load")
    if run is None:
        return
    await carry_out(ctx, run, lambda: _render_images(services, run), what="rendering")


async def _render_images(services: Services, run: JobRun) -> Outcome:
    """The stored images, with the time the render thread spent loading and drawing."""
    renders, time_limit = services.renders, services.settings.job_timeout_seconds
    deadline = time.monotonic() + time_limit
    request = RenderRequest.from_params(run.job.params)
    cameras = request.cameras(renders.limits)
    # Every stage costs a database transaction: the claim put the job in "load" (download and
    # upload to the GPU), and a single image needs no per-frame stage.
    glb = await renders.glb_bytes(run.job)
    thread = process_render_thread(renders.limits)
    outputs: list[StoredFile] = []
    started = time.perf_counter()
    async with thread.loaded(glb) as scene:
        render_seconds = time.perf_counter() - started
        for number, camera in enumerate(cameras, start=1):
            if len(cameras) > 1:
                progress = FRAMES_START + (FRAMES_END - FRAMES_START) * (number - 1) / len(cameras)
                await run.stage(f"frame {number}/{len(cameras)}", round(progress, 4),
                                outputs=outputs)
            if time.monotonic() > deadline:
                raise JobTimeout(f"the render took longer than the limit of {time_limit:g}s; "
                                 f"{len(outputs)} of {len(cameras)} images were done")
            image = await thread.render(scene, camera, request.options)
            render_seconds += image.seconds
            frame = number if request.turntable else None
            outputs.append(await renders.store_image(run.job, frame, image.data,
                                                     request.options.format))
    images = "image" if len(outputs) == 1 else "images"
    return Outcome(outputs, f"{len(outputs)} {images} rendered in {render_seconds * 1e3:.1f} ms")
