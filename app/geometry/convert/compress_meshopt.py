"""COMPRESS with EXT_meshopt_compression: meshoptimizer's codecs through the `meshopt` binding.

Triangles are first reordered for the vertex cache, which is also what the index codec
compresses best. With `quantize`, positions and UVs go through the exponential filter
(still floats once decoded, so no node transform changes) and normals and tangents
through the octahedral filter as 8-bit vectors (KHR_mesh_quantization).
"""

from __future__ import annotations

from typing import Literal

import meshopt
import numpy as np

from app.geometry.convert.model import QUANTIZATION, TRIANGLES, VERTEX_ROLES, Model, Role
from app.geometry.convert.packing import EncodedView

EXTENSION = "EXT_meshopt_compression"
POSITION_BITS = 16
TEXCOORD_BITS = 14
DIRECTION_BITS = 8
BYTE = 5120


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

    def __init__(self, quantize: bool) -> None:
        self.quantize = quantize
        self.extra_extensions: set[str] = set()

    def encode(self, values: np.ndarray, role: Role, semantic: str) -> EncodedView | None:
        if role == "index":
            mode: Literal["TRIANGLES", "INDICES"] = (
                "TRIANGLES" if len(values) % 3 == 0 else "INDICES")
            return EncodedView(meshopt.encode_gltf_buffer(values, mode), values.itemsize,
                               len(values), {"mode": mode})
        rows = values.reshape(len(values), -1)
        if self.quantize and role in VERTEX_ROLES and values.dtype == np.float32:
            if semantic == "POSITION":
                return self._exponential(rows, POSITION_BITS)
            if semantic.startswith("TEXCOORD_"):
                return self._exponential(rows, TEXCOORD_BITS)
            if semantic in ("NORMAL", "TANGENT") and role == "vertex":
                return self._octahedral(rows)  # the filter stores unit vectors, not deltas
        stride = rows.shape[1] * values.itemsize
        if stride % 4 or stride > 256:
            return None  # the vertex codec takes rows of 4 to 256 bytes, in fours
        return EncodedView(meshopt.encode_gltf_buffer(rows, "ATTRIBUTES"), stride, len(rows),
                           {"mode": "ATTRIBUTES"})

    def _exponential(self, rows: np.ndarray, bits: int) -> EncodedView:
        encoded = meshopt.encode_filter_exp(rows, bits, "SharedVector")
        data = meshopt.encode_gltf_buffer(encoded, "ATTRIBUTES")
        stride = encoded.shape[1]
        # Bounds must describe the decoded values, which the filter rounded.
        decoded = meshopt.decode_gltf_buffer(data, len(rows), stride, "ATTRIBUTES",
                                             "EXPONENTIAL").view(np.float32)
        return EncodedView(data, stride, len(rows),
                           {"mode": "ATTRIBUTES", "filter": "EXPONENTIAL"},
                           {"min": decoded.min(axis=0).tolist(),
                            "max": decoded.max(axis=0).tolist()})

    def _octahedral(self, rows: np.ndarray) -> EncodedView:
        vectors = rows if rows.shape[1] == 4 else np.column_stack([rows, np.zeros(len(rows))])
        encoded = meshopt.encode_filter_oct(vectors, 4, DIRECTION_BITS)
        self.extra_extensions.add(QUANTIZATION)  # 8-bit normals are not core glTF
        return EncodedView(meshopt.encode_gltf_buffer(encoded, "ATTRIBUTES"), 4, len(rows),
                           {"mode": "ATTRIBUTES", "filter": "OCTAHEDRAL"},
                           {"componentType": BYTE, "normalized": True, "min": None, "max": None})
