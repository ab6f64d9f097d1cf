"""Draw a `LoadedScene` from one view: opaque and masked draws, then blended ones far to near."""

from __future__ import annotations

import moderngl
import numpy as np

from app.geometry.render.cameras import View
from app.geometry.render.gpu_scene import LoadedScene
from app.geometry.render.lights import (
    AMBIENT_GROUND,
    AMBIENT_SKY,
    light_uniforms,
    lights_for_view,
)
from app.geometry.render.scene_data import DEFAULT_MATERIAL, DrawItem, Material
from app.geometry.render.transforms import gl_bytes, normal_matrix

_ALPHA_MODES = {"OPAQUE": 0, "MASK": 1, "BLEND": 2}
UniformValue = bytes | bool | int | float | tuple[float, ...]


def draw_scene(context: moderngl.Context, program: moderngl.Program,
               target: moderngl.Framebuffer, scene: LoadedScene, view: View) -> None:
    """Draw into `target`, which is already bound and cleared."""
    _set(program, "u_view_projection", gl_bytes(view.projection @ view.view))
    _set(program, "u_eye", tuple(map(float, view.eye)))
    _set(program, "u_ambient_sky", AMBIENT_SKY)
    _set(program, "u_ambient_ground", AMBIENT_GROUND)
    for name, packed in light_uniforms(lights_for_view(scene.lights, view.view)).items():
        _set(program, name, packed)
    blended = [draw for draw in scene.draws if _material(scene, draw).alpha_mode == "BLEND"]
    context.enable(moderngl.DEPTH_TEST)
    context.disable(moderngl.BLEND)
    context.cull_face = "back"
    for draw in scene.draws:
        if _material(scene, draw).alpha_mode != "BLEND":
            _draw(context, program, scene, draw)
    if not blended:
        return
    # Premultiplied "over", farthest first; depth stays read-only so layers do not cut each other.
    blended.sort(key=lambda draw: -float(np.linalg.norm(draw.bounds.center - view.eye)))
    context.enable(moderngl.BLEND)
    context.blend_func = moderngl.ONE, moderngl.ONE_MINUS_SRC_ALPHA
    target.depth_mask = False
    for draw in blended:
        _draw(context, program, scene, draw)
    target.depth_mask = True
    context.disable(moderngl.BLEND)


def _material(scene: LoadedScene, draw: DrawItem) -> Material:
    return scene.materials[draw.material] if draw.material is not None else DEFAULT_MATERIAL


def _draw(context: moderngl.Context, program: moderngl.Program, scene: LoadedScene,
          draw: DrawItem) -> None:
    material = _material(scene, draw)
    mirrored = bool(np.linalg.det(draw.world[:3, :3]) < 0)
    # glTF culls back faces unless a material is double-sided; mirroring flips the winding.
    if material.double_sided:
        context.disable(moderngl.CULL_FACE)
    else:
        context.enable(moderngl.CULL_FACE)
        context.front_face = "cw" if mirrored else "ccw"
    _set(program, "u_model", gl_bytes(draw.world))
    _set(program, "u_normal_matrix", gl_bytes(normal_matrix(draw.world)))
    _set(program, "u_mirrored", mirrored)
    _set(program, "u_base_color", tuple(material.base_color))
    _set(program, "u_metallic", material.metallic)
    _set(program, "u_roughness", material.roughness)
    _set(program, "u_emissive", tuple(material.emissive))
    _set(program, "u_alpha_mode", _ALPHA_MODES.get(material.alpha_mode, 0))
    _set(program, "u_alpha_cutoff", material.alpha_cutoff)
    texture_index = material.base_color_texture
    texture = scene.textures.get(texture_index) if texture_index is not None else None
    _set(program, "u_has_texture", texture is not None)
    if texture is not None:
        _set(program, "u_mirror_wrap", texture.mirror_wrap)
        texture.texture.use(location=0)
    scene.meshes[draw.primitive].vertex_array.render(moderngl.TRIANGLES)


def _set(program: moderngl.Program, name: str, value: UniformValue) -> None:
    """Set a uniform; GLSL drops uniforms a shader never reads, so absent ones are skipped."""
    uniform = program.get(name, None)
    if not isinstance(uniform, moderngl.Uniform):
        return
    if isinstance(value, bytes):
        uniform.write(value)
    else:
        uniform.value = value
