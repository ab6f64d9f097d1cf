"""`PathTracer`: PATH_TRACED renders with Mitsuba 3 on the CPU, from the same scene, camera
framing and lights as the rasteriser.

A render is traced in passes, each with fewer samples per pixel and its own seed, averaged by
their sample counts; after each pass `on_pass(done, total)` is called, so a job reports
progress and can be stopped between passes.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from app.geometry.render.cameras import DEFAULT_CAMERA, Camera, resolve_view
from app.geometry.render.color_space import srgb_pixels
from app.geometry.render.mitsuba_scene import build_meshes, mitsuba, scene_dict
from app.geometry.render.options import RenderLimits, RenderOptions
from app.geometry.render.scene_data import SceneData
from app.geometry.render.scene_reader import read_scene

PassDone = Callable[[int, int], None]
# A pass traces at most this many paths (pixels x samples), so one stays a few seconds long.
PATHS_PER_PASS = 1 << 21
MIN_PASSES = 4  # even a small render reports progress more than once


def pass_samples(options: RenderOptions) -> list[int]:
    """The samples per pixel of each pass; they add up to `options.samples`."""
    paths = options.width * options.height * options.samples
    passes = min(options.samples, max(MIN_PASSES, math.ceil(paths / PATHS_PER_PASS)))
    share, extra = divmod(options.samples, passes)
    return [share + (1 if number < extra else 0) for number in range(passes)]


class PathTracer:
    """A GLB read once and traced from any number of cameras, at any of its poses."""

    def __init__(self, glb: bytes | SceneData, limits: RenderLimits) -> None:
        """Raises CorruptFile, UnsupportedFormat, LimitExceeded or NO_GEOMETRY like `Renderer`."""
        self.limits = limits
        self.place(glb if isinstance(glb, SceneData) else read_scene(glb, limits))

    def place(self, data: SceneData) -> None:
        """Trace `data` from now on: the same model at another pose (`PosedScenes`); its meshes
        are moved into world space again only when it differs."""
        if getattr(self, "data", None) is not data:
            self.data = data
            self._meshes = build_meshes(data)

    def render_pixels(self, camera: Camera | None, options: RenderOptions,
                      on_pass: PassDone | None = None) -> np.ndarray:
        """The scene as (height, width, 4) sRGB uint8 pixels, straight alpha, top row first."""
        self.limits.check_options(options)
        mi = mitsuba()
        data = self.data
        size = (options.width, options.height)
        view = resolve_view(camera or DEFAULT_CAMERA, data.bounds, size[0] / size[1],
                            data.camera_names, data.cameras)
        scene = mi.load_dict(scene_dict(data, self._meshes, view, size))
        passes = pass_samples(options)
        total = np.zeros((size[1], size[0], 4), dtype=np.float32)
        for number, samples in enumerate(passes):
            total += np.asarray(mi.render(scene, spp=samples, seed=number)) * samples
            if on_pass is not None:
                on_pass(number + 1, len(passes))
        return srgb_pixels(total / options.samples, options.background)
