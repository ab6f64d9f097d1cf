"""STL, PLY (vertex colours), OFF and 3MF as a GLB; and what the OBJ path (`obj_mesh`, its
own numpy parser) shares with them: the upload's resolver and the export. ASCII STL, OFF and
ASCII PLY are read into flat arrays by `text_meshes`; binary STL and PLY, the PLY layouts it
leaves out, and 3MF are read by trimesh.

trimesh keeps what these formats hold: PLY vertex colours, 3MF build items and components as
a node tree. STL triangles come unshared, so their corners are welded, which lets the geometry
checks see the surface's topology and makes the GLB a third of the size.
"""

from __future__ import annotations

import io
import re
from typing import Any

import trimesh
from trimesh.resolvers import Resolver

from app.errors import AtelierError, CorruptFile, ErrorCode
from app.geometry.archives import Archive
from app.geometry.formats import SourceFormat, binary_stl_triangles
from app.geometry.mtl_options import texture_file_name
from app.geometry.resources import Resources
from app.geometry.text_meshes import text_mesh_scene

TRIMESH_TYPES = {
    SourceFormat.STL: "stl",
    SourceFormat.PLY: "ply",
    SourceFormat.OFF: "off",
    SourceFormat.THREE_MF: "3mf",
}
# What `mesh_bytes_to_glb` reads: the flat readers first where they can, trimesh otherwise.
MESH_FORMATS = frozenset(TRIMESH_TYPES)
# XML entity declarations can expand without bound or read local files; 3MF needs none.
_XML_ENTITIES = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)
_STL_FACET = re.compile(rb"\bfacet\b")


class UploadResolver(Resolver):
    """trimesh's view of the upload: material and texture files through `Resources`.

    trimesh swallows a resolver's exceptions (it then loads without the material), so a
    refused image is remembered here and raised once loading is done.
    """

    def __init__(self, resources: Resources) -> None:
        self.resources = resources
        self.refusal: AtelierError | None = None

    def get(self, key: str) -> bytes:
        try:
            # trimesh hands over all of a `map_Kd` line, options (`-s 1 1 1`) included.
            data = self.resources.lenient(texture_file_name(str(key)))
        except AtelierError as refusal:
            self.refusal = self.refusal or refusal
            raise
        if data is None:
            raise FileNotFoundError(key)
        return data

    def write(self, name: str, data: Any) -> None:
        raise PermissionError("the upload is read-only")

    def namespaced(self, namespace: str) -> UploadResolver:
        return self

    def keys(self) -> list[str]:
        return []


def mesh_bytes_to_glb(data: bytes, source_format: SourceFormat, resources: Resources) -> bytes:
    """Read `data` and export it as a GLB scene; raises CorruptFile, NO_GEOMETRY or what
    `resources` refused."""
    resolver = UploadResolver(resources)
    try:
        scene = text_mesh_scene(data, source_format)
        if scene is None:
            scene = trimesh.load_scene(io.BytesIO(data), file_type=TRIMESH_TYPES[source_format],
                                       process=False, resolver=resolver)
        meshes = [g for g in scene.geometry.values() if isinstance(g, trimesh.Trimesh)]
    except (MemoryError, AtelierError):  # the flat readers' CorruptFile says what is wrong
        raise
    except Exception as exc:  # any parser failure on user bytes is a corrupt file
        raise CorruptFile(f"the {source_format.value} file could not be read: "
                          f"{type(exc).__name__}: {exc}"[:500]) from exc
    if resolver.refusal is not None:
        raise resolver.refusal
    if not any(len(mesh.faces) for mesh in meshes):
        if _declares_faces(data, source_format):
            raise CorruptFile(f"the {source_format.value} file declares faces, but none of "
                              "them could be read")
        raise AtelierError(f"the {source_format.value} file contains no triangles",
                           code=ErrorCode.NO_GEOMETRY)
    for mesh in meshes:
        if source_format is SourceFormat.STL:
            mesh.merge_vertices()
        drop_placeholder_texture(mesh)
    return scene_to_glb(scene, source_format)


def scene_to_glb(scene: trimesh.Scene, source_format: SourceFormat) -> bytes:
    try:
        # trimesh leaves Scene.export unannotated.
        return bytes(scene.export(file_type="glb"))  # type: ignore[no-untyped-call]
    except MemoryError:
        raise
    except Exception as exc:
        raise CorruptFile(f"the {source_format.value} file could not be converted: "
                          f"{type(exc).__name__}: {exc}"[:500]) from exc


def _declares_faces(data: bytes, source_format: SourceFormat) -> bool:
    """Whether an STL that gave no triangle said it had some: then it is broken, not empty
    (`solid x` + `endsolid x` or a binary STL counting 0 are empty)."""
    if source_format is SourceFormat.STL:
        triangles = binary_stl_triangles(data, len(data))
        return bool(triangles) if triangles is not None else _STL_FACET.search(data) is not None
    return False


def drop_placeholder_texture(mesh: trimesh.Trimesh) -> None:
    """trimesh gives an OBJ with UVs but no texture file a made-up 2x2 image; keep the UVs
    and drop the image, so the GLB and its texture count say what the upload had."""
    material = getattr(mesh.visual, "material", None)
    image = getattr(material, "image", None)
    if image is not None and "file_path" not in image.info:
        material.image = None  # type: ignore[union-attr]


def refuse_xml_entities(package: Archive) -> None:
    """3MF is a zip of XML parts; refuse any part that declares a DTD or entities."""
    for name in package.names:
        is_xml = name.lower().endswith((".model", ".xml", ".rels"))
        if is_xml and _XML_ENTITIES.search(package.read(name)):
            raise CorruptFile(f"the 3MF part '{name}' declares XML entities, which are "
                                  "refused")
