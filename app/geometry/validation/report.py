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
    """Raised inside a validation run once the kept issues are all errors: nothing can change."""


@dataclass
class IssueSink:
    """Keeps at most `max_issues` issues, errors first, so no cap can hide that a file is bad.

    Past the cap the report is truncated: a new error replaces the latest kept non-error,
    other issues are dropped, and once every kept issue is an error the run stops.
    """

    max_issues: int
    issues: list[ValidationIssue] = field(default_factory=list)
    truncated: bool = False
    _errors: int = 0

    def add(self, issue: ValidationIssue) -> None:
        is_error = issue.severity is Severity.ERROR
        if len(self.issues) < self.max_issues:
            self.issues.append(issue)
            self._errors += is_error
            return
        self.truncated = True
        if self._errors == len(self.issues):
            raise IssueLimitReached
        if is_error:
            latest = max(k for k, kept in enumerate(self.issues)
                         if kept.severity is not Severity.ERROR)
            del self.issues[latest]
            self.issues.append(issue)
            self._errors += 1

    def report(self) -> ValidationReport:
        return ValidationReport(issues=list(self.issues), truncated=self.truncated)
