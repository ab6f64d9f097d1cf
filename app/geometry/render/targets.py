"""Framebuffers of one image size: linear float (MSAA) target, its resolve, the 8-bit output."""

from __future__ import annotations

from typing import TypeVar

import moderngl
import numpy as np

from app.geometry.render.gl_wait import finish_releasing_gil

GlObject = TypeVar("GlObject", moderngl.Texture, moderngl.Renderbuffer, moderngl.Framebuffer)


class RenderTargets:
    """Render into `scene`, then `finish()` resolves, encodes sRGB and reads the pixels back."""

    def __init__(self, context: moderngl.Context, size: tuple[int, int], samples: int) -> None:
        self.size, self.samples = size, samples
        self._objects: list[moderngl.Texture | moderngl.Renderbuffer | moderngl.Framebuffer] = []
        self.resolved = self._keep(context.texture(size, 4, dtype="f2"))
        depth = self._keep(context.depth_renderbuffer(size, samples=samples))
        if samples:
            color = self._keep(context.renderbuffer(size, 4, samples=samples, dtype="f2"))
            self.scene = self._keep(context.framebuffer([color], depth))
            self._resolve: moderngl.Framebuffer | None = self._keep(
                context.framebuffer([self.resolved]))
        else:
            self.scene = self._keep(context.framebuffer([self.resolved], depth))
            self._resolve = None
        output = self._keep(context.renderbuffer(size, 4))
        self._output = self._keep(context.framebuffer([output]))

    def _keep(self, gl_object: GlObject) -> GlObject:
        self._objects.append(gl_object)
        return gl_object

    def begin(self, premultiplied_background: tuple[float, float, float, float]) -> None:
        self.scene.use()
        self.scene.clear(*premultiplied_background, depth=1.0)

    def finish(self, context: moderngl.Context, output_pass: moderngl.VertexArray) -> np.ndarray:
        """The image as (height, width, 4) sRGB uint8 with straight alpha, top row first."""
        # Blits and reads wait for pending drawing while holding the GIL: wait here instead.
        finish_releasing_gil(context)
        if self._resolve is not None:
            context.copy_framebuffer(self._resolve, self.scene)
        self._output.use()
        context.disable(moderngl.DEPTH_TEST | moderngl.BLEND | moderngl.CULL_FACE)
        self.resolved.use(location=0)
        output_pass.render(moderngl.TRIANGLES, vertices=3)
        finish_releasing_gil(context)
        width, height = self.size
        return np.frombuffer(self._output.read(components=4), dtype=np.uint8).reshape(
            height, width, 4)

    def release(self) -> None:
        for gl_object in reversed(self._objects):
            gl_object.release()
        self._objects = []
