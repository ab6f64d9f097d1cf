"""Where a render runs: small ones on the worker's render thread (its GL context is warm),
anything whose memory could be large in the sandboxed child, with the job's memory cap.

A render's memory is mostly its framebuffers (per pixel, and per MSAA sample) and the scene's
arrays (a few times the GLB's size), so it is estimated before anything is loaded; a render
estimated over `render_inline_max_mb`, and every scene composition, runs in a child of its own
whose GL context, framebuffers and scene die with it. The worker process never grows with a
render's size.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from app.geometry.render import Camera, Renderer, RenderLimits, RenderOptions
from app.geometry.scene_graph import SceneGraph
from app.services.scenes import compose_file

MIB = 1024 * 1024
# Per pixel: the resolved half-float image, the 8-bit output and the readback and encode copies.
BYTES_PER_PIXEL = 8 + 4 + 16
# Per MSAA sample: half-float colour and depth.
BYTES_PER_SAMPLE = 8 + 4
# A GLB's arrays parsed, expanded to draw and uploaded (llvmpipe keeps them in host memory).
GLB_EXPANSION = 4

Report = Callable[[str, float], None]


def render_memory_bytes(options: RenderOptions, glb_size: int) -> int:
    """An upper estimate of the memory one render of a GLB of `glb_size` bytes needs."""
    per_pixel = BYTES_PER_PIXEL + max(options.samples, 1) * BYTES_PER_SAMPLE
    return options.width * options.height * per_pixel + glb_size * GLB_EXPANSION


def fits_render_thread(options: RenderOptions, glb_size: int, inline_max_mb: int) -> bool:
    return render_memory_bytes(options, glb_size) <= inline_max_mb * MIB


def frame_path(folder: Path, number: int) -> Path:
    return folder / f"frame-{number:04d}.img"


@dataclass(frozen=True)
class ChildRender:
    seconds: float  # loading, rendering and encoding in the child


def render_to_files(glb_path: Path, cameras: Sequence[Camera | None], options: RenderOptions,
                    limits: RenderLimits, folder: Path, *, report: Report) -> ChildRender:
    """In the child: load the GLB on a Renderer of its own and write each camera's encoded
    image to `frame_path(folder, n)`, reporting 'frame' with the fraction done."""
    started = time.perf_counter()
    with Renderer(limits) as renderer, renderer.load(glb_path.read_bytes()) as scene:
        for number, camera in enumerate(cameras, start=1):
            frame_path(folder, number).write_bytes(renderer.render(scene, camera, options))
            report("frame", number / len(cameras))
    return ChildRender(time.perf_counter() - started)


def compose_scene(graph: SceneGraph, sources: Mapping[str, Path], name: str, output: Path, *,
                  report: Report) -> None:
    """In the child: the scene composed into one GLB file."""
    compose_file(graph, sources, name, output)
