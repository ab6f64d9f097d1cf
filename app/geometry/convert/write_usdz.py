"""Write a Model as an AR Quick Look ready USDZ: Y up, metres, UsdPreviewSurface, PNG/JPEG textures.

The node tree becomes a tree of Xforms; each triangle primitive becomes a Mesh under its node.
usd-core's ARKit packager flattens the layer and aligns every file in the zip to 64 bytes.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import numpy as np
from pxr import Gf, Sdf, Tf, Usd, UsdGeom, UsdShade, UsdUtils, Vt

from app.errors import AtelierError, ErrorCode
from app.geometry.convert.materials import portable_image
from app.geometry.convert.model import Model
from app.geometry.convert.scene import local_matrix, scene_roots, triangle_indices
from app.geometry.convert.usd_materials import ST_PRIMVAR, MaterialWriter

ROOT_PATH = "/Root"
LAYER_NAME = "scene.usdc"


def write_usdz(model: Model, path: Path, max_pixels: int) -> None:
    with tempfile.TemporaryDirectory(dir=path.parent) as scratch:
        layer = Path(scratch) / LAYER_NAME
        stage = Usd.Stage.CreateNew(str(layer))
        UsdGeom.SetStageUpAxis(stage, UsdGeom.Tokens.y)  # glTF is Y up ...
        UsdGeom.SetStageMetersPerUnit(stage, UsdGeom.LinearUnits.meters)  # ... and in metres
        root = UsdGeom.Xform.Define(stage, ROOT_PATH).GetPrim()
        Usd.ModelAPI(root).SetKind("component")
        stage.SetDefaultPrim(root)
        textures = _TextureFiles(model, Path(scratch), max_pixels)
        writer = _StageWriter(stage, model, MaterialWriter(stage, f"{ROOT_PATH}/Materials", model,
                                                           textures.relative_path))
        for node in scene_roots(model.document):
            writer.node(node, ROOT_PATH)
        stage.GetRootLayer().Save()
        if not UsdUtils.CreateNewARKitUsdzPackage(Sdf.AssetPath(str(layer)), str(path)):
            raise AtelierError("usd-core could not package the USDZ file",
                               code=ErrorCode.CONVERSION_FAILED)


class _TextureFiles:
    """Writes each image once, as PNG or JPEG, beside the layer so the packager picks it up."""

    def __init__(self, model: Model, folder: Path, max_pixels: int) -> None:
        self.model = model
        self.folder = folder / "textures"
        self.max_pixels = max_pixels
        self.names: dict[int, str] = {}

    def relative_path(self, image_index: int) -> str:
        if image_index not in self.names:
            image = portable_image(self.model.images[image_index], self.max_pixels)
            name = f"textures/texture_{image_index:03d}."
            name += "jpg" if image.mime_type == "image/jpeg" else "png"
            self.folder.mkdir(exist_ok=True)
            (self.folder.parent / name).write_bytes(image.data)
            self.names[image_index] = name
        return self.names[image_index]


class _StageWriter:
    def __init__(self, stage: Any, model: Model, materials: MaterialWriter) -> None:
        self.stage = stage
        self.model = model
        self.materials = materials
        self.taken: set[str] = set()
        self.visited: set[int] = set()

    def node(self, index: int, parent_path: str) -> None:
        nodes = self.model.document.get("nodes", [])
        if index in self.visited or not 0 <= index < len(nodes):
            raise AtelierError(f"node {index} is missing or appears twice in the node tree",
                               code=ErrorCode.CORRUPT_FILE)
        self.visited.add(index)
        node = nodes[index]
        path = self._unique(parent_path, node.get("name") or f"node_{index}")
        xform = UsdGeom.Xform.Define(self.stage, path)
        matrix = local_matrix(node)
        if not np.allclose(matrix, np.eye(4)):
            # USD multiplies row vectors, glTF column vectors: hand it the transpose.
            xform.AddTransformOp().Set(Gf.Matrix4d(matrix.T.tolist()))
        if "mesh" in node:
            mesh = self.model.document["meshes"][node["mesh"]]
            for number, primitive in enumerate(mesh["primitives"]):
                self.primitive(primitive, self._unique(path, f"mesh_{number}"))
        for child in node.get("children", []):
            self.node(child, path)

    def primitive(self, primitive: dict[str, Any], path: str) -> None:
        triangles = triangle_indices(primitive)
        if triangles is None or len(triangles) == 0:
            return  # points and lines have no UsdPreviewSurface-shaded equivalent
        attributes = primitive["attributes"]
        positions = np.ascontiguousarray(attributes["POSITION"], dtype=np.float32)
        mesh = UsdGeom.Mesh.Define(self.stage, path)
        mesh.CreateSubdivisionSchemeAttr(UsdGeom.Tokens.none)  # triangles, not a control cage
        mesh.CreatePointsAttr(Vt.Vec3fArray.FromNumpy(positions))
        mesh.CreateExtentAttr(Vt.Vec3fArray.FromNumpy(
            np.stack([positions.min(axis=0), positions.max(axis=0)])))
        mesh.CreateFaceVertexCountsAttr(Vt.IntArray.FromNumpy(
            np.full(len(triangles), 3, dtype=np.int32)))
        mesh.CreateFaceVertexIndicesAttr(Vt.IntArray.FromNumpy(
            triangles.reshape(-1).astype(np.int32)))
        if "NORMAL" in attributes:
            normals = np.ascontiguousarray(attributes["NORMAL"], dtype=np.float32)
            mesh.CreateNormalsAttr(Vt.Vec3fArray.FromNumpy(normals))
            mesh.SetNormalsInterpolation(UsdGeom.Tokens.vertex)
        if "TEXCOORD_0" in attributes:
            uvs = np.asarray(attributes["TEXCOORD_0"], dtype=np.float32)
            st = np.column_stack([uvs[:, 0], 1.0 - uvs[:, 1]])  # USD's t runs bottom to top
            UsdGeom.PrimvarsAPI(mesh).CreatePrimvar(
                ST_PRIMVAR, Sdf.ValueTypeNames.TexCoord2fArray, UsdGeom.Tokens.vertex
            ).Set(Vt.Vec2fArray.FromNumpy(np.ascontiguousarray(st)))
        colors = attributes.get("COLOR_0")
        if colors is not None:
            mesh.CreateDisplayColorPrimvar(UsdGeom.Tokens.vertex).Set(
                Vt.Vec3fArray.FromNumpy(np.ascontiguousarray(colors[:, :3], dtype=np.float32)))
        material = self.materials.material(primitive.get("material"), colors is not None)
        UsdShade.MaterialBindingAPI.Apply(mesh.GetPrim()).Bind(material)

    def _unique(self, parent_path: str, name: str) -> str:
        base = f"{parent_path}/{Tf.MakeValidIdentifier(name)}"
        path, number = base, 1
        while path in self.taken:
            path, number = f"{base}_{number}", number + 1
        self.taken.add(path)
        return path
