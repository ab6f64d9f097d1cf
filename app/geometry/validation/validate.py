"""The validation entry points: structural (Khronos-style), geometric, and both from raw bytes."""

from __future__ import annotations

import contextlib
from typing import Any

import numpy as np

from app.errors import InvalidInput
from app.geometry.gltf_io import GltfAsset

from .container import load_for_validation
from .context import Context
from .data_checks import normalized
from .geometry import validate_geometry
from .images import UriResolver
from .layout import cached_raw
from .model import Model
from .report import IssueLimitReached, IssueSink, ValidationReport
from .structure import check_structure, looks_like_glb

DEFAULT_MAX_ISSUES = 200
# The structural pass already reports these on the accessors themselves.
_STRUCTURAL_CODES = frozenset({"ACCESSOR_INVALID_FLOAT", "ACCESSOR_INDEX_OOB"})
_TRIANGLE_MODES = (4, 5, 6)


def validate_gltf(asset: GltfAsset, *, max_issues: int = DEFAULT_MAX_ISSUES,
                  resolve_uri: UriResolver | None = None) -> ValidationReport:
    """Khronos-style structural checks of a loaded asset (external images via `resolve_uri`)."""
    ctx = _context(max_issues, glb=looks_like_glb(asset))
    with contextlib.suppress(IssueLimitReached):
        check_structure(ctx, asset, resolve_uri)
    return ctx.sink.report()


def validate_glb(asset: GltfAsset, *, max_issues: int = DEFAULT_MAX_ISSUES,
                 resolve_uri: UriResolver | None = None) -> ValidationReport:
    """Structural checks plus geometry checks of every triangle primitive."""
    ctx = _context(max_issues, glb=looks_like_glb(asset))
    _run_all(ctx, asset, resolve_uri)
    return ctx.sink.report()


def validate_bytes(data: bytes, *, max_issues: int = DEFAULT_MAX_ISSUES,
                   resolve_uri: UriResolver | None = None) -> ValidationReport:
    """Everything `validate_glb` checks, plus the GLB container and JSON, from the file bytes.

    Never raises for a bad file: an unreadable container or JSON is reported as errors.
    """
    ctx = _context(max_issues, glb=False)
    try:
        asset = load_for_validation(ctx, data, resolve_uri)
    except IssueLimitReached:
        return ctx.sink.report()
    if asset is not None:
        _run_all(ctx, asset, resolve_uri)
    return ctx.sink.report()


def _context(max_issues: int, *, glb: bool) -> Context:
    if max_issues < 1:
        raise InvalidInput(f"max_issues must be at least 1, not {max_issues}")
    return Context(IssueSink(max_issues), glb=glb)


def _run_all(ctx: Context, asset: GltfAsset, resolve_uri: UriResolver | None) -> None:
    with contextlib.suppress(IssueLimitReached):
        model = check_structure(ctx, asset, resolve_uri)
        if model is not None:
            _check_primitive_geometry(model)


def _check_primitive_geometry(model: Model) -> None:
    for m, mesh, pointer in model.enumerate("meshes"):
        facts = model.primitives.get(m) or []
        for p, primitive in enumerate(mesh.get("primitives") or []):
            fact = facts[p] if p < len(facts) else None
            position = fact.attributes.get("POSITION") if fact else None
            positions = cached_raw(model, position) if position is not None else None
            if fact is None or position is None or positions is None or positions.shape[1] != 3:
                continue
            triangles = _triangles(model, primitive, len(positions))
            if triangles is None:
                continue
            issues = validate_geometry(
                normalized(model, position, positions), triangles,
                has_normals="NORMAL" in fact.attributes, has_uvs=fact.texcoords > 0,
                pointer=f"{pointer}/primitives/{p}")
            for issue in issues:
                if issue.code not in _STRUCTURAL_CODES:
                    model.ctx.sink.add(issue)


def _triangles(model: Model, primitive: dict[str, Any], vertex_count: int) -> np.ndarray | None:
    """Corner indices (T, 3) of a triangle list, strip or fan; None for other modes or when
    the index data cannot be read."""
    mode, index = primitive.get("mode", 4), primitive.get("indices")
    if mode not in _TRIANGLE_MODES:
        return None
    if index is None:
        indices = np.arange(vertex_count, dtype=np.uint32)
    else:
        values = cached_raw(model, index)
        accessor = model.get("accessors", index) or {}
        if values is None or accessor.get("type") != "SCALAR" or accessor.get("normalized"):
            return None
        indices = values.reshape(-1)
    if mode == 4 or len(indices) < 3:
        return indices[: len(indices) // 3 * 3].reshape(-1, 3)
    first = np.arange(len(indices) - 2)
    if mode == 6:
        return np.column_stack((np.full_like(first, indices[0]), indices[first + 1],
                                indices[first + 2]))
    # Strips alternate winding so that every triangle faces the same way.
    odd = first % 2 == 1
    return np.column_stack((np.where(odd, indices[first + 1], indices[first]),
                            np.where(odd, indices[first], indices[first + 1]),
                            indices[first + 2]))
