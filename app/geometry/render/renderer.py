"""`Renderer`: one headless OpenGL context (EGL: a GPU or Mesa llvmpipe) reused across renders."""

from __future__ import annotations

import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType

import moderngl
import numpy as np

from app.errors import AtelierError, ErrorCode
from app.geometry.render.cameras import DEFAULT_CAMERA, Camera, resolve_view
from app.geometry.render.color_space import premultiplied_linear
from app.geometry.render.drawing import (
    MAP_UNITS,
    SHADOW_UNIT,
    SPECULAR_ENV_UNIT,
    Programs,
    draw_scene,
)
from app.geometry.render.encode import encode_image
from app.geometry.render.environment import irradiance_sh
from app.geometry.render.environment_maps import upload_specular_environment
from app.geometry.render.gpu_scene import LoadedScene
from app.geometry.render.options import RenderLimits, RenderOptions
from app.geometry.render.scene_data import SceneData
from app.geometry.render.scene_reader import read_scene
from app.geometry.render.shaders import (
    MESH_FRAGMENT,
    MESH_VERTEX,
    OUTPUT_FRAGMENT,
    OUTPUT_VERTEX,
)
from app.geometry.render.shadows import SHADOW_FRAGMENT, SHADOW_VERTEX, ShadowMap, shadow_size
from app.geometry.render.targets import RenderTargets
from app.geometry.render.uniforms import set_uniform

_DEFAULT_OPTIONS = RenderOptions()


class Renderer:
    """Loads GLBs onto the GPU and renders them to images.

    A GL context belongs to one thread: create the renderer on the thread that will use it
    (a worker's dedicated render thread) and call every method there. Each call makes the
    renderer's context current and restores the previous one, so several renderers may share
    a thread. Expected failures raise `AtelierError` subclasses; GL failures raise code
    RENDER_FAILED.
    """

    def __init__(self, limits: RenderLimits | None = None) -> None:
        self.limits = limits or RenderLimits()
        self._thread = threading.get_ident()
        # glcontext reports a missing driver or device as a bare Exception.
        with _gl_failures("creating the OpenGL context", Exception):
            # moderngl-stubs types each **settings value as a dict; glcontext takes a string.
            self._context = moderngl.create_context(
                standalone=True, backend="egl", require=330)  # type: ignore[arg-type]
        self._scenes: weakref.WeakSet[LoadedScene] = weakref.WeakSet()
        self._targets: RenderTargets | None = None
        self._shadows: ShadowMap | None = None
        with self._context, _gl_failures("compiling the shaders"):
            self._programs = Programs(
                mesh=self._context.program(vertex_shader=MESH_VERTEX,
                                           fragment_shader=MESH_FRAGMENT),
                shadow=self._context.program(vertex_shader=SHADOW_VERTEX,
                                             fragment_shader=SHADOW_FRAGMENT),
            )
            self._bind_environment()
            output_program = self._context.program(
                vertex_shader=OUTPUT_VERTEX, fragment_shader=OUTPUT_FRAGMENT)
            self._output_pass = self._context.vertex_array(output_program, [])
        self._closed = False

    def _bind_environment(self) -> None:
        """The studio environment on its texture unit and the samplers on theirs, for good."""
        mesh = self._programs.mesh
        for unit, name in enumerate(MAP_UNITS):
            set_uniform(mesh, name, unit)
        set_uniform(mesh, "u_shadow_map", SHADOW_UNIT)
        set_uniform(mesh, "u_specular_env", SPECULAR_ENV_UNIT)
        set_uniform(mesh, "u_irradiance_sh", irradiance_sh().tobytes())
        self._specular_env = upload_specular_environment(self._context)
        self._specular_env.use(location=SPECULAR_ENV_UNIT)

    @property
    def device(self) -> str:
        """The GL renderer string, e.g. 'llvmpipe (LLVM 15.0.6, 256 bits)' or a GPU's name."""
        with self._context:
            return str(self._context.info["GL_RENDERER"])

    def load(self, glb: bytes | SceneData) -> LoadedScene:
        """Read a GLB (or take a scene read already) and upload its default scene; raises
        CorruptFile, UnsupportedFormat, LimitExceeded, or NO_GEOMETRY when it has no
        triangles."""
        self._check_usable()
        data = glb if isinstance(glb, SceneData) else read_scene(glb, self.limits)
        with self._context, _gl_failures("uploading the scene"):
            scene = LoadedScene(self._context, self._programs.mesh, self._programs.shadow, data)
        self._scenes.add(scene)
        return scene

    def place(self, scene: LoadedScene, data: SceneData) -> None:
        """Move a loaded scene's instances, cameras and lights to where `data`, the scene it
        was loaded from at another pose (`PosedScenes`), has them; no upload."""
        scene.draws, scene.bounds = data.draws, data.bounds
        scene.cameras, scene.lights = data.cameras, data.lights

    def render(self, scene: LoadedScene, camera: Camera | None = None,
               options: RenderOptions = _DEFAULT_OPTIONS) -> bytes:
        """The scene as an encoded image; no camera frames the whole model from the front-right."""
        return encode_image(self.render_pixels(scene, camera, options), options)

    def render_pixels(self, scene: LoadedScene, camera: Camera | None = None,
                      options: RenderOptions = _DEFAULT_OPTIONS) -> np.ndarray:
        """The scene as (height, width, 4) sRGB uint8 pixels, straight alpha, top row first.

        Raises LimitExceeded for options past `limits`, InvalidInput for an unknown scene camera.
        """
        self._check_usable()
        if scene.released or scene not in self._scenes:
            raise RuntimeError("the scene was released or was loaded by another Renderer")
        self.limits.check_options(options)
        view = resolve_view(camera or DEFAULT_CAMERA, scene.bounds,
                            options.width / options.height, scene.camera_names, scene.cameras)
        with self._context, _gl_failures("rendering"):
            targets = self._targets_for((options.width, options.height), options.samples)
            shadows = self._shadows_for(shadow_size(options.width, options.height))
            targets.begin(premultiplied_linear(options.background))
            draw_scene(self._context, self._programs, targets.scene, scene, view, shadows)
            return targets.finish(self._context, self._output_pass)

    def close(self) -> None:
        """Free every loaded scene and the GL context."""
        if self._closed:
            return
        self._check_thread()
        for scene in list(self._scenes):
            scene.release()
        with self._context:
            for kept in (self._targets, self._shadows):
                if kept is not None:
                    kept.release()
        self._context.release()
        self._closed = True

    def __enter__(self) -> Renderer:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def _targets_for(self, size: tuple[int, int], samples: int) -> RenderTargets:
        """Framebuffers for this size, kept while the size stays the same (turntables)."""
        effective = min(samples, self._context.max_samples)
        effective = effective if effective > 1 else 0
        current = self._targets
        if current is None or (current.size, current.samples) != (size, effective):
            if current is not None:
                current.release()
            self._targets = current = RenderTargets(self._context, size, effective)
        return current

    def _shadows_for(self, size: int) -> ShadowMap:
        """The key light's shadow map, kept while the image size keeps its size."""
        if self._shadows is None or self._shadows.size != size:
            if self._shadows is not None:
                self._shadows.release()
            self._shadows = ShadowMap(self._context, size)
        return self._shadows

    def _check_usable(self) -> None:
        self._check_thread()
        if self._closed:
            raise RuntimeError("the Renderer is closed")

    def _check_thread(self) -> None:
        if threading.get_ident() != self._thread:
            raise RuntimeError("a Renderer must be used on the thread that created it")


@contextmanager
def _gl_failures(stage: str, failure: type[Exception] = moderngl.Error) -> Iterator[None]:
    """Report a GL or driver failure as RENDER_FAILED, naming what was being done."""
    try:
        yield
    except AtelierError:
        raise
    except failure as exc:
        raise AtelierError(f"OpenGL failed while {stage}: {exc}",
                           code=ErrorCode.RENDER_FAILED) from exc
