"""The render job: the GLB of an asset (or scene) → one image per frame (a camera, and a time
when an animation poses the model), each stored and listed on the job as soon as it is done, or
a turntable's or an animation clip's frames as one video stored at the end. A
small raster render draws on the process's render thread; a large one, a path-traced one (with
a stage per pass, the points where a cancellation stops it), a video (see
app.workers.render_child) and every scene composition in the sandboxed child."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import struct
import tempfile
import time
from collections.abc import AsyncGenerator, Awaitable, Mapping
from pathlib import Path
from typing import Any

from app.errors import CorruptFile, JobTimeout, LimitExceeded
from app.geometry.gltf_io import CHUNK_JSON, GLB_MAGIC, parse_json
from app.geometry.render import RenderRequest
from app.geometry.render.animation import declared_animation
from app.geometry.render.request import Frame
from app.geometry.scene_graph import SceneGraph
from app.models.common import StoredFile
from app.models.job import Job
from app.services.container import Services
from app.services.scenes import Composer
from app.workers.job_run import JobRun
from app.workers.outcome import Outcome, carry_out, claim
from app.workers.render_child import (
    ChildRender,
    Motion,
    compose_scene,
    fits_render_thread,
    frame_path,
    render_to_files,
    video_path,
)
from app.workers.render_thread import RenderedImage, process_render_thread
from app.workers.sandbox import Limits, run_isolated

# Progress: 0..FRAMES_START loads the model, then frames go evenly up to FRAMES_END.
FRAMES_START, FRAMES_END = 0.1, 0.95


@dataclasses.dataclass
class Rendered:
    outputs: list[StoredFile]
    seconds: float  # loading and drawing, wherever it ran


@dataclasses.dataclass
class Prepared:
    """What a render does before its claim is written: its model fetched, its frames, and a
    single image on the render thread already drawn (not stored: nothing is written before
    the claim)."""

    request: RenderRequest
    glb: Path
    frames: list[Frame]
    inline: bool  # drawn on the render thread, not in the child
    drawn: RenderedImage | None = None


async def render(ctx: dict[str, Any], job_id: str) -> None:
    services: Services = ctx["services"]
    queued = await Job.get(job_id)
    if queued is None or queued.is_terminal:
        return
    deadline = time.monotonic() + services.settings.job_timeout_seconds
    with tempfile.TemporaryDirectory(prefix="atelier-render-") as work:
        # The claim's transaction and the model's fetch (and a single image's drawing) run
        # at once: an interactive render waits for the longer of the two, not for both.
        ahead = asyncio.create_task(_prepare(services, queued, Path(work), deadline))
        try:
            run = await claim(ctx, job_id, first_stage="load")
            if run is not None:
                await carry_out(ctx, run,
                                lambda: _render_images(services, run, ahead, deadline),
                                what="rendering")
        finally:
            ahead.cancel()
            with contextlib.suppress(Exception, asyncio.CancelledError):
                await ahead


async def _prepare(services: Services, job: Job, work: Path, deadline: float) -> Prepared:
    request = RenderRequest.from_params(job.params)
    glb = await services.renders.glb_file(job, work, _composer(services))
    frames = await _frames(services, request, glb)
    size = (await asyncio.to_thread(glb.stat)).st_size
    inline = fits_render_thread(request.options, size, services.settings.render_inline_max_mb)
    prepared = Prepared(request, glb, frames, inline)
    if inline and len(frames) == 1:
        _check_deadline(services, deadline, 0, 1)
        async with contextlib.aclosing(_drawn_on_render_thread(services, request, frames,
                                                               glb)) as images:
            prepared.drawn = await anext(images)
    return prepared


async def _render_images(services: Services, run: JobRun, ahead: Awaitable[Prepared],
                         deadline: float) -> Outcome:
    """The stored images, with the time spent loading and drawing them."""
    # The claim put the job in "load" (download, compose, upload to the GPU); a single image
    # needs no per-frame stage (every stage costs a database transaction).
    prepared = await ahead
    request, frames, glb = prepared.request, prepared.frames, prepared.glb
    if prepared.drawn is not None:
        image = await services.renders.store_image(run.job, _frame_number(request, 1),
                                                   prepared.drawn.data, request.options.format)
        rendered = Rendered([image], prepared.drawn.seconds)
    elif prepared.inline:
        rendered = await _on_render_thread(services, run, request, frames, glb, deadline)
    else:
        rendered = await _in_child(services, run, request, frames, glb, deadline)
    count = len(rendered.outputs)
    what = (f"{len(frames)} frames rendered into one {request.options.format} file"
            if request.options.is_video else f"{count} {'image' if count == 1 else 'images'}"
            " rendered")
    return Outcome(rendered.outputs, f"{what} in {rendered.seconds * 1e3:.1f} ms",
                   also=services.renders.listing(run.job, rendered.outputs))


async def _frames(services: Services, request: RenderRequest, glb: Path) -> list[Frame]:
    """Every frame's camera and time; the times of an animation come from the GLB's JSON
    (the declared end of its keyframes), so the worker never reads the model's buffers."""
    animation = None
    if request.animation is not None:
        document = await asyncio.to_thread(
            glb_document, glb, services.settings.max_scene_document_bytes)
        animation = declared_animation(document, request.animation.choice)
    return request.frames(services.renders.limits, animation)


def glb_document(path: Path, max_bytes: int) -> dict[str, Any]:
    """The JSON document of a GLB file, read without its binary chunk; raises CorruptFile,
    or LimitExceeded for a document over `max_bytes`."""
    with path.open("rb") as file:
        head = file.read(20)  # the GLB header, then the JSON chunk's
        if len(head) < 20:
            raise CorruptFile("the GLB is truncated")
        magic, _, _, length, kind = struct.unpack("<4sIIII", head)
        if magic != GLB_MAGIC or kind != CHUNK_JSON:
            raise CorruptFile("the GLB does not start with a JSON chunk")
        if length > max_bytes:
            raise LimitExceeded(f"the model's glTF document has {length} bytes; an animated "
                                f"render reads at most {max_bytes}")
        return parse_json(file.read(length))


def _motion(request: RenderRequest, frames: list[Frame]) -> Motion:
    """How the frames move, for the render thread or the child."""
    if request.animation is None:
        return Motion()
    return Motion(choice=request.animation.choice, times=tuple(frame.time for frame in frames),
                  frames_per_second=request.frames_per_second)


def _frame_number(request: RenderRequest, number: int) -> int | None:
    """A frame's number in its file name; None for a render of one image alone."""
    return number if request.turntable or request.clip else None


def _composer(services: Services) -> Composer:
    limits = Limits.from_settings(services.settings)

    async def compose(graph: SceneGraph, sources: Mapping[str, Path], name: str, output: Path
                      ) -> None:
        await run_isolated(compose_scene, graph, sources, name, output, limits=limits)

    return compose


async def _drawn_on_render_thread(services: Services, request: RenderRequest,
                                  frames: list[Frame], glb: Path
                                  ) -> AsyncGenerator[RenderedImage, None]:
    """Each frame's image in turn, drawn on the render thread when asked for; the first one's
    seconds include reading and loading the model."""
    thread = process_render_thread(services.renders.limits)
    motion = _motion(request, frames)
    started = time.perf_counter()
    data = await asyncio.to_thread(glb.read_bytes)
    async with thread.posed(data, motion.choice, [frame.time for frame in frames]) as (
            scene, poses):
        loading = time.perf_counter() - started
        for frame in frames:
            image = await thread.render(scene, frame.camera, request.options,
                                        poses.at(frame.time))
            yield dataclasses.replace(image, seconds=image.seconds + loading)
            loading = 0.0


async def _on_render_thread(services: Services, run: JobRun, request: RenderRequest,
                            frames: list[Frame], glb: Path, deadline: float) -> Rendered:
    """A turntable's or a clip's frames, each frame's stage written before it is drawn."""
    renders = services.renders
    outputs: list[StoredFile] = []
    seconds = 0.0
    async with contextlib.aclosing(_drawn_on_render_thread(services, request, frames,
                                                           glb)) as images:
        for number in range(1, len(frames) + 1):
            await run.stage(f"frame {number}/{len(frames)}",
                            _progress((number - 1) / len(frames)), outputs=outputs,
                            also=renders.listing(run.job, outputs))
            _check_deadline(services, deadline, len(outputs), len(frames))
            image = await anext(images)
            seconds += image.seconds
            outputs.append(await renders.store_image(run.job, _frame_number(request, number),
                                                     image.data, request.options.format))
    return Rendered(outputs, seconds)


async def _in_child(services: Services, run: JobRun, request: RenderRequest,
                    frames: list[Frame], glb: Path, deadline: float) -> Rendered:
    """Render in the sandboxed child; each image it reports done is stored right away and the
    next frame's (or pass's) stage written, which stops the child if the user cancelled. A
    video is stored once the child has encoded every frame."""
    folder = glb.parent / "frames"
    folder.mkdir()
    outputs: list[StoredFile] = []
    image_format = request.options.format
    count = len(frames)

    async def store_until(done: int) -> None:
        while len(outputs) < done:
            number = len(outputs) + 1
            data = await asyncio.to_thread(frame_path(folder, number).read_bytes)
            outputs.append(await services.renders.store_image(
                run.job, _frame_number(request, number), data, image_format))

    async def progress(stage: str, fraction: float) -> None:
        if stage != "frame":  # a pass of a path-traced frame
            await run.stage(stage, _progress(fraction), outputs=outputs,
                            also=services.renders.listing(run.job, outputs))
            return
        done = round(fraction * count)
        if not request.options.is_video:
            await store_until(done)
        if done < count:
            await run.stage(f"frame {done + 1}/{count}", _progress(done / count),
                            outputs=outputs, also=services.renders.listing(run.job, outputs))

    if count > 1:  # as on the render thread, each frame's stage begins it
        await run.stage(f"frame 1/{count}", _progress(0.0), outputs=outputs)
    remaining = max(deadline - time.monotonic(), 0.001)
    limits = dataclasses.replace(Limits.from_settings(services.settings),
                                 timeout_seconds=remaining)
    result: ChildRender = await run_isolated(
        render_to_files, glb, [frame.camera for frame in frames], request.options,
        services.renders.limits, folder, remaining, _motion(request, frames), limits=limits,
        on_progress=progress)
    if request.options.is_video:
        outputs.append(await services.renders.store_video(
            run.job, video_path(folder), image_format, "clip" if request.clip else "turntable"))
    else:
        await store_until(count)
    return Rendered(outputs, result.seconds)


def _check_deadline(services: Services, deadline: float, done: int, count: int) -> None:
    """JobTimeout once the job has run past the time limit, before its next frame."""
    if time.monotonic() > deadline:
        raise JobTimeout(f"the render took longer than the limit of "
                         f"{services.settings.job_timeout_seconds:g}s; "
                         f"{done} of {count} images were done")


def _progress(fraction: float) -> float:
    """The job's progress once `fraction` of the frames are drawn."""
    return round(FRAMES_START + (FRAMES_END - FRAMES_START) * fraction, 4)
