"""Draw a `LoadedScene` from one view: the key light's shadow pass, then opaque and masked
draws, then blended ones far to near."""

from __future__ import annotations

from dataclasses import dataclass

import moderngl
import numpy as np

from app.geometry.render.cameras import View
from app.geometry.render.gpu_scene import LoadedScene
from app.geometry.render.lights import light_uniforms, lights_for_view, shadow_caster
from app.geometry.render.scene_data import DEFAULT_MATERIAL, DrawItem, Light, Material
from app.geometry.render.shadows import ShadowMap, shadow_view
from app.geometry.render.transforms import gl_bytes, normal_matrix
from app.geometry.render.uniforms import set_uniform

_ALPHA_MODES = {"OPAQUE": 0, "MASK": 1, "BLEND": 2}
# Texture units: the five material maps in the shader's slot order, then the shared ones.
MAP_UNITS = ("u_base_texture", "u_metallic_roughness_texture", "u_normal_texture",
             "u_occlusion_texture", "u_emissive_texture")
SHADOW_UNIT, SPECULAR_ENV_UNIT = 5, 6
_BLENDED_SHADOW_CUTOFF = 0.5  # blended surfaces cast where they are mostly opaque


@dataclass
class Programs:
    mesh: moderngl.Program
    shadow: moderngl.Program


def draw_scene(context: moderngl.Context, programs: Programs, target: moderngl.Framebuffer,
               scene: LoadedScene, view: View, shadows: ShadowMap) -> None:
    """Draw into `target`, which is already bound and cleared; `shadows` is drawn first."""
    program = programs.mesh
    lights = lights_for_view(scene.lights, view.view)
    caster = shadow_caster(lights)
    set_uniform(program, "u_has_shadow", caster is not None)
    if caster is not None:
        _draw_shadows(context, programs.shadow, scene, shadows, lights[caster], caster, program)
        target.use()
    shadows.depth.use(location=SHADOW_UNIT)
    set_uniform(program, "u_view_projection", gl_bytes(view.projection @ view.view))
    set_uniform(program, "u_eye", tuple(map(float, view.eye)))
    for name, packed in light_uniforms(lights).items():
        set_uniform(program, name, packed)
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


def _draw_shadows(context: moderngl.Context, shadow_program: moderngl.Program,
                  scene: LoadedScene, shadows: ShadowMap, light: Light, caster: int,
                  mesh_program: moderngl.Program) -> None:
    """Draw the scene's depth from `light` and tell the mesh shader how to read it."""
    placed = shadow_view(light, scene.bounds, shadows.size)
    light_matrix = gl_bytes(placed.light_matrix)
    set_uniform(mesh_program, "u_shadow_light", caster)
    set_uniform(mesh_program, "u_light_matrix", light_matrix)
    set_uniform(mesh_program, "u_shadow_texel", placed.texel)
    set_uniform(mesh_program, "u_shadow_perspective", placed.perspective)
    set_uniform(mesh_program, "u_shadow_origin", placed.origin)
    set_uniform(shadow_program, "u_light_matrix", light_matrix)
    shadows.begin(context)
    for draw in scene.draws:
        material = _material(scene, draw)
        texture = scene.textures.get((material.base_color_texture, True)) if (
            material.base_color_texture is not None) else None
        cutoff = {"OPAQUE": 0.0, "MASK": material.alpha_cutoff}.get(
            material.alpha_mode, _BLENDED_SHADOW_CUTOFF)
        set_uniform(shadow_program, "u_model", gl_bytes(draw.world))
        set_uniform(shadow_program, "u_base_alpha", material.base_color[3])
        set_uniform(shadow_program, "u_alpha_cutoff", cutoff)
        set_uniform(shadow_program, "u_has_texture", texture is not None and cutoff > 0.0)
        if texture is not None:
            texture.texture.use(location=0)
        scene.meshes[draw.primitive].shadow_array.render(moderngl.TRIANGLES)
    shadows.end(context)


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
    set_uniform(program, "u_model", gl_bytes(draw.world))
    set_uniform(program, "u_normal_matrix", gl_bytes(normal_matrix(draw.world)))
    set_uniform(program, "u_mirrored", mirrored)
    set_uniform(program, "u_base_color", tuple(material.base_color))
    set_uniform(program, "u_metallic", material.metallic)
    set_uniform(program, "u_roughness", material.roughness)
    set_uniform(program, "u_normal_scale", material.normal_scale)
    set_uniform(program, "u_occlusion_strength", material.occlusion_strength)
    set_uniform(program, "u_emissive", tuple(material.emissive))
    set_uniform(program, "u_alpha_mode", _ALPHA_MODES.get(material.alpha_mode, 0))
    set_uniform(program, "u_alpha_cutoff", material.alpha_cutoff)
    maps = (
        (material.base_color_texture, True), (material.metallic_roughness_texture, False),
        (material.normal_texture, False), (material.occlusion_texture, False),
        (material.emissive_texture, True),
    )
    present = mirror = 0
    for unit, (index, srgb) in enumerate(maps):
        texture = scene.textures.get((index, srgb)) if index is not None else None
        if texture is not None:
            present |= 1 << unit
            mirror_u, mirror_v = texture.mirror_wrap
            mirror |= mirror_u << unit | mirror_v << (unit + len(maps))
            texture.texture.use(location=unit)
    set_uniform(program, "u_maps", present)
    set_uniform(program, "u_mirror_wrap", mirror)
    scene.meshes[draw.primitive].vertex_array.render(moderngl.TRIANGLES)
