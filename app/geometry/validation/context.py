"""The state one validation run shares: the issue sink, JSON pointers and the GL constants."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any, TypeGuard

from .codes import ISSUE_TYPES
from .report import IssueSink, ValidationIssue

# Component types and their byte sizes (glTF 2.0 section 3.6.2.2).
BYTE, UNSIGNED_BYTE, SHORT, UNSIGNED_SHORT = 5120, 5121, 5122, 5123
UNSIGNED_INT, FLOAT = 5125, 5126
COMPONENT_SIZES = {
    BYTE: 1, UNSIGNED_BYTE: 1, SHORT: 2, UNSIGNED_SHORT: 2, UNSIGNED_INT: 4, FLOAT: 4,
}
COMPONENT_NAMES = {
    BYTE: "BYTE", UNSIGNED_BYTE: "UNSIGNED_BYTE", SHORT: "SHORT",
    UNSIGNED_SHORT: "UNSIGNED_SHORT", UNSIGNED_INT: "UNSIGNED_INT", FLOAT: "FLOAT",
}
COMPONENT_RANGES = {
    BYTE: (-128, 127), UNSIGNED_BYTE: (0, 255), SHORT: (-32768, 32767),
    UNSIGNED_SHORT: (0, 65535), UNSIGNED_INT: (0, 4294967295),
}
TYPE_WIDTHS = {"SCALAR": 1, "VEC2": 2, "VEC3": 3, "VEC4": 4, "MAT2": 4, "MAT3": 9, "MAT4": 16}
ARRAY_BUFFER, ELEMENT_ARRAY_BUFFER = 34962, 34963
MODE_NAMES = ("POINTS", "LINES", "LINE_LOOP", "LINE_STRIP", "TRIANGLES", "TRIANGLE_STRIP",
              "TRIANGLE_FAN")
# Unit-length tolerances: slightly above the error of 8-bit quantisation, as Khronos uses.
UNIT_TOLERANCE_VEC3 = 0.00674
UNIT_TOLERANCE_VEC4 = 0.00769


def join(pointer: str, *tokens: object) -> str:
    """Extend a JSON pointer (RFC 6901) with tokens, escaping '~' and '/'."""
    parts = [pointer]
    for token in map(str, tokens):
        if "~" in token or "/" in token:
            token = token.replace("~", "~0").replace("/", "~1")
        parts.append(token)
    return "/".join(parts)


def show(value: object) -> str:
    """A value as it appears in a message: JSON for data, names as they are."""
    if isinstance(value, str):
        return f"'{value}'"
    try:
        return json.dumps(value)
    except (TypeError, ValueError):
        return str(value)


def is_int(value: object) -> TypeGuard[int | float]:
    """JSON integers, including floats with an integral value (2.0); never booleans."""
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, float) and value.is_integer())


def is_number(value: object) -> TypeGuard[int | float]:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


@dataclass
class Context:
    """Issue reporting for one run; `glb` tells whether the document came from a GLB."""

    sink: IssueSink
    glb: bool = False
    extensions_used: list[str] = field(default_factory=list)
    extensions_loaded: set[str] = field(default_factory=set)
    # Buffers whose bytes could not be had (no URI outside a GLB, unresolvable URI).
    unloaded_buffers: set[int] = field(default_factory=set)

    def add(self, code: str, pointer: str | None, *args: Any) -> None:
        self.sink.add(make_issue(code, pointer, *args))

    def add_at_byte(self, code: str, offset: int, *args: Any) -> None:
        """An issue about the container itself, located by byte offset instead of a pointer."""
        issue = make_issue(code, None, *args)
        self.sink.add(replace(issue, message=f"{issue.message} (byte {offset})"))


def make_issue(code: str, pointer: str | None, *args: Any) -> ValidationIssue:
    """An issue of a known code; string arguments go into the message as they are."""
    severity, template = ISSUE_TYPES[code]
    message = template.format(*(a if isinstance(a, str) else show(a) for a in args))
    # Khronos writes the document root as "/".
    return ValidationIssue(code, severity, message, None if pointer is None else pointer or "/")
