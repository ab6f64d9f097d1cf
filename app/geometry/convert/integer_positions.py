"""Integer positions (KHR_mesh_quantization): each mesh on a grid, dequantised by its nodes.

Like gltfpack, a mesh's positions become unsigned 16-bit grid coordinates over the mesh's
box, with the fewest bits that keep every vertex within the error budget; the grid's
origin and step move into a child node that draws the mesh, so the scene looks the same.
Meshes that a transform cannot dequantise stay floats: skinned ones (joints ignore the
node), instanced ones, ones with morph targets (deltas share the grid) or over 16 bits.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from app.geometry.convert.model import Model
from app.geometry.convert.quantization import (
    AttributeReport,
    CompressionReport,
    boxes_bounds,
    grid_bits,
    max_distance,
)

MAX_BITS = 16
INSTANCING = "EXT_mesh_gpu_instancing"


def quantize_positions(model: Model, error: float, report: CompressionReport) -> bool:
    """Quantise every mesh that can be; True when any was (the file needs the extension)."""
    document = model.document
    nodes = document.get("nodes", [])
    meshes = document.get("meshes", [])
    drawers: dict[int, list[int]] = {}
    blocked: set[int] = set()
    for number, node in enumerate(nodes):
        if "mesh" in node:
            drawers.setdefault(node["mesh"], []).append(number)
            if "skin" in node or INSTANCING in node.get("extensions", {}):
                blocked.add(node["mesh"])
    quantized = False
    for number, mesh in enumerate(meshes):
        if number in blocked or number not in drawers or not _plain_positions(mesh):
            continue
        grid = _grid(mesh, error)
        if grid is None:
            continue
        origin, step, bits = grid
        _replace_positions(mesh, origin, step, bits, report)
        for parent in drawers[number]:
            _draw_through_child(nodes, parent, origin, step)
        quantized = True
    return quantized


def _plain_positions(mesh: dict[str, Any]) -> bool:
    primitives = mesh.get("primitives", [])
    return bool(primitives) and all(
        "targets" not in p and p["attributes"]["POSITION"].dtype == np.float32
        and len(p["attributes"]["POSITION"]) for p in primitives)


def _grid(mesh: dict[str, Any], error: float) -> tuple[np.ndarray, float, int] | None:
    positions = [p["attributes"]["POSITION"] for p in mesh["primitives"]]
    low, high = (bound.astype(np.float64) for bound in boxes_bounds(positions))
    extent = float(np.max(high - low))
    bits = grid_bits(extent, error)
    if bits > MAX_BITS:
        return None
    step = extent / (2**bits - 1) if extent > 0 else 1.0
    return low, step, bits


def _replace_positions(mesh: dict[str, Any], origin: np.ndarray, step: float, bits: int,
                       report: CompressionReport) -> None:
    done: dict[int, np.ndarray] = {}  # one array shared by primitives stays one array
    for primitive in mesh["primitives"]:
        positions = primitive["attributes"]["POSITION"]
        if id(positions) not in done:
            grid = np.rint((positions - origin) / step).astype(np.uint16)
            # Measure as a decoder computes: float32 grid coordinates, scaled and moved.
            decoded = grid.astype(np.float32) * np.float32(step) + origin.astype(np.float32)
            error = max_distance(decoded, positions)
            report.add(AttributeReport("POSITION", "integer", bits, 0, error))
            done[id(positions)] = grid
        primitive["attributes"]["POSITION"] = done[id(positions)]


def _draw_through_child(nodes: list[dict[str, Any]], parent: int, origin: np.ndarray,
                        step: float) -> None:
    node = nodes[parent]
    child = {"mesh": node.pop("mesh"), "translation": origin.tolist(), "scale": [step] * 3}
    nodes.append(child)
    node.setdefault("children", []).append(len(nodes) - 1)
