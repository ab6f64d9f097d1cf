"""The validation report: issues with a Khronos-style code, severity and JSON pointer, capped."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "ERROR"
    WARNING = "WARNING"
    INFO = "INFO"
    HINT = "HINT"


@dataclass(frozen=True)
class ValidationIssue:
    code: str
    severity: Severity
    message: str
    pointer: str | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "message": self.message,
            "pointer": self.pointer,
        }


@dataclass(frozen=True)
class ValidationReport:
    issues: list[ValidationIssue]
    truncated: bool = False

    def _count(self, severity: Severity) -> int:
        return sum(1 for issue in self.issues if issue.severity is severity)

    @property
    def num_errors(self) -> int:
        return self._count(Severity.ERROR)

    @property
    def num_warnings(self) -> int:
        return self._count(Severity.WARNING)

    @property
    def num_infos(self) -> int:
        return self._count(Severity.INFO)

    @property
    def num_hints(self) -> int:
        return self._count(Severity.HINT)

    def codes(self, severity: Severity | None = None) -> set[str]:
        """The distinct issue codes, optionally only those of one severity."""
        return {i.code for i in self.issues if severity is None or i.severity is severity}

    def to_dict(self) -> dict[str, Any]:
        return {
            "num_errors": self.num_errors,
            "num_warnings": self.num_warnings,
            "num_infos": self.num_infos,
            "num_hints": self.num_hints,
            "truncated": self.truncated,
            "issues": [issue.to_dict() for issue in self.issues],
        }


class IssueLimitReached(Exception):
    """Raised inside a validation run once the issue cap is hit, to stop further work."""


@dataclass
class IssueSink:
    """Collects issues up to `max_issues`; one more marks the report truncated and stops the run."""

    max_issues: int
    issues: list[ValidationIssue] = field(default_factory=list)
    truncated: bool = False

    def add(self, issue: ValidationIssue) -> None:
        if len(self.issues) >= self.max_issues:
            self.truncated = True
            raise IssueLimitReached
        self.issues.append(issue)

    def report(self) -> ValidationReport:
        return ValidationReport(issues=list(self.issues), truncated=self.truncated)
