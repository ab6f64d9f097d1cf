"""Meshes made here for the quality tests, as trimesh meshes and as glTF assets."""

from __future__ import annotations

import io

import numpy as np
import trimesh
from PIL import Image

from app.geometry.gltf_io import GltfAsset
from app.geometry.quality import QualityReport, assess_quality
from app.geometry.stats import compute_stats
from tests.geometry.validation.builders import GltfBuilder


def cube() -> trimesh.Trimesh:
    """A closed unit cube over 8 shared vertices, wound outwards."""
    return trimesh.creation.box(extents=(1.0, 1.0, 1.0))


def with_faces(mesh: trimesh.Trimesh, faces: np.ndarray,
               vertices: np.ndarray | None = None) -> trimesh.Trimesh:
    """`mesh`'s vertices (plus `vertices`) under `faces`, kept exactly as given."""
    points = mesh.vertices if vertices is None else np.vstack([mesh.vertices, vertices])
    return trimesh.Trimesh(points, faces, process=False)


def asset_of(*meshes: trimesh.Trimesh, uvs: list[np.ndarray | None] | None = None,
             images: list[bytes] = (), document: dict | None = None) -> GltfAsset:
    """One glTF mesh per trimesh mesh, each drawn by a node; TEXCOORD_0 and images if given."""
    builder = GltfBuilder()
    nodes = []
    for number, mesh in enumerate(meshes):
        index = builder.mesh(np.asarray(mesh.vertices), np.asarray(mesh.faces))
        uv = uvs[number] if uvs else None
        if uv is not None:
            primitive = builder.document["meshes"][index]["primitives"][0]
            primitive["attributes"]["TEXCOORD_0"] = builder.accessor(uv.astype(np.float32))
        nodes.append(builder.add("nodes", {"mesh": index}))
    for data in images:
        builder.binary += b"\x00" * (-len(builder.binary) % 4)
        view = builder.add("bufferViews", {"buffer": 0, "byteOffset": len(builder.binary),
                                           "byteLength": len(data)})
        builder.binary += data
        builder.add("images", {"bufferView": view, "mimeType": "image/png"})
    builder.document.update(document or {})
    builder.scene(*nodes)
    return builder.asset()


def report_of(asset: GltfAsset, **options: int) -> QualityReport:
    return assess_quality(asset, compute_stats(asset), **options)


def codes(report: QualityReport) -> dict[str, int]:
    return {item.code: item.count for item in report.items}


def png(width: int, height: int) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (width, height), (200, 80, 40)).save(out, format="PNG")
    return out.getvalue()
