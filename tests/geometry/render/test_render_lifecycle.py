"""A Renderer is reused across scenes, frees them, and refuses calls from other threads."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from app.geometry.render import Renderer, RenderOptions

SMALL = RenderOptions(width=32, height=32)


def test_one_renderer_serves_many_scenes_in_turn(
    renderer: Renderer, red_cube_glb: bytes, vertex_colored_cube_glb: bytes
):
    # Given two scenes loaded side by side
    red = renderer.load(red_cube_glb)
    green = renderer.load(vertex_colored_cube_glb)
    # When each is rendered, interleaved, at two sizes
    first = renderer.render_pixels(red, options=SMALL)
    renderer.render_pixels(green, options=RenderOptions(width=48, height=40))
    again = renderer.render_pixels(red, options=SMALL)
    red.release()
    green.release()
    # Then a scene renders the same each time
    assert np.array_equal(first, again)


def test_released_scene_cannot_be_rendered(renderer: Renderer, red_cube_glb: bytes):
    scene = renderer.load(red_cube_glb)
    scene.release()
    scene.release()
    assert scene.released
    with pytest.raises(RuntimeError, match="released"):
        renderer.render_pixels(scene, options=SMALL)


def test_scene_from_another_renderer_is_refused(renderer: Renderer, red_cube_glb: bytes):
    with Renderer() as other, other.load(red_cube_glb) as foreign, pytest.raises(RuntimeError):
        renderer.render_pixels(foreign, options=SMALL)


def test_two_renderers_on_one_thread_draw_into_their_own_contexts(
    renderer: Renderer, red_cube_glb: bytes
):
    with renderer.load(red_cube_glb) as scene:
        before = renderer.render_pixels(scene, options=SMALL)
        with Renderer() as other, other.load(red_cube_glb) as other_scene:
            other.render_pixels(other_scene, options=SMALL)
            after = renderer.render_pixels(scene, options=SMALL)
    assert np.array_equal(before, after)


def test_renderer_refuses_calls_from_another_thread(renderer: Renderer, red_cube_glb: bytes):
    errors: list[BaseException] = []

    def load_elsewhere() -> None:
        try:
            renderer.load(red_cube_glb)
        except RuntimeError as error:
            errors.append(error)

    worker = threading.Thread(target=load_elsewhere)
    worker.start()
    worker.join()
    assert len(errors) == 1 and "thread" in str(errors[0])


def test_closed_renderer_refuses_work_and_frees_its_scenes(red_cube_glb: bytes):
    renderer = Renderer()
    scene = renderer.load(red_cube_glb)
    renderer.close()
    renderer.close()
    assert scene.released
    with pytest.raises(RuntimeError, match="closed"):
        renderer.load(red_cube_glb)
