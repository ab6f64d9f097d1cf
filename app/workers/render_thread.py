"""The worker process's one Renderer on a dedicated thread, so GL never runs on the event loop.

A single-thread executor owns the Renderer (created on first use, then reused by every job of
the process) and runs calls in order. Awaiting a call leaves the event loop free: the renderer
waits for the GPU with the GIL released (see app.geometry.render.gl_wait).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import time
from collections.abc import AsyncIterator, Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from app.geometry.render import Camera, LoadedScene, Renderer, RenderLimits, RenderOptions
from app.geometry.render.animation import AnimationChoice
from app.geometry.render.posed import PosedScenes
from app.geometry.render.scene_data import SceneData

R = TypeVar("R")


@dataclass(frozen=True)
class RenderedImage:
    data: bytes
    seconds: float  # rendering and encoding, on the render thread


class RenderThread:
    """Runs work on one Renderer, on one thread, in the order it was asked for."""

    def __init__(self, limits: RenderLimits | None = None) -> None:
        self.limits = limits or RenderLimits()
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="atelier-render")
        self._renderer: Renderer | None = None

    async def call(self, work: Callable[[Renderer], R]) -> R:
        """Run `work(renderer)` on the render thread and return its result."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, self._with_renderer, work)

    @contextlib.asynccontextmanager
    async def loaded(self, glb: bytes) -> AsyncIterator[LoadedScene]:
        """The GLB uploaded to the GPU for as long as the block runs."""
        scene = await self.call(lambda renderer: renderer.load(glb))
        try:
            yield scene
        finally:
            # Queued, not awaited: the release runs even when this task is being cancelled.
            self._executor.submit(scene.release)

    @contextlib.asynccontextmanager
    async def posed(self, glb: bytes, choice: AnimationChoice | None,
                    times: Sequence[float | None]) -> AsyncIterator[tuple[LoadedScene,
                                                                          PosedScenes]]:
        """The GLB uploaded once, with its scene at each of `times` in animation `choice`
        (see `PosedScenes`) for `render`'s `pose`, for as long as the block runs."""

        def load(renderer: Renderer) -> tuple[LoadedScene, PosedScenes]:
            poses = PosedScenes(glb, self.limits, choice, times)
            return renderer.load(poses.first), poses

        scene, poses = await self.call(load)
        try:
            yield scene, poses
        finally:
            self._executor.submit(scene.release)

    async def render(self, scene: LoadedScene, camera: Camera | None,
                     options: RenderOptions, pose: SceneData | None = None) -> RenderedImage:
        """One encoded image of a scene `loaded` (or `posed`) by this thread, moved to `pose`
        first when given."""

        def timed(renderer: Renderer) -> RenderedImage:
            started = time.perf_counter()
            if pose is not None:
                renderer.place(scene, pose)
            data = renderer.render(scene, camera, options)
            return RenderedImage(data, time.perf_counter() - started)

        return await self.call(timed)

    async def render_once(self, glb: bytes, camera: Camera | None,
                          options: RenderOptions) -> bytes:
        """Load, render one encoded image, release."""
        async with self.loaded(glb) as scene:
            return (await self.render(scene, camera, options)).data

    async def close(self) -> None:
        """Free the renderer's GL context and stop the thread."""
        loop = asyncio.get_running_loop()
        await loop.run_in_executor(self._executor, self._close_renderer)
        self._executor.shutdown()

    def _with_renderer(self, work: Callable[[Renderer], R]) -> R:
        if self._renderer is None:
            self._renderer = Renderer(self.limits)
        return work(self._renderer)

    def _close_renderer(self) -> None:
        if self._renderer is not None:
            self._renderer.close()
            self._renderer = None


@functools.cache
def process_render_thread(limits: RenderLimits) -> RenderThread:
    """The one render thread of this process for these limits; the process's exit frees it."""
    return RenderThread(limits)
