"""An asset's stored quality report to its GraphQL type."""

from __future__ import annotations

from app.models import quality as models
from app.schema.quality import QualityItem, QualityReport, QualitySeverity


def quality_report(report: models.QualityReport | None) -> QualityReport | None:
    if report is None:
        return None
    return QualityReport(
        watertight=report.watertight, manifold=report.manifold,
        uv_overlap_ratio=report.uv_overlap_ratio,
        items=[QualityItem(code=item.code, severity=QualitySeverity(item.severity.value),
                           count=item.count, message=item.message, where=item.where)
               for item in report.items])
