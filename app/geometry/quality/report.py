"""The mesh-quality report's values: findings with a code, a severity, a count and where."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# Locations kept per finding: enough to find the first offenders, bounded for huge models.
MAX_LOCATIONS = 10


class Severity(StrEnum):
    INFO = "INFO"
    WARNING = "WARNING"
    ERROR = "ERROR"


@dataclass(frozen=True)
class QualityItem:
    code: str
    severity: Severity
    count: int
    message: str
    where: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "severity": self.severity.value, "count": self.count,
                "message": self.message, "where": list(self.where)}


@dataclass(frozen=True)
class QualityReport:
    watertight: bool
    manifold: bool
    uv_overlap_ratio: float | None
    items: list[QualityItem] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {"watertight": self.watertight, "manifold": self.manifold,
                "uv_overlap_ratio": self.uv_overlap_ratio,
                "items": [item.to_dict() for item in self.items]}


def first_locations(pointers: Iterable[str]) -> tuple[str, ...]:
    """The first MAX_LOCATIONS JSON pointers of a finding."""
    kept: list[str] = []
    for pointer in pointers:
        if len(kept) == MAX_LOCATIONS:
            break
        kept.append(pointer)
    return tuple(kept)
