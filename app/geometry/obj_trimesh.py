"""OBJ (+MTL and textures) as a GLB through trimesh: each material's vertices (`obj_vertices`)
as one trimesh mesh, with the materials trimesh reads from the MTL, exported by trimesh.
Meshes are named as trimesh named them: by material when the MTL gives several, else by the
file's first object, else "geometry".
"""

from __future__ import annotations

from typing import Any

import numpy as np
import trimesh
from trimesh.exchange.obj import parse_mtl
from trimesh.visual.material import SimpleMaterial
from trimesh.visual.texture import TextureVisuals

from app.errors import AtelierError, CorruptFile, ErrorCode
from app.geometry.formats import SourceFormat
from app.geometry.mesh_formats import UploadResolver, drop_placeholder_texture, scene_to_glb
from app.geometry.obj_parse import Corners, ObjData, ObjGroup
from app.geometry.obj_vertices import obj_vertices
from app.geometry.resources import Resources

DEFAULT_NAME = "geometry"


def trimesh_obj_glb(obj: ObjData, resources: Resources) -> bytes:
    """The GLB trimesh exports of the parsed OBJ; raises CorruptFile, NO_GEOMETRY or what
    `resources` refused."""
    # The parsed arrays are gone once the scene is built, before the export needs its own.
    return scene_to_glb(_scene(obj, UploadResolver(resources)), SourceFormat.OBJ)


def _scene(obj: ObjData, resolver: UploadResolver) -> trimesh.Scene:
    materials = _materials(obj.mtllib, resolver)
    if resolver.refusal is not None:
        raise resolver.refusal
    scene = trimesh.Scene()
    for group in reversed(obj.groups):  # trimesh's order: the last material's mesh first
        corners = np.concatenate(group.corners)
        group.corners.clear()  # the pieces go now, not with the parse
        mesh = _mesh(obj, corners, materials.get(group.material) if group.material else None)
        del corners
        name = trimesh.util.unique_name(_name(group, obj.object_name, materials), scene.geometry)
        drop_placeholder_texture(mesh)
        scene.add_geometry(mesh, geom_name=name, node_name=name)
    if not scene.geometry:
        if obj.face_lines:
            raise CorruptFile("the OBJ file declares faces, but none of them could be read")
        raise AtelierError("the OBJ file contains no triangles", code=ErrorCode.NO_GEOMETRY)
    return scene


def _materials(mtllib: str | None, resolver: UploadResolver) -> dict[str, SimpleMaterial]:
    """The MTL's materials as trimesh reads them; none when the file is missing or broken, as
    trimesh loaded an OBJ without them (the missing file is a warning of `Resources`)."""
    if mtllib is None:
        return {}
    try:
        parsed = parse_mtl(resolver.get(mtllib), resolver=resolver)  # type: ignore[no-untyped-call]
        return {name: SimpleMaterial(**values)  # type: ignore[no-untyped-call]
                for name, values in parsed.items()}
    except Exception:  # a broken MTL loads the model without its materials (a refused
        return {}  # file is kept by the resolver, for the caller to raise)


def _mesh(obj: ObjData, corners: Corners, material: SimpleMaterial | None) -> trimesh.Trimesh:
    vertices = obj_vertices(obj, corners)
    options: dict[str, Any] = {}
    if vertices.normals is not None:
        options["vertex_normals"] = vertices.normals
    if material is not None:
        options["visual"] = TextureVisuals(uv=vertices.uvs, material=material)  # type: ignore[no-untyped-call]
    elif vertices.uvs is not None:
        options["visual"] = TextureVisuals(uv=vertices.uvs)  # type: ignore[no-untyped-call]
    elif obj.colors is not None:
        options["vertex_colors"] = obj.colors[vertices.source_positions]
    return trimesh.Trimesh(vertices=vertices.positions, faces=vertices.triangles,
                           process=False, **options)


def _name(group: ObjGroup, object_name: str | None, materials: dict[str, SimpleMaterial]
          ) -> str:
    if len(materials) > 1 and group.material is not None:
        return group.material
    return object_name or DEFAULT_NAME
