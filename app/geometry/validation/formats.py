"""Which accessor formats (type, componentType, normalized) each use of an accessor allows."""

from __future__ import annotations

from typing import Any

from .context import (
    BYTE,
    COMPONENT_NAMES,
    FLOAT,
    SHORT,
    UNSIGNED_BYTE,
    UNSIGNED_INT,
    UNSIGNED_SHORT,
)

# An accessor's type and componentType are None where they are missing or were invalid.
Format = tuple[str | None, int | None, bool]

_NORMALIZED_UNSIGNED = ((UNSIGNED_BYTE, True), (UNSIGNED_SHORT, True))
_NORMALIZED_ANY = ((BYTE, True), (UNSIGNED_BYTE, True), (SHORT, True), (UNSIGNED_SHORT, True))


def _formats(types: tuple[str, ...], components: tuple[tuple[int, bool], ...]) -> set[Format]:
    return {(t, c, n) for t in types for c, n in components}


ATTRIBUTE_FORMATS: dict[str, set[Format]] = {
    "POSITION": {("VEC3", FLOAT, False)},
    "NORMAL": {("VEC3", FLOAT, False)},
    "TANGENT": {("VEC4", FLOAT, False)},
    "TEXCOORD": _formats(("VEC2",), ((FLOAT, False), *_NORMALIZED_UNSIGNED)),
    "COLOR": _formats(("VEC3", "VEC4"), ((FLOAT, False), *_NORMALIZED_UNSIGNED)),
    "JOINTS": _formats(("VEC4",), ((UNSIGNED_BYTE, False), (UNSIGNED_SHORT, False))),
    "WEIGHTS": _formats(("VEC4",), ((FLOAT, False), *_NORMALIZED_UNSIGNED)),
}
MORPH_FORMATS: dict[str, set[Format]] = {
    "POSITION": {("VEC3", FLOAT, False)},
    "NORMAL": {("VEC3", FLOAT, False)},
    "TANGENT": {("VEC3", FLOAT, False)},
    "TEXCOORD": _formats(("VEC2",), ((FLOAT, False), *_NORMALIZED_ANY)),
    "COLOR": _formats(("VEC3", "VEC4"), ((FLOAT, False), *_NORMALIZED_ANY)),
}
# KHR_mesh_quantization widens both tables.
_INTEGER = ((BYTE, False), (BYTE, True), (UNSIGNED_BYTE, False), (UNSIGNED_BYTE, True),
            (SHORT, False), (SHORT, True), (UNSIGNED_SHORT, False), (UNSIGNED_SHORT, True))
QUANTIZED_ATTRIBUTE_FORMATS: dict[str, set[Format]] = {
    "POSITION": _formats(("VEC3",), _INTEGER),
    "NORMAL": _formats(("VEC3",), ((BYTE, True), (SHORT, True))),
    "TANGENT": _formats(("VEC4",), ((BYTE, True), (SHORT, True))),
    "TEXCOORD": _formats(("VEC2",), ((BYTE, False), (BYTE, True), (UNSIGNED_BYTE, False),
                                     (SHORT, False), (SHORT, True), (UNSIGNED_SHORT, False))),
}
QUANTIZED_MORPH_FORMATS: dict[str, set[Format]] = {
    "POSITION": _formats(("VEC3",), ((BYTE, False), (BYTE, True), (SHORT, False), (SHORT, True))),
    "NORMAL": _formats(("VEC3",), ((BYTE, True), (SHORT, True))),
    "TANGENT": _formats(("VEC3",), ((BYTE, True), (SHORT, True))),
    "TEXCOORD": _formats(("VEC2",), ((BYTE, False), (SHORT, False))),
}
INDEX_FORMATS = _formats(("SCALAR",), ((UNSIGNED_BYTE, False), (UNSIGNED_SHORT, False),
                                       (UNSIGNED_INT, False)))
IBM_FORMAT: Format = ("MAT4", FLOAT, False)
ANIMATION_INPUT_FORMAT: Format = ("SCALAR", FLOAT, False)
ANIMATION_OUTPUT_FORMATS: dict[str, set[Format]] = {
    "translation": {("VEC3", FLOAT, False)},
    "rotation": _formats(("VEC4",), ((FLOAT, False), *_NORMALIZED_ANY)),
    "scale": {("VEC3", FLOAT, False)},
    "weights": _formats(("SCALAR",), ((FLOAT, False), *_NORMALIZED_ANY)),
}


def format_of(accessor: dict[str, Any]) -> Format:
    return (accessor.get("type"), accessor.get("componentType"),
            bool(accessor.get("normalized")))


def describe(fmt: Format) -> str:
    kind, component, normalized = fmt
    name = str(component) if component is None else COMPONENT_NAMES.get(component, str(component))
    return "{" + f"{kind}, {name}{' normalized' if normalized else ''}" + "}"


def attribute_formats(quantized: bool, morph: bool) -> dict[str, set[Format]]:
    base, extra = (MORPH_FORMATS, QUANTIZED_MORPH_FORMATS) if morph else (
        ATTRIBUTE_FORMATS, QUANTIZED_ATTRIBUTE_FORMATS)
    if not quantized:
        return base
    return {name: formats | extra.get(name, set()) for name, formats in base.items()}
