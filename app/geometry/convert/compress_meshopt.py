"""COMPRESS with EXT_meshopt_compression: meshoptimizer's codecs through the `meshopt` binding.

Triangles are first reordered for the vertex cache in strip order, which the index codec
and the vertex codec's deltas compress best (gltfpack -cc does the same). With `quantize`
(KHR_mesh_quantization), positions become 16-bit grid coordinates with as few bits as the
error budget allows (`integer_positions`), UVs in [0, 1] 12-bit normalised shorts, and
normals and tangents 8-bit octahedral vectors, as gltfpack stores them; positions no node
can dequantise, and UVs outside [0, 1], go through the exponential filter on a
shared-component grid instead (floats once decoded); animated rotations go through the
quaternion filter as 12-bit normalised shorts (core glTF for rotation keyframes). Every
lossy attribute is decoded again to report its true error. Quantised data goes through
version 1 of the vertex codec, as gltfpack -cc writes it (decoders since meshoptimizer 0.23
read it); lossless data keeps version 0, which every decoder reads.
"""

from __future__ import annotations

from typing import Literal

import meshopt
import numpy as np

from app.geometry.convert.integer_positions import quantize_positions
from app.geometry.convert.model import QUANTIZATION, TRIANGLES, VERTEX_ROLES, Model, Role
from app.geometry.convert.packing import EncodedView
from app.geometry.convert.quantization import (
    DIRECTION_BITS,
    MAX_FLOAT_BITS,
    ROTATION,
    TEXCOORD_BITS,
    AttributeReport,
    CompressionReport,
    column_bounds,
    exponent_bits,
    max_angle_degrees,
    max_distance,
)
from app.geometry.convert.vertex_order import cache_order

EXTENSION = "EXT_meshopt_compression"
BYTE = 5120
SHORT = 5122
ROTATION_BITS = 12  # gltfpack's default for rotation keyframes
UNSIGNED_SHORT = 5123
# One exponent per component over the whole buffer: a fixed grid, which compresses best.
GRID: Literal["SharedComponent"] = "SharedComponent"


def meshopt_codec(model: Model, quantize: bool, position_error: float) -> MeshoptCodec:
    """Prepare `model` for EXT_meshopt_compression and return the codec that writes it."""
    reorder_for_cache(model)
    codec = MeshoptCodec(quantize, position_error)
    codec.rotations = {id(sampler["output"]) for animation in model.document.get("animations", [])
                       for channel in animation.get("channels", [])
                       if channel.get("target", {}).get("path") == "rotation"
                       for sampler in [animation["samplers"][channel["sampler"]]]
                       if sampler.get("interpolation", "LINEAR") != "CUBICSPLINE"}
    if quantize and quantize_positions(model, position_error, codec.report):
        codec.extra_extensions.add(QUANTIZATION)
    return codec


def reorder_for_cache(model: Model) -> None:
    """Put each triangle list in vertex-cache order and its vertices in first-use order."""
    for primitive in model.primitives():
        if primitive.get("mode", TRIANGLES) != TRIANGLES or "indices" not in primitive:
            continue
        indices, order = cache_order(primitive["indices"],
                                     len(primitive["attributes"]["POSITION"]))
        primitive["indices"] = indices
        primitive["attributes"] = {k: v[order] for k, v in primitive["attributes"].items()}
        if "targets" in primitive:
            primitive["targets"] = [{k: v[order] for k, v in target.items()}
                                    for target in primitive["targets"]]


class MeshoptCodec:
    """Encodes every buffer view meshoptimizer's codecs can hold; others stay plain."""

    extension = EXTENSION

    def __init__(self, quantize: bool, position_error: float) -> None:
        self.quantize = quantize
        self.version = 1 if quantize else 0
        self.position_error = position_error
        self.extra_extensions: set[str] = set()
        self.rotations: set[int] = set()  # id() of each unit-quaternion keyframe array
        self.report = CompressionReport("MESHOPT", position_error if quantize else 0.0)

    def encode(self, values: np.ndarray, role: Role, semantic: str) -> EncodedView | None:
        if role == "index":
            mode: Literal["TRIANGLES", "INDICES"] = (
                "TRIANGLES" if len(values) % 3 == 0 else "INDICES")
            data = meshopt.encode_gltf_buffer(values, mode)
            self.report.index_bytes += len(data)
            return EncodedView(data, values.itemsize, len(values), {"mode": mode})
        rows = values.reshape(len(values), -1)
        if semantic == "POSITION" and role == "vertex" and values.dtype == np.uint16:
            return self._grid_positions(rows)
        if self.quantize and role in VERTEX_ROLES and values.dtype == np.float32:
            if semantic == "POSITION":
                return self._exponential(rows, exponent_bits(rows, self.position_error),
                                         semantic, role, self.position_error)
            if semantic.startswith("TEXCOORD_"):
                if role == "vertex" and rows.min() >= 0.0 and rows.max() <= 1.0:
                    return self._unit_shorts(rows, semantic)
                return self._exponential(rows, TEXCOORD_BITS, semantic, role)
            if semantic in ("NORMAL", "TANGENT") and role == "vertex":
                return self._octahedral(rows, semantic)  # unit vectors, not target deltas
        if (self.quantize and role == "other" and id(values) in self.rotations
                and values.dtype == np.float32 and rows.shape[1] == 4):
            return self._quaternion(rows)
        stride = rows.shape[1] * values.itemsize
        if stride % 4 or stride > 256:
            return None  # the vertex codec takes rows of 4 to 256 bytes, in fours
        data = meshopt.encode_gltf_buffer(rows, "ATTRIBUTES", self.version)
        if role in VERTEX_ROLES:
            self.report.add(AttributeReport(semantic, "lossless", 8 * values.itemsize,
                                            len(data), 0.0))
        return EncodedView(data, stride, len(rows), {"mode": "ATTRIBUTES"})

    def _grid_positions(self, rows: np.ndarray) -> EncodedView:
        # The vertex codec takes rows in fours of bytes: three shorts travel padded to four.
        padded = np.zeros((len(rows), 4), dtype=np.uint16)
        padded[:, :3] = rows
        data = meshopt.encode_gltf_buffer(padded, "ATTRIBUTES", self.version)
        self.report.add(AttributeReport("POSITION", "integer", 0, len(data), 0.0))
        return EncodedView(data, 8, len(rows), {"mode": "ATTRIBUTES"})

    def _quaternion(self, rows: np.ndarray) -> EncodedView:
        encoded = meshopt.encode_filter_quat(rows, 8, ROTATION_BITS)
        data = meshopt.encode_gltf_buffer(encoded, "ATTRIBUTES", self.version)
        decoded = meshopt.decode_gltf_buffer(data, len(rows), 8, "ATTRIBUTES", "QUATERNION")
        turns = decoded.view(np.int16).reshape(len(rows), 4).astype(np.float64) / 32767
        error = rotation_error_degrees(turns, rows)
        self.report.add(AttributeReport(ROTATION, "quaternion", ROTATION_BITS, len(data),
                                        error))
        return EncodedView(data, 8, len(rows), {"mode": "ATTRIBUTES", "filter": "QUATERNION"},
                           {"componentType": SHORT, "normalized": True, "min": None,
                            "max": None})

    def _unit_shorts(self, rows: np.ndarray, semantic: str) -> EncodedView:
        grid = np.rint(rows * (2**TEXCOORD_BITS - 1)).astype(np.uint16)
        # Repeating the top bits below them maps 0..4095 onto 0..65535 exactly.
        shorts = (grid << (16 - TEXCOORD_BITS)) | (grid >> (2 * TEXCOORD_BITS - 16))
        data = meshopt.encode_gltf_buffer(shorts, "ATTRIBUTES", self.version)
        error = max_distance(shorts.astype(np.float32) / 65535, rows)
        self.report.add(AttributeReport(semantic, "normalized", TEXCOORD_BITS, len(data), error))
        self.extra_extensions.add(QUANTIZATION)
        return EncodedView(data, 4, len(rows), {"mode": "ATTRIBUTES"},
                           {"componentType": UNSIGNED_SHORT, "normalized": True,
                            "min": None, "max": None})

    def _exponential(self, rows: np.ndarray, bits: int, semantic: str, role: Role,
                     budget: float | None = None) -> EncodedView:
        while True:
            encoded = meshopt.encode_filter_exp(rows, bits, GRID)
            data = meshopt.encode_gltf_buffer(encoded, "ATTRIBUTES", self.version)
            stride = encoded.shape[1]
            decoded = meshopt.decode_gltf_buffer(data, len(rows), stride, "ATTRIBUTES",
                                                 "EXPONENTIAL").view(np.float32)
            error = max_distance(decoded, rows)
            # The filter's exponent is not always the smallest: add bits until within budget.
            if budget is None or error <= budget or bits >= MAX_FLOAT_BITS:
                break
            bits += 1
        name = semantic if role == "vertex" else f"target {semantic}"
        self.report.add(AttributeReport(name, "exponential", bits, len(data), error))
        # Bounds must describe the decoded values, which the filter rounded.
        low, high = column_bounds(decoded)
        return EncodedView(data, stride, len(rows),
                           {"mode": "ATTRIBUTES", "filter": "EXPONENTIAL"},
                           {"min": low.tolist(), "max": high.tolist()})

    def _octahedral(self, rows: np.ndarray, semantic: str) -> EncodedView:
        vectors = rows if rows.shape[1] == 4 else np.column_stack([rows, np.zeros(len(rows))])
        encoded = meshopt.encode_filter_oct(vectors, 4, DIRECTION_BITS)
        data = meshopt.encode_gltf_buffer(encoded, "ATTRIBUTES", self.version)
        decoded = meshopt.decode_gltf_buffer(data, len(rows), 4, "ATTRIBUTES", "OCTAHEDRAL")
        directions = decoded.view(np.int8).reshape(len(rows), 4).astype(np.float32) / 127
        self.report.add(AttributeReport(semantic, "octahedral", DIRECTION_BITS, len(data),
                                        max_angle_degrees(directions, rows)))
        self.extra_extensions.add(QUANTIZATION)  # 8-bit normals are not core glTF
        return EncodedView(data, 4, len(rows),
                           {"mode": "ATTRIBUTES", "filter": "OCTAHEDRAL"},
                           {"componentType": BYTE, "normalized": True, "min": None, "max": None})


def rotation_error_degrees(decoded: np.ndarray, source: np.ndarray) -> float:
    """The largest angle between decoded and source rotations: twice the angle between
    their unit quaternions, either sign (q and -q are one rotation)."""
    lengths = np.linalg.norm(decoded, axis=1) * np.linalg.norm(source, axis=1)
    cosine = np.abs(np.einsum("ij,ij->i", decoded, source)) / np.where(lengths > 0, lengths, 1)
    return float(np.degrees(2 * np.arccos(np.clip(cosine, 0.0, 1.0))).max()) if len(source) else 0.0
