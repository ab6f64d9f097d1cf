"""STEP and IGES as a GLB: the XCAF assembly tree as glTF nodes, each part tessellated once
as a mesh its instances share, names and surface colours kept, read with OpenCascade
(cadquery-ocp).

Each free shape of the document is a root node. An assembly is a node whose children are its
components; a component is a node named after the instance (else the shape it refers to),
placed by its location, holding that shape's children or mesh. A part's mesh is named after
the part and has one primitive per colour: a face's own colour, else the instance's, else the
part's, else its assembly's (XCAF's order), else a neutral grey. Colours become glTF PBR
materials, dielectric and half rough as CAD viewers draw them. The roots' transforms turn
millimetres into metres and Z up into glTF's Y up. IGES has no assembly structure: its free
shapes are read as parts. Left out: hidden shapes, edges and points without faces, and faces
OpenCascade cannot tessellate (a warning counts them).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from OCP.TDF import TDF_Label
from OCP.TopAbs import TopAbs_FACE

from app.errors import AtelierError, CorruptFile, ErrorCode, LimitExceeded
from app.geometry.cad_document import (
    CadDocument,
    Matrix,
    Rgba,
    components,
    is_assembly,
    is_visible,
    label_color,
    label_entry,
    label_name,
    opencascade_error,
    placement,
    read_cad,
    referred,
    shape_of,
    sub_shapes,
)
from app.geometry.cad_mesh import FaceGroup, PartFaces, PartMesh
from app.geometry.convert.model import Model
from app.geometry.convert.packing import pack_model
from app.geometry.crash_guard import run_guarded
from app.geometry.formats import SourceFormat
from app.geometry.gltf_io import build_glb
from app.geometry.ingest_limits import IngestLimits
from app.geometry.resources import Resources
from app.geometry.validation import Severity, ValidationIssue

TRIANGLES = 4
MILLIMETRES_TO_METRES = 0.001
# Column-vector matrix turning Z up into Y up: (x, y, z) -> (x, z, -y).
Z_UP_TO_Y_UP = np.array([[1, 0, 0, 0], [0, 0, 1, 0], [0, -1, 0, 0], [0, 0, 0, 1]], float)
ROOT_CORRECTION = Z_UP_TO_Y_UP @ np.diag([MILLIMETRES_TO_METRES] * 3 + [1.0])
NEUTRAL_GREY: Rgba = (0.6, 0.6, 0.6, 1.0)
ROUGHNESS = 0.5


def cad_to_glb(data: bytes, source_format: SourceFormat, resources: Resources,
               limits: IngestLimits) -> bytes:
    """The GLB of a STEP or IGES upload; raises CorruptFile (OpenCascade crashing included),
    NO_GEOMETRY and LIMIT_EXCEEDED. Faces left out are a warning in `resources.warnings`."""
    kind = source_format.value

    def crashed(signal_name: str) -> AtelierError:
        return CorruptFile(f"OpenCascade crashed ({signal_name}) reading the {kind} file: it is "
                           "damaged, or holds what its reader cannot handle")

    glb, warnings = run_guarded(lambda: _convert(data, source_format, limits), crashed)
    resources.warnings.extend(warnings)
    return glb


def _convert(data: bytes, source_format: SourceFormat, limits: IngestLimits
             ) -> tuple[bytes, list[ValidationIssue]]:
    reader = _TreeReader(read_cad(data, source_format), limits)
    try:
        model = reader.model()
    except Exception as exc:
        if not opencascade_error(exc):
            raise
        raise CorruptFile(f"OpenCascade failed on the {source_format.value} file's shapes: "
                          f"{exc}") from exc
    if model.triangle_count() == 0:
        raise AtelierError(f"the {source_format.value} file has no faces to show",
                           code=ErrorCode.NO_GEOMETRY)
    warnings = [ValidationIssue(
        "CAD_FACES_LEFT_OUT", Severity.WARNING,
        f"{reader.faces_left_out} faces could not be tessellated and are left out", None)
    ] if reader.faces_left_out else []
    packed = pack_model(model)
    return build_glb(packed.document, packed.binary), warnings


class _TreeReader:
    def __init__(self, document: CadDocument, limits: IngestLimits) -> None:
        self.document = document
        self.limits = limits
        self.triangles = 0
        self.faces_left_out = 0
        self.nodes: list[dict[str, Any]] = []
        self.meshes: list[dict[str, Any]] = []
        self.materials: dict[Rgba, int] = {}
        self.made: dict[tuple[str, Rgba | None], int | None] = {}

    def model(self) -> Model:
        roots = [node for label in self.document.roots()
                 if (node := self._node(label, label, ROOT_CORRECTION, label_color(label), 1))
                 is not None]
        return Model(self._document(roots), [])

    def _node(self, label: TDF_Label, shape: TDF_Label, matrix: Matrix, color: Rgba | None,
              depth: int) -> int | None:
        """The node of `label` (a free shape or a component) drawing `shape` (the label
        itself or the shape it refers to), or None when nothing of it is drawn."""
        if depth > self.limits.max_node_depth:
            raise LimitExceeded(f"the assembly tree is more than {self.limits.max_node_depth} "
                                "levels deep (the limit)")
        if not is_visible(label) or not is_visible(shape):
            return None
        node: dict[str, Any] = {}
        name = label_name(label) or label_name(shape)
        if name:
            node["name"] = name
        if not np.allclose(matrix, np.eye(4), rtol=0, atol=1e-12):
            # glTF's column-major matrix is the column-vector matrix read column by column.
            node["matrix"] = matrix.T.reshape(-1).tolist()
        if is_assembly(shape):
            children = [child for component in components(shape)
                        if (child := self._component(component, color, depth)) is not None]
            if not children:
                return None
            node["children"] = children
        else:
            mesh = self._mesh(shape, color)
            if mesh is None:
                return None
            node["mesh"] = mesh
        self.nodes.append(node)
        return len(self.nodes) - 1

    def _component(self, component: TDF_Label, inherited: Rgba | None, depth: int
                   ) -> int | None:
        target = referred(component)
        color = label_color(component) or label_color(target) or inherited
        return self._node(component, target, placement(component), color, depth + 1)

    def _mesh(self, part: TDF_Label, color: Rgba | None) -> int | None:
        key = (label_entry(part), color)
        if key not in self.made:
            self.made[key] = self._new_mesh(part, color)
        return self.made[key]

    def _new_mesh(self, part: TDF_Label, color: Rgba | None) -> int | None:
        faces = PartFaces(shape_of(part))
        # Shells and solids first, so that a face's own colour is painted over theirs.
        painted = [(sub, sub_color) for sub in sub_shapes(part)
                   if (sub_color := label_color(sub)) is not None and is_visible(sub)]
        for sub, sub_color in sorted(painted, key=lambda item: _is_face(item[0])):
            faces.paint(shape_of(sub), sub_color)
        mesh = faces.mesh(self.limits.cad_tessellation_tolerance, color)
        self._count(mesh)
        if not mesh.groups:
            return None
        primitives = [self._primitive(group, self._material(group_color or NEUTRAL_GREY))
                      for group_color, group in mesh.groups.items()]
        self.meshes.append({"primitives": primitives} | (
            {"name": name} if (name := label_name(part)) else {}))
        return len(self.meshes) - 1

    def _count(self, mesh: PartMesh) -> None:
        self.faces_left_out += mesh.faces_left_out
        self.triangles += mesh.triangle_count
        if self.triangles > self.limits.max_triangles:
            raise LimitExceeded(f"the model tessellates into more than "
                                f"{self.limits.max_triangles} triangles (the limit)")

    def _material(self, color: Rgba) -> int:
        if color not in self.materials:
            self.materials[color] = len(self.materials)
        return self.materials[color]

    @staticmethod
    def _primitive(group: FaceGroup, material: int) -> dict[str, Any]:
        return {"attributes": {"POSITION": np.concatenate(group.positions),
                               "NORMAL": np.concatenate(group.normals)},
                "indices": np.concatenate(group.triangles).reshape(-1).astype(np.uint32),
                "material": material, "mode": TRIANGLES}

    def _document(self, roots: list[int]) -> dict[str, Any]:
        document: dict[str, Any] = {
            "asset": {"version": "2.0", "generator": "Atelier CAD import (OpenCascade)"},
            "scene": 0, "scenes": [{"nodes": roots}], "nodes": self.nodes,
            "meshes": self.meshes}
        if self.materials:
            document["materials"] = [_material(color) for color in self.materials]
        return document


def _material(color: Rgba) -> dict[str, Any]:
    material: dict[str, Any] = {
        "name": _srgb_hex(color),
        "pbrMetallicRoughness": {"baseColorFactor": list(color), "metallicFactor": 0.0,
                                 "roughnessFactor": ROUGHNESS}}
    if color[3] < 1.0:
        material["alphaMode"] = "BLEND"
    return material


def _is_face(label: TDF_Label) -> bool:
    return bool(shape_of(label).ShapeType() == TopAbs_FACE)


def _srgb_hex(color: Rgba) -> str:
    """The colour as a web colour ("#CC1A1A"): XCAF's channels are linear, the web's sRGB."""
    encoded = [12.92 * c if c <= 0.0031308 else 1.055 * c ** (1 / 2.4) - 0.055
               for c in color[:3]]
    return "#" + "".join(f"{round(min(max(c, 0.0), 1.0) * 255):02X}" for c in encoded)
