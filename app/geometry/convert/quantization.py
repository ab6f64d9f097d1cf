"""Quantisation budgets: bits from a model's extent and an error budget, errors measured back.

Positions are quantised to the fewest bits that keep every vertex within `position_error`
(a distance in model units) of the source; the default budget is what 14 bits over the
model's extent give (gltfpack's default), so no preset is less precise than it. A grid's
rounding moves each of three coordinates by up to half a step, a vertex by sqrt(3) times that.
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass, field
from typing import Any

import numpy as np

MIN_BITS = 1
MAX_FLOAT_BITS = 24  # a float32 mantissa holds no more
DEFAULT_POSITION_BITS = 14
TEXCOORD_BITS = 12
DIRECTION_BITS = 8
ROTATION = "rotation keyframes"
ANGULAR = frozenset({"NORMAL", "TANGENT", ROTATION})  # errors in degrees
DIAGONAL = math.sqrt(3.0)  # a vertex moves this many half steps when all three coordinates do


def default_position_error(extent: float) -> float:
    """The distance DEFAULT_POSITION_BITS over `extent` may move a vertex (gltfpack's default)."""
    return DIAGONAL * max(extent, 1e-30) / float(2**DEFAULT_POSITION_BITS - 1) / 2


def column_bounds(rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each column's smallest and largest value of a non-empty n-by-k array.

    One column at a time: numpy reduces a narrow array along axis 0 about 20 times slower.
    """
    columns = rows.reshape(len(rows), -1)
    return (np.array([columns[:, i].min() for i in range(columns.shape[1])]),
            np.array([columns[:, i].max() for i in range(columns.shape[1])]))


def boxes_bounds(arrays: list[np.ndarray]) -> tuple[np.ndarray, np.ndarray]:
    """The box around every non-empty array of rows (at least one)."""
    bounds = [column_bounds(a) for a in arrays if len(a)]
    return (np.min([low for low, _ in bounds], axis=0),
            np.max([high for _, high in bounds], axis=0))


def model_extent(positions: list[np.ndarray]) -> float:
    """The longest side of the box around every position array."""
    if not any(len(p) for p in positions):
        return 0.0
    low, high = boxes_bounds(positions)
    return float(np.max(high - low))


def exponent_bits(values: np.ndarray, error: float) -> int:
    """Mantissa bits for a shared-exponent filter so rounding stays within `error`.

    The filter's step is 2**ceil(log2(max |value|)) / 2**bits, and rounding costs half a step.
    """
    largest = float(np.abs(values).max()) if len(values) else 0.0
    if largest == 0.0:
        return MIN_BITS
    scale = 2.0 ** math.ceil(math.log2(largest))
    bits = math.ceil(math.log2(DIAGONAL * scale / (2 * error)))
    return min(max(bits, MIN_BITS), MAX_FLOAT_BITS)


def grid_bits(extent: float, error: float) -> int:
    """Bits of a uniform grid over `extent` that moves no vertex further than `error`."""
    if extent <= 0.0:
        return MIN_BITS
    return min(max(math.ceil(math.log2(DIAGONAL * extent / (2 * error) + 1)), MIN_BITS), 30)


def grid_error(extent: float, bits: int) -> float:
    """How far a grid of `bits` over `extent` may move a vertex."""
    return DIAGONAL * extent / float(2**bits - 1) / 2


def max_distance(decoded: np.ndarray, source: np.ndarray) -> float:
    """The largest distance between a decoded row and its source (positions, UVs)."""
    if not len(source):
        return 0.0
    difference = decoded.astype(np.float64) - source
    return math.sqrt(float(np.einsum("ij,ij->i", difference, difference).max()))


def max_angle_degrees(decoded: np.ndarray, source: np.ndarray) -> float:
    """The largest angle between decoded and source directions (normals, tangents)."""
    if not len(source):
        return 0.0
    a = decoded[:, :3].astype(np.float64)
    b = source[:, :3].astype(np.float64)
    lengths = np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1)
    cosine = np.einsum("ij,ij->i", a, b) / np.where(lengths > 0, lengths, 1.0)
    return float(np.degrees(np.arccos(np.clip(cosine, -1.0, 1.0))).max())


@dataclass
class AttributeReport:
    """One compressed attribute: how it was stored and what that cost in precision."""

    semantic: str
    encoding: str
    bits: int
    bytes: int
    max_error: float  # distance for positions and UVs, degrees for directions


@dataclass
class CompressionReport:
    """What COMPRESS did, as the job's result carries it."""

    compression: str
    position_error: float  # the budget asked for (or the default), in model units
    attributes: list[AttributeReport] = field(default_factory=list)
    index_bytes: int = 0

    def add(self, attribute: AttributeReport) -> None:
        """Fold repeated semantics (one per primitive) into one row: sizes add, errors max."""
        for row in self.attributes:
            if row.semantic == attribute.semantic and row.encoding == attribute.encoding:
                row.bytes += attribute.bytes
                row.bits = max(row.bits, attribute.bits)
                row.max_error = max(row.max_error, attribute.max_error)
                return
        self.attributes.append(attribute)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def compression_summary(report: dict[str, Any]) -> str:
    """One line a person reads in the job's result: budget, then each attribute's cost."""
    parts = [f"{row['semantic']} {row['encoding']} {row['bits']} bits {row['bytes']} B "
             f"error {row['max_error']:.3g}{'°' if row['semantic'] in ANGULAR else ''}"
             for row in report["attributes"]]
    if report["index_bytes"]:
        parts.append(f"indices {report['index_bytes']} B")
    return (f"{report['compression']}, position error budget {report['position_error']:.3g}: "
            + ", ".join(parts))
