"""COMPRESS with EXT_meshopt_compression: meshoptimizer's codecs through the `meshopt` binding.

Triangles are first reordered for the vertex cache, which is also what the index codec
compresses best. With `quantize`, positions and UVs go through the exponential filter with
one exponent per component (a fixed-point grid, like gltfpack's, yet still floats once
decoded, so no node transform changes), positions with as few bits as the error budget
allows; normals and tangents go through the octahedral filter as 8-bit vectors
(KHR_mesh_quantization). Every encoded attribute is decoded again to report its true error.
"""

from __future__ import annotations

from typing import Literal

import meshopt
import numpy as np

from app.geometry.convert.model import QUANTIZATION, TRIANGLES, VERTEX_ROLES, Model, Role
from app.geometry.convert.packing import EncodedView
from app.geometry.convert.quantization import (
    DIRECTION_BITS,
    TEXCOORD_BITS,
    AttributeReport,
    CompressionReport,
    exponent_bits,
    max_angle_degrees,
    max_distance,
)

EXTENSION = "EXT_meshopt_compression"
BYTE = 5120
# One exponent per component over the whole buffer: a fixed grid, which compresses best.
GRID: Literal["SharedComponent"] = "SharedComponent"


def reorder_for_cache(model: Model) -> None:
    """Put each triangle list in vertex-cache order and its vertices in first-use order."""
    for primitive in model.primitives():
        if primitive.get("mode", TRIANGLES) != TRIANGLES or "indices" not in primitive:
            continue
        indices, remap, unique = meshopt.reorder_mesh(
            primitive["indices"].astype(np.uint32), triangles=True, optsize=False)
        order = np.argsort(remap, kind="stable")[:unique]
        primitive["indices"] = indices.astype(np.uint32)
        primitive["attributes"] = {k: v[order] for k, v in primitive["attributes"].items()}
        if "targets" in primitive:
            primitive["targets"] = [{k: v[order] for k, v in target.items()}
                                    for target in primitive["targets"]]


class MeshoptCodec:
    """Encodes every buffer view meshoptimizer's codecs can hold; others stay plain."""

    extension = EXTENSION

    def __init__(self, quantize: bool, position_error: float) -> None:
        self.quantize = quantize
        self.position_error = position_error
        self.extra_extensions: set[str] = set()
        self.report = CompressionReport("MESHOPT", position_error if quantize else 0.0)

    def encode(self, values: np.ndarray, role: Role, semantic: str) -> EncodedView | None:
        if role == "index":
            mode: Literal["TRIANGLES", "INDICES"] = (
                "TRIANGLES" if len(values) % 3 == 0 else "INDICES")
            data = meshopt.encode_gltf_buffer(values, mode)
            self.report.index_bytes += len(data)
            return EncodedView(data, values.itemsize, len(values), {"mode": mode})
        rows = values.reshape(len(values), -1)
        if self.quantize and role in VERTEX_ROLES and values.dtype == np.float32:
            if semantic == "POSITION":
                bits = exponent_bits(rows, self.position_error)
                return self._exponential(rows, bits, semantic, role)
            if semantic.startswith("TEXCOORD_"):
                return self._exponential(rows, TEXCOORD_BITS, semantic, role)
            if semantic in ("NORMAL", "TANGENT") and role == "vertex":
                return self._octahedral(rows, semantic)  # unit vectors, not target deltas
        stride = rows.shape[1] * values.itemsize
        if stride % 4 or stride > 256:
            return None  # the vertex codec takes rows of 4 to 256 bytes, in fours
        data = meshopt.encode_gltf_buffer(rows, "ATTRIBUTES")
        if role in VERTEX_ROLES:
            self.report.add(AttributeReport(semantic, "lossless", 8 * values.itemsize,
                                            len(data), 0.0))
        return EncodedView(data, stride, len(rows), {"mode": "ATTRIBUTES"})

    def _exponential(self, rows: np.ndarray, bits: int, semantic: str, role: Role
                     ) -> EncodedView:
        encoded = meshopt.encode_filter_exp(rows, bits, GRID)
        data = meshopt.encode_gltf_buffer(encoded, "ATTRIBUTES")
        stride = encoded.shape[1]
        decoded = meshopt.decode_gltf_buffer(data, len(rows), stride, "ATTRIBUTES",
                                             "EXPONENTIAL").view(np.float32)
        error = max_distance(decoded, rows)
        name = semantic if role == "vertex" else f"target {semantic}"
        self.report.add(AttributeReport(name, "exponential", bits, len(data), error))
        # Bounds must describe the decoded values, which the filter rounded.
        return EncodedView(data, stride, len(rows),
                           {"mode": "ATTRIBUTES", "filter": "EXPONENTIAL"},
                           {"min": decoded.min(axis=0).tolist(),
                            "max": decoded.max(axis=0).tolist()})

    def _octahedral(self, rows: np.ndarray, semantic: str) -> EncodedView:
        vectors = rows if rows.shape[1] == 4 else np.column_stack([rows, np.zeros(len(rows))])
        encoded = meshopt.encode_filter_oct(vectors, 4, DIRECTION_BITS)
        data = meshopt.encode_gltf_buffer(encoded, "ATTRIBUTES")
        decoded = meshopt.decode_gltf_buffer(data, len(rows), 4, "ATTRIBUTES", "OCTAHEDRAL")
        directions = decoded.view(np.int8).reshape(len(rows), 4).astype(np.float32) / 127
        self.report.add(AttributeReport(semantic, "octahedral", DIRECTION_BITS, len(data),
                                        max_angle_degrees(directions, rows)))
        self.extra_extensions.add(QUANTIZATION)  # 8-bit normals are not core glTF
        return EncodedView(data, 4, len(rows),
                           {"mode": "ATTRIBUTES", "filter": "OCTAHEDRAL"},
                           {"componentType": BYTE, "normalized": True, "min": None, "max": None})
