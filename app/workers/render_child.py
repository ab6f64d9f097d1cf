"""Where a render runs: small raster images on the worker's render thread (its GL context is
warm); anything whose memory could be large, every path-traced render (Mitsuba on the CPU, in
passes) and every video (a turntable's or an animation clip's frames piped to ffmpeg) in the
sandboxed child, with the job's memory cap.

A render's memory is mostly its framebuffers (per pixel, and per MSAA sample) and the scene's
arrays (a few times the GLB's size), so it is estimated before anything is loaded; a render
estimated over `render_inline_max_mb`, and every scene composition, runs in a child of its own
whose GL context, framebuffers and scene die with it. The worker process never grows with a
render's size.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.geometry.render import Camera, Renderer, RenderLimits, RenderOptions, encode_image
from app.geometry.render.animation import AnimationChoice
from app.geometry.render.path_tracer import PassDone, PathTracer
from app.geometry.render.posed import PosedScenes
from app.geometry.render.video import FRAMES_PER_SECOND, VideoEncoder
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
DrawFrame = Callable[[Camera | None, float | None, PassDone], np.ndarray]


def render_memory_bytes(options: RenderOptions, glb_size: int) -> int:
    """An upper estimate of the memory one render of a GLB of `glb_size` bytes needs."""
    per_pixel = BYTES_PER_PIXEL + max(options.samples, 1) * BYTES_PER_SAMPLE
    return options.width * options.height * per_pixel + glb_size * GLB_EXPANSION


def fits_render_thread(options: RenderOptions, glb_size: int, inline_max_mb: int) -> bool:
    """A small raster image; path tracing and video encoding keep a CPU busy for long."""
    return (options.renderer == "RASTER" and not options.is_video
            and render_memory_bytes(options, glb_size) <= inline_max_mb * MIB)


def frame_path(folder: Path, number: int) -> Path:
    return folder / f"frame-{number:04d}.img"


def video_path(folder: Path) -> Path:
    return folder / "frames.video"


@dataclass(frozen=True)
class ChildRender:
    seconds: float  # loading, rendering and encoding in the child


@dataclass(frozen=True)
class Motion:
    """How a render's frames move: each camera's time (`times`, one per camera; empty: all at
    rest) in the GLB's animation `choice`, and how many frames a video plays a second."""

    choice: AnimationChoice | None = None
    times: tuple[float | None, ...] = ()
    frames_per_second: float = FRAMES_PER_SECOND


AT_REST = Motion()


def render_to_files(glb_path: Path, cameras: Sequence[Camera | None], options: RenderOptions,
                    limits: RenderLimits, folder: Path, encode_timeout_seconds: float,
                    motion: Motion = AT_REST, *, report: Report) -> ChildRender:
    """In the child: load the GLB for the options' renderer and write each camera's encoded
    image, posed as `motion` says, to `frame_path(folder, n)`, or every frame into one video
    at `video_path(folder)`.

    Reports 'frame' with the fraction of frames done and, path tracing, each pass done as
    'pass p/P' (prefixed 'frame n/N, ' in a turntable) with the fraction of the whole render.
    """
    started = time.perf_counter()
    count = len(cameras)

    def pass_reporter(number: int) -> PassDone:
        prefix = f"frame {number}/{count}, " if count > 1 else ""
        return lambda done, total: report(f"{prefix}pass {done}/{total}",
                                          (number - 1 + done / total) / count)

    times = motion.times or (None,) * count
    frames = list(zip(cameras, times, strict=True))
    with _frame_drawer(glb_path, options, limits, motion.choice, times) as draw:
        if options.is_video:
            with VideoEncoder(video_path(folder), options, encode_timeout_seconds,
                              motion.frames_per_second) as video:
                for number, (camera, at) in enumerate(frames, start=1):
                    video.write(draw(camera, at, pass_reporter(number)))
                    report("frame", number / count)
                video.finish()
        else:
            for number, (camera, at) in enumerate(frames, start=1):
                pixels = draw(camera, at, pass_reporter(number))
                frame_path(folder, number).write_bytes(encode_image(pixels, options))
                report("frame", number / count)
    return ChildRender(time.perf_counter() - started)


@contextlib.contextmanager
def _frame_drawer(glb_path: Path, options: RenderOptions, limits: RenderLimits,
                  choice: AnimationChoice | None, times: Sequence[float | None]
                  ) -> Iterator[DrawFrame]:
    """The GLB loaded for the options' renderer at each of `times` in animation `choice`, as
    a function drawing one camera's pixels at one of those times."""
    poses = PosedScenes(glb_path.read_bytes(), limits, choice, times)
    if options.renderer == "PATH_TRACED":
        tracer = PathTracer(poses.first, limits)

        def trace(camera: Camera | None, at: float | None, on_pass: PassDone) -> np.ndarray:
            tracer.place(poses.at(at))
            return tracer.render_pixels(camera, options, on_pass)

        yield trace
        return
    with Renderer(limits) as renderer, renderer.load(poses.first) as scene:

        def draw(camera: Camera | None, at: float | None, _on_pass: PassDone) -> np.ndarray:
            renderer.place(scene, poses.at(at))
            return renderer.render_pixels(scene, camera, options)

        yield draw


def compose_scene(graph: SceneGraph, sources: Mapping[str, Path], name: str, output: Path, *,
                  report: Report) -> None:
    """In the child: the scene composed into one GLB file."""
    compose_file(graph, sources, name, output)
