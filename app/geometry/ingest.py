"""Turn an uploaded file into a normalised GLB with its stats and validation report."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from app.errors import AtelierError, ErrorCode, LimitExceeded, UnsupportedFormat
from app.geometry.formats import SourceFormat, detect_format
from app.geometry.gltf_io import load_asset, parse_json, split_glb
from app.geometry.gltf_pack import pack_glb
from app.geometry.mesh_formats import TRIMESH_TYPES, mesh_file_to_glb
from app.geometry.stats import compute_stats
from app.geometry.uris import decode_data_uri, is_data_uri, safe_relative_path
from app.geometry.validation import validate_glb

Report = Callable[[str, float], None]


@dataclass(frozen=True)
class IngestLimits:
    max_triangles: int = 20_000_000


@dataclass(frozen=True)
class IngestSummary:
    source_format: str
    stats: dict[str, Any]
    validation: dict[str, Any] = field(default_factory=dict)


def _no_report(stage: str, fraction: float) -> None:
    """Progress is optional for callers that do not show it."""


def ingest_path(
    source: Path,
    filename: str,
    output: Path,
    limits: IngestLimits = IngestLimits(),
    *,
    report: Report = _no_report,
) -> IngestSummary:
    """Read `source`, write the normalised GLB to `output`, return what was learned."""
    report("detect", 0.0)
    source_format = detect_format(source, filename)
    report("parse", 0.1)
    glb = to_glb(source, source_format)
    report("analyse", 0.6)
    asset = load_asset(glb)
    stats = compute_stats(asset)
    if stats.triangle_count > limits.max_triangles:
        raise LimitExceeded(
            f"the model has {stats.triangle_count} triangles; the limit is {limits.max_triangles}"
        )
    validation = validate_glb(asset)
    if validation.num_errors:
        raise AtelierError(
            f"the glTF has {validation.num_errors} validation errors, the first: "
            f"{validation.issues[0].message}",
            code=ErrorCode.INVALID_GLTF,
        )
    report("write", 0.9)
    output.write_bytes(glb)
    return IngestSummary(source_format.value, stats.to_dict(), validation.to_dict())


def to_glb(source: Path, source_format: SourceFormat) -> bytes:
    if source_format in TRIMESH_TYPES:
        return mesh_file_to_glb(source, source_format)
    data = source.read_bytes()
    if source_format is SourceFormat.GLB:
        document, binary = split_glb(data)
        return pack_glb(document, binary, _embedded_only)
    if source_format is SourceFormat.GLTF:
        return pack_glb(parse_json(data), None, _embedded_only)
    raise UnsupportedFormat(f"{source_format.value} files are not supported")


def _embedded_only(uri: str) -> tuple[bytes, str | None]:
    if is_data_uri(uri):
        return decode_data_uri(uri)
    path = safe_relative_path(uri)
    raise AtelierError(
        f"the glTF refers to '{path}', which was not uploaded; upload the .gltf and its "
        "files together in a .zip",
        code=ErrorCode.MISSING_RESOURCE,
    )
