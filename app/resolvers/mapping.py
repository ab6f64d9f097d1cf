"""Domain values to the schema's plain types: errors, bounds, stats, validation, tokens,
cameras, lights and scene changes."""

from __future__ import annotations

from typing import Any

import strawberry

from app.errors import ErrorCode
from app.geometry import scene_graph as graph
from app.models import common as models
from app.models.scene import SceneRevision
from app.models.token import ApiToken as TokenModel
from app.schema.asset import AssetStats, ValidationIssue, ValidationReport
from app.schema.common import Bounds, ErrorInfo
from app.schema.convert import CompressedAttribute, CompressionReport, MeshCompression
from app.schema.scalars import Long
from app.schema.scene import SceneCamera, SceneChange, SceneChangeKind, SceneLight
from app.schema.token import ApiToken, Scope


def error_info(error: models.ErrorInfo | None) -> ErrorInfo | None:
    if error is None:
        return None
    known = error.code in ErrorCode.__members__
    return ErrorInfo(code=ErrorCode(error.code) if known else ErrorCode.INTERNAL,
                     message=error.message)


def compression_report(report: dict[str, Any] | None) -> CompressionReport | None:
    """A COMPRESS job's stored report (app/geometry/convert/quantization.py's as_dict)."""
    if report is None:
        return None
    return CompressionReport(
        compression=MeshCompression(report["compression"]),
        position_error=report["position_error"],
        attributes=[CompressedAttribute(**row) for row in report["attributes"]],
        index_bytes=report["index_bytes"])


def bounds(box: models.Bounds | None) -> Bounds | None:
    return None if box is None else Bounds(min=list(box.min), max=list(box.max))


def asset_stats(stats: models.AssetStats | None) -> AssetStats | None:
    if stats is None:
        return None
    return AssetStats(
        vertex_count=Long(stats.vertex_count), triangle_count=Long(stats.triangle_count),
        mesh_count=stats.mesh_count, material_count=stats.material_count,
        texture_count=stats.texture_count, animation_count=stats.animation_count,
        node_count=stats.node_count, bounds=bounds(stats.bounds))


def validation_report(report: models.ValidationSummary | None) -> ValidationReport | None:
    if report is None:
        return None
    return ValidationReport(
        num_errors=report.num_errors, num_warnings=report.num_warnings,
        num_infos=report.num_infos, num_hints=report.num_hints, truncated=report.truncated,
        issues=[ValidationIssue(code=i.code, severity=i.severity, message=i.message,
                                pointer=i.pointer) for i in report.issues])


def api_token(token: TokenModel) -> ApiToken:
    return ApiToken(id=strawberry.ID(token.id), owner=token.owner, name=token.name,
                    scopes=[Scope(scope.value) for scope in token.scopes],
                    created_at=token.created_at, expires_at=token.expires_at,
                    revoked_at=token.revoked_at)


def scene_camera(camera: graph.Camera) -> SceneCamera:
    return SceneCamera(id=strawberry.ID(camera.id), name=camera.name, type=camera.type,
                       yfov=camera.yfov, aspect_ratio=camera.aspect_ratio, xmag=camera.xmag,
                       ymag=camera.ymag, znear=camera.znear, zfar=camera.zfar)


def scene_light(light: graph.Light) -> SceneLight:
    return SceneLight(id=strawberry.ID(light.id), name=light.name, type=light.type,
                      color=list(light.color), intensity=light.intensity, range=light.range,
                      inner_cone_angle=light.inner_cone_angle,
                      outer_cone_angle=light.outer_cone_angle)


def scene_changes(revision: SceneRevision) -> list[SceneChange]:
    return [SceneChange(kind=SceneChangeKind(change.kind.value),
                        target_id=strawberry.ID(change.target_id) if change.target_id else None)
            for change in revision.changes]
