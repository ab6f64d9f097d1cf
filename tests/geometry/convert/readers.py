"""Read converted files back with independent readers: trimesh, usd-core and meshoptimizer's JS."""

from __future__ import annotations

import json
import subprocess
import zipfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import trimesh
from pxr import Usd, UsdGeom, UsdValidation

ROOT = Path(__file__).resolve().parents[3]
MESHOPT_DECODE = Path(__file__).with_name("meshopt_decode.cjs")


@dataclass(frozen=True)
class Geometry:
    triangles: int
    bounds: np.ndarray  # (2, 3): min and max corners


def trimesh_geometry(path: Path) -> Geometry:
    """Triangles and world bounds as trimesh reads the file (GLB, glTF, OBJ, STL, PLY)."""
    loaded = trimesh.load(str(path), process=False)
    meshes = loaded.dump() if isinstance(loaded, trimesh.Scene) else [loaded]
    meshes = [m for m in meshes if isinstance(m, trimesh.Trimesh)]
    bounds = np.array([np.min([m.bounds[0] for m in meshes], axis=0),
                       np.max([m.bounds[1] for m in meshes], axis=0)])
    return Geometry(sum(len(m.faces) for m in meshes), bounds)


def unzip(path: Path, folder: Path) -> Path:
    with zipfile.ZipFile(path) as archive:
        archive.extractall(folder)
    return folder


def usd_geometry(stage: Usd.Stage) -> Geometry:
    """Triangles and world bounds (of the points themselves) of every Mesh prim of a stage."""
    triangles = 0
    points = []
    for prim in stage.Traverse():
        if prim.IsA(UsdGeom.Mesh):
            mesh = UsdGeom.Mesh(prim)
            counts = np.asarray(mesh.GetFaceVertexCountsAttr().Get())
            triangles += int(np.sum(counts - 2))
            world = np.asarray(mesh.ComputeLocalToWorldTransform(Usd.TimeCode.Default()))
            local = np.asarray(mesh.GetPointsAttr().Get(), dtype=np.float64)
            points.append(local @ world[:3, :3] + world[3, :3])  # USD multiplies row vectors
    stacked = np.concatenate(points)
    return Geometry(triangles, np.array([stacked.min(axis=0), stacked.max(axis=0)]))


def usd_errors(stage: Usd.Stage) -> list[str]:
    """Every error usd-core's validators (USDZ packaging, shading, geometry) find."""
    registry = UsdValidation.ValidationRegistry()
    context = UsdValidation.ValidationContext(registry.GetOrLoadAllValidators())
    return [error.GetMessage() for error in context.Validate(stage)
            if error.GetType() == UsdValidation.ValidationErrorType.Error]


def meshopt_decoded(path: Path, output: Path) -> Path:
    """Decode an EXT_meshopt_compression GLB with meshoptimizer's own JS decoder."""
    subprocess.run(["node", str(MESHOPT_DECODE), str(path), str(output)], cwd=ROOT,
                   check=True, capture_output=True, timeout=120)
    return output


def glb_document(path: Path) -> dict:
    data = path.read_bytes()
    length = int.from_bytes(data[12:16], "little")
    return json.loads(data[20 : 20 + length])
