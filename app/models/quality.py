"""The mesh-quality report ingest stores on an asset (app/geometry/quality computes it)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, Field


class QualitySeverity(StrEnum):
    INFO = "INFO"
    WARNING = "WARNING"
    ERROR = "ERROR"


class QualityItem(BaseModel):
    code: str
    severity: QualitySeverity
    count: int
    message: str
    where: list[str] = Field(default_factory=list)


class QualityReport(BaseModel):
    watertight: bool
    manifold: bool
    uv_overlap_ratio: float | None = None
    items: list[QualityItem] = Field(default_factory=list)
