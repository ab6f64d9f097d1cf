"""The render thread: one Renderer reused across calls, off the event loop, freed on close."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator

import numpy as np
import pytest
import trimesh

from app.errors import CorruptFile
from app.geometry.render import OrbitCamera, RenderLimits, RenderOptions
from app.workers.render_thread import RenderThread, process_render_thread


def torus_glb(triangles: int) -> bytes:
    torus = trimesh.creation.torus(1.0, 0.35, major_sections=max(triangles // 400, 3),
                                   minor_sections=200)
    return bytes(trimesh.Scene(torus).export(file_type="glb"))


@pytest.fixture
async def render_thread() -> AsyncIterator[RenderThread]:
    thread = RenderThread()
    yield thread
    await thread.close()


async def test_one_renderer_on_one_thread_serves_every_call(render_thread: RenderThread):
    # Given a render thread, when it is called several times, scenes and all
    first = await render_thread.call(lambda renderer: renderer)
    png = await render_thread.render_once(torus_glb(2_000), None, RenderOptions(width=32,
                                                                                height=32))
    second = await render_thread.call(lambda renderer: renderer)
    threads = {await render_thread.call(lambda _: threading.get_ident()) for _ in range(3)}
    # Then one renderer did it all, on one thread that is not the event loop's
    assert first is second
    assert png.startswith(b"\x89PNG")
    assert len(threads) == 1 and threading.get_ident() not in threads


def test_a_process_has_one_render_thread_per_limits():
    assert process_render_thread(RenderLimits()) is process_render_thread(RenderLimits())
    assert process_render_thread(RenderLimits()) is not process_render_thread(
        RenderLimits(max_width=1024))


async def test_the_event_loop_keeps_running_while_a_frame_renders(render_thread: RenderThread):
    # Given a scene heavy enough that one frame takes a good while on a CPU renderer
    options = RenderOptions(width=1024, height=1024, samples=8)
    async with render_thread.loaded(torus_glb(200_000)) as scene:
        await render_thread.render(scene, OrbitCamera(0.0, 20.0), options)  # warm-up
        pauses: list[float] = []
        rendering = True

        async def tick() -> None:
            last = time.perf_counter()
            while rendering:
                await asyncio.sleep(0.002)
                now = time.perf_counter()
                pauses.append(now - last)
                last = now

        ticker = asyncio.create_task(tick())
        # When the loop awaits a render
        image = await render_thread.render(scene, OrbitCamera(40.0, 20.0), options)
        rendering = False
        await ticker
    # Then the loop kept ticking: no pause came near the render's own duration (a thread
    # holding the GIL for the whole render would stall it for all of it)
    assert len(pauses) > 5
    assert max(pauses) < image.seconds / 2


async def test_a_loaded_scene_is_released_when_its_block_ends(render_thread: RenderThread):
    async with render_thread.loaded(torus_glb(2_000)) as scene:
        pixels = await render_thread.call(
            lambda renderer: renderer.render_pixels(scene, None, RenderOptions(width=16,
                                                                               height=16)))

    assert await render_thread.call(lambda _: scene.released)
    assert np.any(pixels[..., 3] == 255)


async def test_a_failure_reaches_the_caller_and_the_thread_keeps_working(
    render_thread: RenderThread,
):
    with pytest.raises(CorruptFile):
        await render_thread.render_once(b"glTF" + bytes(40), None, RenderOptions())

    png = await render_thread.render_once(torus_glb(2_000), None, RenderOptions(width=16,
                                                                               height=16))
    assert png.startswith(b"\x89PNG")


async def test_close_frees_the_scenes_and_stops_the_thread():
    thread = RenderThread()
    scene = await thread.call(lambda renderer: renderer.load(torus_glb(2_000)))

    await thread.close()

    assert scene.released
    with pytest.raises(RuntimeError):
        await thread.call(lambda renderer: renderer)
