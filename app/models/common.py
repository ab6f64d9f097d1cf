"""Value objects embedded in documents: ids, stored files, errors, stats and validation."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from bson import ObjectId
from pydantic import BaseModel, Field


# Documents keep these in `id: str` where Beanie's Document declares an ObjectId, hence the
# `type: ignore[assignment]` on those lines.
def new_id(prefix: str) -> str:
    """A typed, opaque id whose suffix sorts by creation time (an ObjectId in hex)."""
    return f"{prefix}_{ObjectId()}"


def utcnow() -> datetime:
    return datetime.now(UTC)


class FileRole(StrEnum):
    ORIGINAL = "ORIGINAL"
    GLB = "GLB"
    THUMBNAIL = "THUMBNAIL"
    CONVERTED = "CONVERTED"
    RENDER = "RENDER"


class StoredFile(BaseModel):
    role: FileRole
    format: str
    key: str
    size_bytes: int
    content_type: str
    filename: str
    job_id: str | None = None


class ErrorInfo(BaseModel):
    code: str
    message: str


class Bounds(BaseModel):
    min: list[float]
    max: list[float]


class AssetStats(BaseModel):
    vertex_count: int = 0
    triangle_count: int = 0
    mesh_count: int = 0
    material_count: int = 0
    texture_count: int = 0
    animation_count: int = 0
    node_count: int = 0
    bounds: Bounds | None = None


class ValidationIssue(BaseModel):
    code: str
    severity: str
    message: str
    pointer: str | None = None


class ValidationSummary(BaseModel):
    num_errors: int = 0
    num_warnings: int = 0
    num_infos: int = 0
    num_hints: int = 0
    truncated: bool = False
    issues: list[ValidationIssue] = Field(default_factory=list)
