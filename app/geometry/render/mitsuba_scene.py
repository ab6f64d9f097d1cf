"""The renderer's `SceneData` as a Mitsuba 3 scene: each draw a mesh in world space, glTF
metallic-roughness as Mitsuba's `principled` BSDF, the raster path's lights (the scene's, or the
camera rig) plus a constant environment standing in for its ambient, and a sensor for the very
`View` the rasteriser draws, so both renderers frame a model alike.

Mitsuba is imported on first use (`mitsuba()`), never at module import: the sandbox forkserver
preloads the render modules, and Dr.Jit's thread pool must not exist in a process that forks.
"""

from __future__ import annotations

import functools
import math
from types import ModuleType
from typing import Any

import numpy as np

from app.geometry.render.cameras import View
from app.geometry.render.color_space import srgb_to_linear
from app.geometry.render.lights import AMBIENT_GROUND, AMBIENT_SKY, lights_for_view
from app.geometry.render.scene_data import (
    DEFAULT_MATERIAL,
    GL_MIRRORED_REPEAT,
    GL_REPEAT,
    DrawItem,
    Light,
    Material,
    SceneData,
    Texture,
)
from app.geometry.render.transforms import normal_matrix, transform_points

# The CPU variant; llvm_ad_rgb crashed inside LLVM code generation on our build machine.
VARIANT = "scalar_rgb"
MAX_DEPTH = 8  # bounces per path: enough for interreflections, bounded for dark interiors
AMBIENT = tuple((sky + ground) / 2.0 for sky, ground in zip(AMBIENT_SKY, AMBIENT_GROUND,
                                                           strict=True))
_WRAP_MODES = {GL_REPEAT: "repeat", GL_MIRRORED_REPEAT: "mirror"}
GL_NEAREST = 9728
# Mitsuba's cameras look along their local +Z with +X to the left; OpenGL's along -Z, +X right.
_GL_TO_MITSUBA_CAMERA = np.diag([-1.0, 1.0, -1.0, 1.0])

SceneDict = dict[str, Any]


@functools.cache
def mitsuba() -> ModuleType:
    """The mitsuba module with its CPU variant set."""
    import mitsuba as mi

    mi.set_variant(VARIANT)
    return mi


def rgb(values: tuple[float, ...]) -> dict[str, Any]:
    return {"type": "rgb", "value": [float(value) for value in values[:3]]}


def build_meshes(data: SceneData) -> list[Any]:
    """One Mitsuba mesh per draw, its vertices moved into world space, with its material."""
    mi = mitsuba()
    bsdfs: dict[tuple[int | None, bool], Any] = {}
    meshes = []
    for number, draw in enumerate(data.draws):
        tinted = _has_vertex_colours(data, draw)
        key = (draw.material, tinted)
        if key not in bsdfs:
            bsdfs[key] = mi.load_dict(material_dict(data, _material(data, draw), tinted))
        meshes.append(_mesh(mi, data, draw, f"draw-{number}", bsdfs[key], tinted))
    return meshes


def scene_dict(data: SceneData, meshes: list[Any], view: View, size: tuple[int, int]) -> SceneDict:
    """The scene seen from `view`: path integrator, sensor, lights and the meshes."""
    scene: SceneDict = {
        "type": "scene",
        # The environment lights the model but stays out of the picture: the background is
        # laid under the image afterwards, as the rasteriser clears to it.
        "integrator": {"type": "path", "max_depth": MAX_DEPTH, "hide_emitters": True},
        "sensor": sensor_dict(view, size),
        "environment": {"type": "constant", "radiance": rgb(AMBIENT)},
    }
    for number, light in enumerate(lights_for_view(data.lights, view.view)):
        scene[f"light-{number}"] = light_dict(light)
    for number, mesh in enumerate(meshes):
        scene[f"mesh-{number}"] = mesh
    return scene


def sensor_dict(view: View, size: tuple[int, int]) -> SceneDict:
    """A Mitsuba camera with the view and projection of the rasteriser's `view`."""
    mi = mitsuba()
    projection = view.projection
    to_world = np.linalg.inv(view.view) @ _GL_TO_MITSUBA_CAMERA
    film = {"type": "hdrfilm", "width": size[0], "height": size[1], "pixel_format": "rgba",
            "rfilter": {"type": "box"}}
    if projection[3, 2] == 0.0:  # orthographic: no perspective divide
        depth, middle = 2.0 / projection[2, 2], projection[2, 3] * 2.0 / projection[2, 2]
        near, far = (middle + depth) / 2.0, (middle - depth) / 2.0
        # Mitsuba's orthographic camera spans x in [-1, 1], y as the aspect gives it.
        half_width = 1.0 / projection[0, 0]
        to_world = to_world @ np.diag([half_width, half_width, 1.0, 1.0])
        return {"type": "orthographic", "to_world": mi.ScalarTransform4f(to_world.tolist()),
                "near_clip": float(near), "far_clip": float(far), "film": film}
    near = projection[2, 3] / (projection[2, 2] - 1.0)
    far = projection[2, 3] / (projection[2, 2] + 1.0)
    return {"type": "perspective", "fov_axis": "y",
            "fov": math.degrees(2.0 * math.atan(1.0 / projection[1, 1])),
            "to_world": mi.ScalarTransform4f(to_world.tolist()),
            "near_clip": float(near), "far_clip": float(far), "film": film}


def light_dict(light: Light) -> SceneDict:
    """A punctual light as Mitsuba's emitter of the same kind and strength."""
    if light.kind == "directional":
        return {"type": "directional", "direction": list(light.direction),
                "irradiance": rgb(light.color)}
    if light.kind == "point":
        return {"type": "point", "position": list(light.position), "intensity": rgb(light.color)}
    mi = mitsuba()
    origin = np.asarray(light.position)
    direction = np.asarray(light.direction)
    up = (0.0, 1.0, 0.0) if abs(direction[1]) < 0.99 else (1.0, 0.0, 0.0)
    return {"type": "spot", "intensity": rgb(light.color),
            "to_world": mi.ScalarTransform4f().look_at(
                origin=origin.tolist(), target=(origin + direction).tolist(), up=list(up)),
            "cutoff_angle": math.degrees(light.outer_cone),
            "beam_width": math.degrees(light.inner_cone)}


def material_dict(data: SceneData, material: Material, tinted: bool) -> SceneDict:
    """glTF metallic-roughness as `principled`: base colour (factor, times the texture or the
    vertex colours `tinted` says are there), metallic and roughness; alpha as a `mask`, and
    double-sided materials `twosided` (Mitsuba's surfaces are black from behind)."""
    bsdf: SceneDict = {"type": "principled", "base_color": _base_color(data, material, tinted),
                       "metallic": float(np.clip(material.metallic, 0.0, 1.0)),
                       "roughness": float(np.clip(material.roughness, 0.0, 1.0))}
    if material.double_sided:
        bsdf = {"type": "twosided", "material": bsdf}
    if material.alpha_mode != "OPAQUE":
        bsdf = {"type": "mask", "opacity": _opacity(data, material), "material": bsdf}
    return bsdf


def _base_color(data: SceneData, material: Material, tinted: bool) -> SceneDict:
    texture = data.textures.get(material.base_color_texture) if (
        material.base_color_texture is not None) else None
    if texture is not None:
        # The factor is baked into the texels, in linear light as glTF multiplies them.
        linear = srgb_to_linear(texture.pixels[..., :3].astype(np.float32) / 255.0)
        texels = np.ascontiguousarray(linear * np.asarray(material.base_color[:3]),
                                      dtype=np.float32)
        return {"type": "bitmap", "bitmap": mitsuba().Bitmap(texels), "raw": True,
                **_sampling(texture)}
    if tinted:
        return {"type": "mesh_attribute", "name": "vertex_color"}
    return rgb(material.base_color)


def _opacity(data: SceneData, material: Material) -> SceneDict | float:
    texture = data.textures.get(material.base_color_texture) if (
        material.base_color_texture is not None) else None
    alpha = material.base_color[3] * (
        texture.pixels[..., 3:4].astype(np.float32) / 255.0 if texture is not None else 1.0)
    if material.alpha_mode == "MASK":
        alpha = (np.asarray(alpha) >= material.alpha_cutoff).astype(np.float32)
    if texture is None:
        return float(np.asarray(alpha).reshape(-1)[0])
    return {"type": "bitmap", "bitmap": mitsuba().Bitmap(np.ascontiguousarray(
        alpha, dtype=np.float32)), "raw": True, **_sampling(texture)}


def _sampling(texture: Texture) -> dict[str, str]:
    """glTF's sampler as Mitsuba's: one wrap mode for both axes (wrapS's), magnification's
    filter."""
    return {"wrap_mode": _WRAP_MODES.get(texture.wrap_s, "clamp"),
            "filter_type": "nearest" if texture.mag_filter == GL_NEAREST else "bilinear"}


def _material(data: SceneData, draw: DrawItem) -> Material:
    return data.materials[draw.material] if draw.material is not None else DEFAULT_MATERIAL


def _has_vertex_colours(data: SceneData, draw: DrawItem) -> bool:
    """Vertex colours that change anything; a base colour texture takes precedence."""
    if _material(data, draw).base_color_texture in data.textures:
        return False
    colours = data.primitives[draw.primitive].vertices[:, 8:11]
    return bool(np.any(colours != 1.0))


def _mesh(mi: ModuleType, data: SceneData, draw: DrawItem, name: str, bsdf: Any,
          tinted: bool) -> Any:
    primitive = data.primitives[draw.primitive]
    vertices = primitive.vertices
    faces = (primitive.indices if primitive.indices is not None
             else np.arange(len(vertices), dtype=np.uint32)).reshape(-1, 3)
    if np.linalg.det(draw.world[:3, :3]) < 0:  # mirrored: keep faces wound counter-clockwise
        faces = faces[:, ::-1]
    normals = vertices[:, 3:6] @ normal_matrix(draw.world).T
    lengths = np.linalg.norm(normals, axis=1, keepdims=True)
    # Any zero normal would shade as NaN: then the mesh shades with its face normals instead.
    smooth = bool(np.all(lengths > 1e-12))
    # No area emitter for glTF's emissive factor: the integrator hides directly seen emitters
    # (so the background stays transparent), and with them the whole surface.
    props = mi.Properties()
    props["bsdf"] = bsdf
    mesh = mi.Mesh(name, len(vertices), len(faces), props, has_vertex_normals=smooth,
                   has_vertex_texcoords=True)
    params = mi.traverse(mesh)
    params["vertex_positions"] = _flat(transform_points(draw.world, vertices[:, :3]))
    params["faces"] = np.ascontiguousarray(faces, dtype=np.uint32).reshape(-1)
    params["vertex_texcoords"] = _flat(vertices[:, 6:8])
    if smooth:
        params["vertex_normals"] = _flat(normals / lengths)
    params.update()
    if tinted:  # the material reads them as the `vertex_color` attribute
        colours = vertices[:, 8:11] * np.asarray(_material(data, draw).base_color[:3])
        mesh.add_attribute("vertex_color", 3, _flat(colours))
    return mesh


def _flat(values: np.ndarray) -> np.ndarray:
    return np.ascontiguousarray(values, dtype=np.float32).reshape(-1)
