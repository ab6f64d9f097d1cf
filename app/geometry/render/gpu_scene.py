"""A scene uploaded once to a renderer's GL context and drawn as often as wanted (`LoadedScene`)."""

from __future__ import annotations

from dataclasses import dataclass
from types import TracebackType

import moderngl

from app.geometry.render.scene_data import (
    GL_MIRRORED_REPEAT,
    VERTEX_ATTRIBUTES,
    VERTEX_LAYOUT,
    Bounds,
    CameraPlacement,
    DrawItem,
    Light,
    Material,
    Primitive,
    SceneData,
    Texture,
)

GL_SRGB8_ALPHA8 = 0x8C43
GL_RGBA8 = 0x8058
# The shadow pass reads positions and UVs of the interleaved vertex, skipping the rest.
SHADOW_LAYOUT = "3f 12x 2f 16x"
SHADOW_ATTRIBUTES = ("in_position", "in_uv")
GL_CLAMP_TO_EDGE = 33071
_MIPMAP_FILTERS = (9984, 9985, 9986, 9987)
_MAX_ANISOTROPY = 8.0


@dataclass
class GpuMesh:
    vertex_array: moderngl.VertexArray
    shadow_array: moderngl.VertexArray  # positions and UVs for the shadow pass
    buffers: tuple[moderngl.Buffer, ...]


@dataclass
class GpuTexture:
    texture: moderngl.Texture
    mirror_wrap: tuple[bool, bool]  # mirrored repeat per axis, which the shader applies


class LoadedScene:
    """Geometry and textures resident on the GPU, plus what drawing needs from the glTF.

    For callers: `bounds` (world space), `camera_names` (the glTF's cameras, in order, "" when
    unnamed), `triangle_count` (as drawn, instances included), `released` and `release()`.
    The other attributes are the renderer's. Belongs to the `Renderer` that loaded it and to
    that renderer's thread. Call `release()` (or use it as a context manager) when done: GPU
    memory is not garbage collected.
    """

    def __init__(self, context: moderngl.Context, program: moderngl.Program,
                 shadow_program: moderngl.Program, data: SceneData) -> None:
        self.bounds: Bounds = data.bounds
        self.camera_names: tuple[str, ...] = data.camera_names
        self.triangle_count = sum(data.primitives[draw.primitive].triangle_count
                                  for draw in data.draws)
        self.draws: list[DrawItem] = data.draws
        self.materials: list[Material] = data.materials
        self.cameras: dict[int, CameraPlacement] = data.cameras
        self.lights: list[Light] = data.lights
        self._context = context
        self.meshes: list[GpuMesh] = []
        # By glTF texture index and whether it is sampled as sRGB (colour) or as stored (data).
        self.textures: dict[tuple[int, bool], GpuTexture] = {}
        self.released = False
        try:
            for primitive in data.primitives:
                self.meshes.append(_upload_mesh(context, program, shadow_program, primitive))
            for material in data.materials:
                for srgb, indices in ((True, material.srgb_textures),
                                      (False, material.linear_textures)):
                    for index in indices:
                        if (index, srgb) not in self.textures:
                            self.textures[index, srgb] = _upload_texture(
                                context, data.textures[index], srgb)
        except BaseException:
            self.release()
            raise

    def release(self) -> None:
        """Free the scene's GPU buffers and textures; safe to call more than once."""
        if self.released:
            return
        with self._context:
            for mesh in self.meshes:
                mesh.vertex_array.release()
                mesh.shadow_array.release()
                for buffer in mesh.buffers:
                    buffer.release()
            for uploaded in self.textures.values():
                uploaded.texture.release()
        self.meshes, self.textures, self.released = [], {}, True

    def __enter__(self) -> LoadedScene:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.release()


def _upload_mesh(context: moderngl.Context, program: moderngl.Program,
                 shadow_program: moderngl.Program, primitive: Primitive) -> GpuMesh:
    vertices = context.buffer(primitive.vertices)
    indices = context.buffer(primitive.indices) if primitive.indices is not None else None
    buffers = (vertices,) if indices is None else (vertices, indices)
    arrays = [
        context.vertex_array(shader, [(vertices, layout, *attributes)], index_buffer=indices,
                             index_element_size=4)
        for shader, layout, attributes in (
            (program, VERTEX_LAYOUT, VERTEX_ATTRIBUTES),
            (shadow_program, SHADOW_LAYOUT, SHADOW_ATTRIBUTES),
        )
    ]
    return GpuMesh(arrays[0], arrays[1], buffers)


def _upload_texture(context: moderngl.Context, texture: Texture, srgb: bool) -> GpuTexture:
    height, width = texture.pixels.shape[:2]
    # An sRGB internal format makes the sampler return linear colour, filtered correctly.
    uploaded = context.texture((width, height), 4, texture.pixels.tobytes(),
                               internal_format=GL_SRGB8_ALPHA8 if srgb else GL_RGBA8)
    if texture.min_filter in _MIPMAP_FILTERS:
        uploaded.build_mipmaps()
        uploaded.anisotropy = min(_MAX_ANISOTROPY, context.max_anisotropy)
    uploaded.filter = (texture.min_filter, texture.mag_filter)
    # Mirrored repeat samples like repeat here; the shader folds the coordinates.
    uploaded.repeat_x = texture.wrap_s != GL_CLAMP_TO_EDGE
    uploaded.repeat_y = texture.wrap_t != GL_CLAMP_TO_EDGE
    mirror = (texture.wrap_s == GL_MIRRORED_REPEAT, texture.wrap_t == GL_MIRRORED_REPEAT)
    return GpuTexture(uploaded, mirror)
