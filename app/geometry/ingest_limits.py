"""What one ingest may accept, and the checks of a normalised model against those limits."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from app.errors import LimitExceeded
from app.geometry.archives import ArchiveLimits
from app.geometry.gltf_images import check_embedded_images
from app.geometry.gltf_io import GltfAsset
from app.geometry.stats import AssetStats


@dataclass(frozen=True)
class IngestLimits:
    max_triangles: int = 20_000_000
    max_image_pixels: int = 8192 * 8192
    max_node_depth: int = 256
    converter_timeout_seconds: float = 120.0
    cad_tessellation_tolerance: float = 0.001  # chord error / each STEP or IGES part's diagonal
    quality_max_texture_size: int = 4096  # reported by the quality report, never refused
    archive: ArchiveLimits = field(default_factory=ArchiveLimits)


def check_limits(asset: GltfAsset, stats: AssetStats, limits: IngestLimits) -> None:
    """Raise LimitExceeded when the normalised model is too big to serve or to render."""
    if stats.triangle_count > limits.max_triangles:
        raise LimitExceeded(f"the model has {stats.triangle_count} triangles; the limit is "
                            f"{limits.max_triangles}")
    depth = node_depth(asset.section("nodes"))
    if depth > limits.max_node_depth:
        raise LimitExceeded(f"the node tree is {depth} levels deep; the limit is "
                            f"{limits.max_node_depth}")
    check_embedded_images(asset, limits.max_image_pixels)


def node_depth(nodes: list[dict[str, Any]]) -> int:
    """Levels of the deepest node chain; each node is visited once, so cycles end the walk."""
    children = [n.get("children") if isinstance(n, dict) else None for n in nodes]
    has_parent = {c for kids in children if isinstance(kids, list) for c in kids
                  if isinstance(c, int)}
    stack = [(root, 1) for root in range(len(nodes)) if root not in has_parent]
    seen: set[int] = set()
    deepest = 0
    while stack:
        index, depth = stack.pop()
        if index in seen or not isinstance(index, int) or not 0 <= index < len(nodes):
            continue
        seen.add(index)
        deepest = max(deepest, depth)
        kids = children[index]
        if isinstance(kids, list):
            stack.extend((kid, depth + 1) for kid in kids)
    return deepest
