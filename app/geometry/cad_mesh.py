"""One CAD part as glTF-ready triangles: its B-rep tessellated by OpenCascade, its faces
grouped by colour.

BRepMesh_IncrementalMesh tessellates each face within a chord error (linear deflection) and
an angle between neighbouring triangles (angular deflection). The chord error is a fraction of
the part's own size (its bounding box's diagonal), so a screw and a hull are drawn with the
same care. Each face keeps its own vertices, so the edges between faces stay sharp; normals
come from the face's surface at each vertex (BRepLib_ToolTriangulatedShape; unit vectors, from
the triangles where the surface has none), flipped with the triangles' winding where the face
is reversed in its shell.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import NDArray
from OCP.Bnd import Bnd_Box
from OCP.BRep import BRep_Tool
from OCP.BRepBndLib import BRepBndLib
from OCP.BRepLib import BRepLib_ToolTriangulatedShape
from OCP.BRepMesh import BRepMesh_IncrementalMesh
from OCP.TopAbs import TopAbs_FACE, TopAbs_REVERSED
from OCP.TopExp import TopExp
from OCP.TopLoc import TopLoc_Location
from OCP.TopoDS import TopoDS, TopoDS_Face, TopoDS_Shape
from OCP.TopTools import TopTools_IndexedMapOfShape

from app.geometry.cad_document import Rgba

# OpenCascade's own default: 0.5 rad (about 29 degrees) between neighbouring facets.
ANGULAR_DEFLECTION = 0.5
SMALLEST_DEFLECTION = 1e-6  # mm; ten times Precision::Confusion()
FloatArray = NDArray[np.float32]
IntArray = NDArray[np.int64]


@dataclass
class FaceGroup:
    """The triangles of the part's faces of one colour (None: the part has none)."""

    positions: list[FloatArray] = field(default_factory=list)
    normals: list[FloatArray] = field(default_factory=list)
    triangles: list[IntArray] = field(default_factory=list)
    vertex_count: int = 0

    def add(self, positions: FloatArray, normals: FloatArray, triangles: IntArray) -> None:
        self.positions.append(positions)
        self.normals.append(normals)
        self.triangles.append(triangles + self.vertex_count)
        self.vertex_count += len(positions)

    @property
    def triangle_count(self) -> int:
        return sum(len(t) for t in self.triangles)


@dataclass
class PartMesh:
    groups: dict[Rgba | None, FaceGroup]
    faces_left_out: int  # faces OpenCascade could not tessellate

    @property
    def triangle_count(self) -> int:
        return sum(group.triangle_count for group in self.groups.values())


class PartFaces:
    """The faces of one part's shape, numbered once, with the colours set on them."""

    def __init__(self, shape: TopoDS_Shape) -> None:
        self.shape = shape
        self.faces = TopTools_IndexedMapOfShape()
        TopExp.MapShapes_s(shape, TopAbs_FACE, self.faces)
        self.colors: dict[int, Rgba] = {}

    def paint(self, sub_shape: TopoDS_Shape, color: Rgba) -> None:
        """Give `color` to the faces of `sub_shape`; a face's own colour is set last by the
        caller, so it wins over its shell's or solid's."""
        inside = TopTools_IndexedMapOfShape()
        TopExp.MapShapes_s(sub_shape, TopAbs_FACE, inside)
        for index in range(1, inside.Extent() + 1):
            if face := self.faces.FindIndex(inside.FindKey(index)):
                self.colors[face] = color

    def mesh(self, tolerance: float, color: Rgba | None) -> PartMesh:
        """Tessellate with a chord error of `tolerance` times the part's diagonal; faces
        without a colour of their own take `color`."""
        groups: dict[Rgba | None, FaceGroup] = {}
        if self.faces.Extent() == 0:  # points, curves or an empty compound
            return PartMesh(groups, 0)
        # BRepMesh refuses a chord error within OpenCascade's confusion distance.
        deflection = max(tolerance * _diagonal(self.shape), SMALLEST_DEFLECTION)
        BRepMesh_IncrementalMesh(self.shape, deflection, False, ANGULAR_DEFLECTION, False)
        left_out = 0
        for index in range(1, self.faces.Extent() + 1):
            arrays = _face_arrays(TopoDS.Face_s(self.faces.FindKey(index)))
            if arrays is None:
                left_out += 1
                continue
            groups.setdefault(self.colors.get(index, color), FaceGroup()).add(*arrays)
        return PartMesh(groups, left_out)


def _diagonal(shape: TopoDS_Shape) -> float:
    box = Bnd_Box()
    BRepBndLib.Add_s(shape, box)
    return 0.0 if box.IsVoid() else float(np.sqrt(box.SquareExtent()))


def _face_arrays(face: TopoDS_Face) -> tuple[FloatArray, FloatArray, IntArray] | None:
    """Positions, normals and counter-clockwise triangles of a tessellated face in the part's
    coordinates; None when the face has no triangles."""
    location = TopLoc_Location()
    triangulation = BRep_Tool.Triangulation_s(face, location)
    if triangulation is None or triangulation.NbTriangles() == 0:
        return None
    if not triangulation.HasNormals():
        BRepLib_ToolTriangulatedShape.ComputeNormals_s(face, triangulation)
    count = triangulation.NbNodes()
    positions = np.array([triangulation.Node(i).Coord() for i in range(1, count + 1)])
    normals = np.array([triangulation.Normal(i).Coord() for i in range(1, count + 1)])
    triangles = np.array([triangulation.Triangle(i).Get()
                          for i in range(1, triangulation.NbTriangles() + 1)],
                         dtype=np.int64) - 1
    if not location.IsIdentity():
        matrix = _matrix(location)
        positions = positions @ matrix[:3, :3].T + matrix[:3, 3]
        normals = normals @ np.linalg.inv(matrix[:3, :3])  # the inverse transpose
        normals /= np.linalg.norm(normals, axis=1, keepdims=True)
    if face.Orientation() == TopAbs_REVERSED:
        triangles = triangles[:, ::-1]
        normals = -normals
    return positions.astype(np.float32), normals.astype(np.float32), np.ascontiguousarray(
        triangles)


def _matrix(location: TopLoc_Location) -> NDArray[np.float64]:
    transform = location.Transformation()
    return np.array([[transform.Value(row, column) for column in range(1, 5)]
                     for row in range(1, 4)] + [[0.0, 0.0, 0.0, 1.0]])
