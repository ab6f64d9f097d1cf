"""ASCII STL, OFF and ASCII PLY as a trimesh scene built from flat arrays, without trimesh's
loaders (which make a Python object per line); binary STL and PLY, and PLY layouts the flat
reader leaves out, stay with trimesh (`text_mesh_scene` says None for them)."""

from __future__ import annotations

import trimesh

from app.geometry.flat_mesh import FlatMesh
from app.geometry.formats import SourceFormat, binary_stl_triangles
from app.geometry.off_parse import parse_off
from app.geometry.ply_text import parse_ply_text, ply_layout
from app.geometry.stl_text import parse_stl_text


def text_mesh_scene(data: bytes, source_format: SourceFormat) -> trimesh.Scene | None:
    """The scene of a text mesh file, one mesh per STL solid; None when trimesh reads it.
    Raises CorruptFile for a malformed file."""
    meshes = _flat_meshes(data, source_format)
    if meshes is None:
        return None
    scene = trimesh.Scene()
    for mesh in meshes:
        scene.add_geometry(mesh.to_trimesh(), geom_name=mesh.name or None)
    return scene


def _flat_meshes(data: bytes, source_format: SourceFormat) -> list[FlatMesh] | None:
    if source_format is SourceFormat.STL:
        return None if binary_stl_triangles(data, len(data)) is not None \
            else parse_stl_text(data)
    if source_format is SourceFormat.OFF:
        return [parse_off(data)]
    if source_format is SourceFormat.PLY and data.startswith(b"ply"):
        layout = ply_layout(data)
        return None if layout is None else [parse_ply_text(data, layout)]
    return None
