"""Write flattened triangles as binary STL, or as binary PLY with normals and vertex colours."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from app.geometry.convert.scene import FlatPart

STL_HEADER = b"Atelier binary STL".ljust(80, b" ")
STL_RECORD = np.dtype([("normal", "<f4", 3), ("corners", "<f4", (3, 3)), ("attribute", "<u2")])


def write_stl(parts: list[FlatPart], path: Path) -> None:
    corners = [part.positions[part.triangles] for part in parts]
    triangles = np.concatenate(corners) if corners else np.zeros((0, 3, 3), np.float32)
    records = np.zeros(len(triangles), dtype=STL_RECORD)
    records["corners"] = triangles
    normals = np.cross(triangles[:, 1] - triangles[:, 0], triangles[:, 2] - triangles[:, 0])
    lengths = np.linalg.norm(normals, axis=1, keepdims=True)
    records["normal"] = np.divide(normals, lengths, out=np.zeros_like(normals), where=lengths > 0)
    with path.open("wb") as stream:
        stream.write(STL_HEADER)
        stream.write(np.uint32(len(records)).tobytes())
        stream.write(records.tobytes())


def write_ply(parts: list[FlatPart], materials: list[dict[str, Any]], path: Path) -> None:
    """Vertex colours are written when any part has them; the rest get their material's colour."""
    with_normals = bool(parts) and all(part.normals is not None for part in parts)
    with_colors = any(part.colors is not None for part in parts)
    fields = [("x", "<f4"), ("y", "<f4"), ("z", "<f4")]
    if with_normals:
        fields += [("nx", "<f4"), ("ny", "<f4"), ("nz", "<f4")]
    if with_colors:
        fields += [("red", "u1"), ("green", "u1"), ("blue", "u1"), ("alpha", "u1")]
    vertices = np.zeros(sum(len(part.positions) for part in parts), dtype=np.dtype(fields))
    faces = np.zeros(sum(len(part.triangles) for part in parts),
                     dtype=np.dtype([("count", "u1"), ("corners", "<u4", 3)]))
    faces["count"] = 3
    vertex_start = face_start = 0
    for part in parts:
        rows = slice(vertex_start, vertex_start + len(part.positions))
        for axis, name in enumerate("xyz"):
            vertices[name][rows] = part.positions[:, axis]
        if with_normals and part.normals is not None:
            for axis, name in enumerate(("nx", "ny", "nz")):
                vertices[name][rows] = part.normals[:, axis]
        if with_colors:
            colors = _byte_colors(part, materials)
            for channel, name in enumerate(("red", "green", "blue", "alpha")):
                vertices[name][rows] = colors[:, channel]
        faces["corners"][face_start : face_start + len(part.triangles)] = (
            part.triangles + vertex_start
        )
        vertex_start += len(part.positions)
        face_start += len(part.triangles)
    header = ["ply", "format binary_little_endian 1.0", "comment written by Atelier",
              f"element vertex {len(vertices)}"]
    header += [f"property {'float' if kind == '<f4' else 'uchar'} {name}" for name, kind in fields]
    header += [f"element face {len(faces)}", "property list uchar uint vertex_indices",
               "end_header"]
    with path.open("wb") as stream:
        stream.write(("\n".join(header) + "\n").encode("ascii"))
        stream.write(vertices.tobytes())
        stream.write(faces.tobytes())


def _byte_colors(part: FlatPart, materials: list[dict[str, Any]]) -> np.ndarray:
    if part.colors is not None:
        return np.clip(np.rint(part.colors * 255.0), 0, 255).astype(np.uint8)
    factor = [1.0, 1.0, 1.0, 1.0]
    if part.material is not None and 0 <= part.material < len(materials):
        pbr = materials[part.material].get("pbrMetallicRoughness", {})
        factor = pbr.get("baseColorFactor", factor)
    rgba = np.clip(np.rint(np.asarray(factor) * 255.0), 0, 255).astype(np.uint8)
    return np.tile(rgba, (len(part.positions), 1))
