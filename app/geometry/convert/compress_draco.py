"""COMPRESS with KHR_draco_mesh_compression through DracoPy, Google's Draco encoder.

A primitive is compressed when Draco can hold all of its data (position, normal, first UV
set, colour, no morph targets); anything else stays plain, as the extension allows. The
accessors become stubs that carry the decoded counts and bounds, read back from the
encoded bytes so they describe exactly what a decoder will produce.

Positions get the fewest grid bits that keep them within the error budget over the
primitive's own extent (Draco's quantisation grid), normals 8 bits and UVs 12 (gltfpack's
precision); the reported errors are the grid's half steps, which bound the true ones.
"""

from __future__ import annotations

import math
from typing import Any

import DracoPy
import numpy as np

from app.geometry.convert.accessor_layout import COMPONENT_TYPES
from app.geometry.convert.model import TRIANGLES, AccessorStub, Model, add_extension
from app.geometry.convert.quantization import (
    DIRECTION_BITS,
    TEXCOORD_BITS,
    AttributeReport,
    CompressionReport,
    column_bounds,
    grid_bits,
    grid_error,
)

EXTENSION = "KHR_draco_mesh_compression"
COMPRESSIBLE = frozenset({"POSITION", "NORMAL", "TEXCOORD_0", "COLOR_0"})
# Measured on a 180k-triangle grid with normals and UVs: level 6 (encoder speed 4) gives
# 110 kB where 7 to 10 give 204-209 kB (their normal predictor does worse) and 4 gives 154 kB.
COMPRESSION_LEVEL = 6
DRACO_TYPES = {"POSITION": "POSITION", "NORMAL": "NORMAL", "TEXCOORD_0": "TEX_COORD",
               "COLOR_0": "COLOR"}


def draco_compress(model: Model, position_error: float) -> CompressionReport:
    """Compress every primitive Draco can hold, positions within `position_error`."""
    report = CompressionReport("DRACO", position_error)
    compressed = False
    for primitive in model.primitives():
        if (primitive.get("mode", TRIANGLES) == TRIANGLES and "targets" not in primitive
                and set(primitive["attributes"]) <= COMPRESSIBLE):
            compressed |= _compress(primitive, position_error, report)
    if compressed:
        add_extension(model.document, EXTENSION, required=True)
    return report


def _compress(primitive: dict[str, Any], position_error: float,
              report: CompressionReport) -> bool:
    attributes = primitive["attributes"]
    positions = attributes["POSITION"]
    low, high = column_bounds(positions)
    extent = float(np.max(high - low))
    position_bits = grid_bits(extent, position_error)
    indices = primitive.get("indices")
    faces = (np.arange(len(positions)) if indices is None else indices).reshape(-1, 3)
    optional: dict[str, np.ndarray] = {}
    if "NORMAL" in attributes:
        optional["normals"] = attributes["NORMAL"].astype(np.float64)
    if "TEXCOORD_0" in attributes:
        optional["tex_coord"] = attributes["TEXCOORD_0"].astype(np.float64)
    if "COLOR_0" in attributes:
        optional["colors"] = np.clip(np.rint(attributes["COLOR_0"] * 255), 0, 255).astype(np.uint8)
    for preserve_order in (False, True):
        # Draco may drop degenerate triangles when it reorders; keeping the order keeps them.
        data = DracoPy.encode(
            positions.astype(np.float32), faces.astype(np.uint32), quantization_bits=position_bits,
            compression_level=COMPRESSION_LEVEL, preserve_order=preserve_order,
            normal_quantization_bits=DIRECTION_BITS, tex_coord_quantization_bits=TEXCOORD_BITS,
            **optional,
        )
        decoded = DracoPy.decode(data)
        if len(decoded.faces) == len(faces):
            _report(report, attributes, position_bits, extent, len(data))
            _replace_with_stubs(primitive, data, decoded)
            return True
    return False


def _report(report: CompressionReport, attributes: dict[str, np.ndarray], position_bits: int,
            extent: float, size: int) -> None:
    # Draco interleaves everything in one stream: the whole size is booked on POSITION.
    report.add(AttributeReport("POSITION", "draco", position_bits, size,
                               grid_error(extent, position_bits)))
    if "NORMAL" in attributes:
        # An octahedral grid of n bits per axis is off by at most about 90 / 2**(n-1) degrees.
        report.add(AttributeReport("NORMAL", "draco", DIRECTION_BITS, 0,
                                   90.0 / 2 ** (DIRECTION_BITS - 1)))
    if "TEXCOORD_0" in attributes:
        uvs = attributes["TEXCOORD_0"]
        uv_low, uv_high = column_bounds(uvs)
        uv_extent = float(np.max(uv_high - uv_low))
        # Two coordinates, each off by up to half a step.
        report.add(AttributeReport("TEXCOORD_0", "draco", TEXCOORD_BITS, 0,
                                   math.sqrt(2) * uv_extent / (2**TEXCOORD_BITS - 1) / 2))


def _replace_with_stubs(primitive: dict[str, Any], data: bytes, decoded: Any) -> None:
    ids = {attribute["attribute_type"]: attribute["unique_id"] for attribute in decoded.attributes}
    values = {"POSITION": decoded.points, "NORMAL": decoded.normals,
              "TEXCOORD_0": decoded.tex_coord, "COLOR_0": decoded.colors}
    attributes = primitive["attributes"]
    mapping = {}
    for name in attributes:
        mapping[name] = ids[getattr(DracoPy.AttributeType, DRACO_TYPES[name])]
        attributes[name] = _stub(np.asarray(values[name]), name)
    vertex_count = len(decoded.points)
    primitive["indices"] = AccessorStub({
        "componentType": COMPONENT_TYPES["u2" if vertex_count < 0xFFFF else "u4"],
        "count": len(decoded.faces) * 3, "type": "SCALAR"})
    primitive.setdefault("extensions", {})[EXTENSION] = {"bufferView": data,
                                                         "attributes": mapping}


def _stub(values: np.ndarray, name: str) -> AccessorStub:
    width = values.shape[1]
    fields: dict[str, Any] = {"count": len(values), "type": f"VEC{width}"}
    if name == "COLOR_0":
        fields |= {"componentType": COMPONENT_TYPES["u1"], "normalized": True}
    else:
        fields["componentType"] = COMPONENT_TYPES["f4"]
    if name == "POSITION":  # bounds are required on positions, and must be the decoded ones
        low, high = column_bounds(values)
        fields |= {"min": low.tolist(), "max": high.tolist()}
    return AccessorStub(fields)
