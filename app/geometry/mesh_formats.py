"""STL, OBJ, PLY and OFF read with trimesh and written as a GLB scene."""

from __future__ import annotations

from pathlib import Path

import trimesh

from app.errors import AtelierError, CorruptFile, ErrorCode
from app.geometry.formats import SourceFormat

TRIMESH_TYPES = {
    SourceFormat.STL: "stl",
    SourceFormat.OBJ: "obj",
    SourceFormat.PLY: "ply",
    SourceFormat.OFF: "off",
}


def mesh_file_to_glb(path: Path, source_format: SourceFormat) -> bytes:
    try:
        scene = trimesh.load(
            str(path), file_type=TRIMESH_TYPES[source_format], force="scene", process=False
        )
        has_faces = any(
            isinstance(geometry, trimesh.Trimesh) and len(geometry.faces)
            for geometry in scene.geometry.values()
        )
    except (ValueError, IndexError, KeyError, TypeError, EOFError, UnicodeDecodeError) as exc:
        raise CorruptFile(f"the {source_format.value} file could not be read: {exc}") from exc
    if not has_faces:
        raise AtelierError(
            f"the {source_format.value} file contains no triangles", code=ErrorCode.NO_GEOMETRY
        )
    return bytes(scene.export(file_type="glb"))
