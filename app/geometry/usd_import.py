"""USD (USDA, USDC, USDZ) as a GLB: the composed stage's meshes, hierarchy, transforms and
UsdPreviewSurface materials, read with usd-core.

usd-core composes the stage (sublayers, references, payloads, variants, instancing); one walk
over it (Usd.PrimRange, through instance proxies) makes each prim drawn by default a glTF node
of the same name and local transform, and each Mesh that node's mesh, one primitive per
material (GeomSubsets included). Instances of one prototype bound to the same materials share
one glTF mesh. The stage's upAxis and metersPerUnit are folded into the root nodes' transforms,
as glTF is Y up and in metres. Left out: point instancers, prims other than meshes (curves,
points, implicit shapes, cameras, lights), subdivision (the control cage is drawn), skinning,
blend shapes and animation (the default time is read).
"""

from __future__ import annotations

from typing import Any

import numpy as np
from numpy.typing import NDArray
from pxr import Tf, Usd, UsdGeom, UsdLux, UsdShade

from app.errors import AtelierError, CorruptFile, ErrorCode, LimitExceeded
from app.geometry.convert.model import Model
from app.geometry.convert.packing import pack_model
from app.geometry.gltf_io import build_glb
from app.geometry.ingest_limits import IngestLimits
from app.geometry.resources import Resources
from app.geometry.usd_mesh import MeshArrays, read_mesh
from app.geometry.usd_shading import GltfMaterials
from app.geometry.usd_stage import open_stage, usd_reason
from app.geometry.validation import Severity, ValidationIssue

TRIANGLES = 4
HIDDEN_PURPOSES = frozenset({UsdGeom.Tokens.guide, UsdGeom.Tokens.proxy})
# Row-vector matrix (USD's convention) turning Z up into Y up: (x, y, z) -> (x, z, -y).
Z_UP_TO_Y_UP = np.array([[1, 0, 0, 0], [0, 0, -1, 0], [0, 1, 0, 0], [0, 0, 0, 1]], float)
Matrix = NDArray[np.float64]
MESH = Tf.Type.Find(UsdGeom.Mesh)
POINT_INSTANCER = Tf.Type.Find(UsdGeom.PointInstancer)
GPRIM = Tf.Type.Find(UsdGeom.Gprim)
XFORMABLE = Tf.Type.Find(UsdGeom.Xformable)
CAMERA = Tf.Type.Find(UsdGeom.Camera)
LIGHT = Tf.Type.Find(UsdLux.LightAPI)
# Materials and face sets are read through the meshes bound to them.
NOT_DRAWN = tuple(Tf.Type.Find(schema) for schema in (UsdShade.NodeGraph, UsdShade.Shader,
                                                       UsdGeom.Subset))


def usd_to_glb(data: bytes, resources: Resources, limits: IngestLimits) -> bytes:
    """The GLB of a USD upload; raises CorruptFile, NO_GEOMETRY, LIMIT_EXCEEDED and what
    `open_stage` refuses. What is left out is a warning in `resources.warnings`."""
    with open_stage(data, resources, limits.archive) as opened:
        reader = _StageReader(opened.stage, GltfMaterials(opened.textures, resources.warnings),
                              limits.max_triangles)
        try:
            model = reader.model()
        except (Tf.ErrorException, ValueError, TypeError, UnicodeDecodeError) as exc:
            # A USDC reads its values lazily: damage past the layer's index shows only here,
            # as usd-core's errors or as values of the wrong type or encoding.
            raise CorruptFile(f"usd-core cannot read the stage's values: "
                              f"{usd_reason(exc, opened.path)}") from exc
    if model.triangle_count() == 0:
        raise AtelierError("the USD stage has no mesh with faces to show",
                           code=ErrorCode.NO_GEOMETRY)
    packed = pack_model(model)
    return build_glb(packed.document, packed.binary)


class _StageReader:
    def __init__(self, stage: Usd.Stage, materials: GltfMaterials, max_triangles: int) -> None:
        self.stage = stage
        self.materials = materials
        self.max_triangles = max_triangles
        self.triangles = 0
        self.nodes: list[dict[str, Any]] = []
        self.meshes: list[dict[str, Any]] = []
        self.made: dict[tuple[object, ...], int | None] = {}
        self.transforms = UsdGeom.XformCache(Usd.TimeCode.Default())
        self.left_out: set[str] = set()

    def model(self) -> Model:
        roots: list[int] = []
        open_nodes: list[int | None] = []  # the node of each prim the walk is inside
        predicate = Usd.TraverseInstanceProxies(Usd.PrimDefaultPredicate)
        prims = iter(Usd.PrimRange.PreAndPostVisit(self.stage.GetPseudoRoot(), predicate))
        for prim in prims:
            if prim.IsPseudoRoot():
                continue
            if prims.IsPostVisit():
                self._close(open_nodes.pop(), open_nodes, roots)
                continue
            node = self._node(prim, is_root=not open_nodes) if self._drawn(prim) else None
            if node is None or prim.IsA(POINT_INSTANCER) or prim.IsA(MESH):
                prims.PruneChildren()
            open_nodes.append(node)
        for message in sorted(self.left_out):
            self.materials.warnings.append(ValidationIssue(
                "USD_FEATURE_LEFT_OUT", Severity.WARNING, message, None))
        return Model(self._document(roots), self.materials.images)

    def _drawn(self, prim: Usd.Prim) -> bool:
        if any(prim.IsA(kind) for kind in NOT_DRAWN):
            return False
        imageable = UsdGeom.Imageable(prim)
        if not imageable:
            return True  # a typeless prim groups others
        return imageable.ComputeVisibility() != UsdGeom.Tokens.invisible and \
            imageable.ComputePurpose() not in HIDDEN_PURPOSES

    def _node(self, prim: Usd.Prim, *, is_root: bool) -> int:
        node: dict[str, Any] = {"name": prim.GetName()}
        matrix = self._local_matrix(prim)
        if is_root:
            matrix = matrix @ _stage_correction(self.stage)
        if not np.allclose(matrix, np.eye(4), rtol=0, atol=1e-12):
            # glTF's column-major matrix of column vectors is USD's row-vector matrix read
            # row by row.
            node["matrix"] = matrix.reshape(-1).tolist()
        if prim.IsA(MESH):
            mesh = self._mesh(prim)
            if mesh is not None:
                node["mesh"] = mesh
        elif prim.IsA(POINT_INSTANCER):
            self.left_out.add("point instancers are not read; their instances are left out")
        elif prim.IsA(GPRIM):
            self.left_out.add(f"{prim.GetTypeName()} prims are not read, only meshes")
        elif prim.IsA(CAMERA) or prim.HasAPI(LIGHT):
            self.left_out.add("cameras and lights are not read")
        self.nodes.append(node)
        return len(self.nodes) - 1

    def _close(self, node: int | None, open_nodes: list[int | None], roots: list[int]) -> None:
        """Attach a finished node to its parent; one with no mesh and nothing under it (a
        camera, a light, an empty group) is dropped. It is the last node made then."""
        if node is None:
            return
        if "mesh" not in self.nodes[node] and "children" not in self.nodes[node]:
            self.nodes.pop()
            return
        # A prim without a node has its children pruned, so a parent is always a node.
        parent = open_nodes[-1] if open_nodes else None
        if parent is None:
            roots.append(node)
        else:
            self.nodes[parent].setdefault("children", []).append(node)

    def _local_matrix(self, prim: Usd.Prim) -> Matrix:
        if not prim.IsA(XFORMABLE):
            return np.eye(4)
        local, resets_stack = self.transforms.GetLocalTransformation(prim)
        matrix = np.array(local, dtype=np.float64)
        if resets_stack:
            # The prim ignores its parents' transforms: undo them in its node.
            parent = np.array(self.transforms.GetParentToWorldTransform(prim), np.float64)
            matrix = matrix @ np.linalg.pinv(parent)
        return matrix

    def _mesh(self, prim: Usd.Prim) -> int | None:
        binding = UsdShade.MaterialBindingAPI(prim)
        material = binding.ComputeBoundMaterial()[0]
        subsets = [(subset, UsdShade.MaterialBindingAPI(subset.GetPrim())
                    .ComputeBoundMaterial()[0]) for subset in binding.GetMaterialBindSubsets()]
        source = prim.GetPrimInPrototype() if prim.IsInstanceProxy() else prim
        key = (str(source.GetPath()), _path(material), *(_path(m) for _, m in subsets))
        if key not in self.made:
            self.made[key] = self._new_mesh(UsdGeom.Mesh(prim), material, subsets)
        return self.made[key]

    def _new_mesh(self, mesh: UsdGeom.Mesh, material: UsdShade.Material,
                  subsets: list[tuple[UsdGeom.Subset, UsdShade.Material]]) -> int | None:
        if mesh.GetSubdivisionSchemeAttr().Get() not in (UsdGeom.Tokens.none, None):
            self.left_out.add("subdivision surfaces are drawn as their control cages")
        arrays = read_mesh(mesh, with_colors=not material)
        if arrays is None:
            return None
        self.triangles += len(arrays.triangles)
        if self.triangles > self.max_triangles:
            raise LimitExceeded(f"the USD stage has more than {self.max_triangles} triangles "
                                "(the limit)")
        double_sided = bool(mesh.GetDoubleSidedAttr().Get())
        face_materials = self._face_materials(arrays, material, subsets, double_sided)
        triangle_materials = face_materials[arrays.triangle_faces]
        primitives = [self._primitive(arrays, arrays.triangles[triangle_materials == index],
                                      int(index))
                      for index in np.unique(triangle_materials)]
        self.meshes.append({"name": mesh.GetPrim().GetName(), "primitives": primitives})
        return len(self.meshes) - 1

    def _face_materials(self, arrays: MeshArrays, material: UsdShade.Material,
                        subsets: list[tuple[UsdGeom.Subset, UsdShade.Material]],
                        double_sided: bool) -> NDArray[np.int64]:
        """The glTF material of each USD face: its GeomSubset's, else the mesh's own."""
        faces = int(arrays.triangle_faces.max()) + 1
        own = self.materials.bound(material, double_sided) if material else \
            self.materials.fallback(arrays.colors is not None, double_sided)
        chosen = np.full(faces, own, dtype=np.int64)
        for subset, bound in subsets:
            if not bound:
                continue
            indices = np.asarray(subset.GetIndicesAttr().Get() or [], dtype=np.int64)
            chosen[indices[(indices >= 0) & (indices < faces)]] = self.materials.bound(
                bound, double_sided)
        return chosen

    @staticmethod
    def _primitive(arrays: MeshArrays, triangles: NDArray[np.int64], material: int
                   ) -> dict[str, Any]:
        attributes = {"POSITION": arrays.positions}
        for semantic, values in (("NORMAL", arrays.normals), ("TEXCOORD_0", arrays.uvs),
                                 ("COLOR_0", arrays.colors)):
            if values is not None:
                attributes[semantic] = values
        return {"attributes": attributes, "indices": triangles.reshape(-1),
                "material": material, "mode": TRIANGLES}

    def _document(self, roots: list[int]) -> dict[str, Any]:
        _, minor, patch = Usd.GetVersion()  # (0, 26, 11) is the usd-core 26.11 wheel
        document: dict[str, Any] = {
            "asset": {"version": "2.0", "generator": f"Atelier USD import (usd-core "
                                                     f"{minor}.{patch})"},
            "scene": 0, "scenes": [{"nodes": roots}], "nodes": self.nodes,
            "meshes": self.meshes}
        for key, section in (("materials", self.materials.materials),
                             ("textures", self.materials.textures),
                             ("samplers", self.materials.samplers)):
            if section:
                document[key] = section
        if self.materials.images:
            # pack_model gives each image its bufferView and mimeType.
            document["images"] = [{} for _ in self.materials.images]
        return document


def _stage_correction(stage: Usd.Stage) -> Matrix:
    """Metres and Y up from the stage's own units and up axis (USD's fallbacks where the
    stage authors none: centimetres, Y up)."""
    scale = np.diag([*[UsdGeom.GetStageMetersPerUnit(stage)] * 3, 1.0])
    if UsdGeom.GetStageUpAxis(stage) == UsdGeom.Tokens.z:
        return Z_UP_TO_Y_UP @ scale
    return scale


def _path(material: UsdShade.Material) -> str | None:
    return str(material.GetPath()) if material else None
