"""Declarative member specs for glTF JSON and the readers that check values against them."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from .context import Context, is_int, is_number, join, show


@dataclass(frozen=True)
class Spec:
    required: bool = False


@dataclass(frozen=True)
class Index(Spec):
    """A reference to another object by position."""


@dataclass(frozen=True)
class UInt(Spec):
    minimum: int = 0
    maximum: int | None = None
    choices: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Number(Spec):
    minimum: float = -math.inf
    maximum: float = math.inf
    above: float = -math.inf  # exclusive minimum
    below: float = math.inf  # exclusive maximum
    exempt: float | None = None  # a value allowed despite the range (KHR_materials_ior's 0)


@dataclass(frozen=True)
class Text(Spec):
    choices: tuple[str, ...] | None = None
    pattern: str | None = None


@dataclass(frozen=True)
class Flag(Spec):
    pass


@dataclass(frozen=True)
class Numbers(Spec):
    lengths: tuple[int, ...] | None = None
    minimum: float = -math.inf
    maximum: float = math.inf


@dataclass(frozen=True)
class IndexList(Spec):
    pass


@dataclass(frozen=True)
class Child(Spec):
    kind: str = ""


@dataclass(frozen=True)
class Children(Spec):
    """A non-empty array of objects of one kind; Khronos always requires these."""

    kind: str = ""


@dataclass(frozen=True)
class Raw(Spec):
    """Read by dedicated code (accessor bounds, attribute maps); passed through as given."""


def read_value(ctx: Context, value: object, spec: Spec, where: str) -> Any:
    """A present, non-null member value checked against a scalar or list spec; None if invalid."""
    if isinstance(spec, Index):
        return _read_index(ctx, value, where)
    if isinstance(spec, UInt):
        return _read_uint(ctx, value, spec, where)
    if isinstance(spec, Number):
        return _read_number(ctx, value, spec, where)
    if isinstance(spec, Text):
        return _read_text(ctx, value, spec, where)
    if isinstance(spec, Flag):
        if isinstance(value, bool):
            return value
        ctx.add("TYPE_MISMATCH", where, show(value), "boolean")
        return None
    if isinstance(spec, Numbers):
        return read_numbers(ctx, value, spec, where)
    if isinstance(spec, IndexList):
        return read_index_list(ctx, value, where)
    raise TypeError(f"unknown spec {spec!r}")


def _read_index(ctx: Context, value: object, where: str) -> int | None:
    if not is_int(value):
        ctx.add("TYPE_MISMATCH", where, show(value), "integer")
        return None
    if int(value) < 0:
        ctx.add("INVALID_INDEX", where)
        return None
    return int(value)


def _read_uint(ctx: Context, value: object, spec: UInt, where: str) -> int | None:
    if not is_int(value):
        ctx.add("TYPE_MISMATCH", where, show(value), "integer")
        return None
    number = int(value)
    if spec.choices is not None:
        if number not in spec.choices:
            ctx.add("VALUE_NOT_IN_LIST", where, show(number), show(list(spec.choices)))
            return None
    elif number < spec.minimum or (spec.maximum is not None and number > spec.maximum):
        ctx.add("VALUE_NOT_IN_RANGE", where, show(number))
        return None
    return number


def _read_number(ctx: Context, value: object, spec: Number, where: str) -> float | None:
    if not is_number(value):
        ctx.add("TYPE_MISMATCH", where, show(value), "number")
        return None
    number = float(value)
    out_of_range = (number < spec.minimum or number > spec.maximum
                    or number <= spec.above or number >= spec.below)
    if out_of_range and number != spec.exempt:
        ctx.add("VALUE_NOT_IN_RANGE", where, show(value))
        return None
    return number


def _read_text(ctx: Context, value: object, spec: Text, where: str) -> str | None:
    if not isinstance(value, str):
        ctx.add("TYPE_MISMATCH", where, show(value), "string")
        return None
    if spec.choices is not None and value not in spec.choices:
        # Khronos warns about an unknown enum string yet keeps the value.
        ctx.add("VALUE_NOT_IN_LIST", where, show(value), show(list(spec.choices)))
    elif spec.pattern is not None and not re.search(spec.pattern, value):
        ctx.add("PATTERN_MISMATCH", where, show(value), show(spec.pattern))
        return None
    return value


def read_numbers(ctx: Context, value: object, spec: Numbers, where: str) -> list[float] | None:
    if not isinstance(value, list):
        ctx.add("TYPE_MISMATCH", where, show(value), "array")
        return None
    if not value:
        ctx.add("EMPTY_ENTITY", where)
        return None
    if spec.lengths is not None and len(value) not in spec.lengths:
        ctx.add("ARRAY_LENGTH_NOT_IN_LIST", where, show(len(value)), show(list(spec.lengths)))
        return None
    valid = True
    for i, item in enumerate(value):
        if not is_number(item):
            ctx.add("ARRAY_TYPE_MISMATCH", where, show(item), "number")
            valid = False
        elif math.isinf(item) or item < spec.minimum or item > spec.maximum:
            ctx.add("VALUE_NOT_IN_RANGE", join(where, i), show(item))
            valid = False
    return [float(v) for v in value] if valid else None


def read_index_list(ctx: Context, value: object, where: str) -> list[int | None] | None:
    """A list of indices; invalid entries become None (and are reported)."""
    if not isinstance(value, list):
        ctx.add("TYPE_MISMATCH", where, show(value), "array")
        return None
    if not value:
        ctx.add("EMPTY_ENTITY", where)
        return None
    seen: set[int] = set()
    result: list[int | None] = []
    for i, item in enumerate(value):
        if is_int(item) and int(item) >= 0:
            if int(item) in seen:
                ctx.add("DUPLICATE_ELEMENTS", join(where, i))
            seen.add(int(item))
            result.append(int(item))
        else:
            ctx.add("INVALID_INDEX", join(where, i))
            result.append(None)
    return result


def read_string_list(ctx: Context, value: object, where: str) -> list[str] | None:
    if not isinstance(value, list):
        ctx.add("TYPE_MISMATCH", where, show(value), "array")
        return None
    if not value:
        ctx.add("EMPTY_ENTITY", where)
        return None
    valid, seen = True, set()
    for i, item in enumerate(value):
        if not isinstance(item, str):
            ctx.add("ARRAY_TYPE_MISMATCH", join(where, i), show(item), "string")
            valid = False
        elif item in seen:
            ctx.add("DUPLICATE_ELEMENTS", join(where, i))
        else:
            seen.add(item)
    return list(value) if valid else None


def type_name(spec: Spec) -> str:
    names = {Index: "integer", UInt: "integer", Number: "number", Text: "string",
             Flag: "boolean", Numbers: "array", IndexList: "array", Child: "object",
             Children: "array"}
    return names.get(type(spec), "value")
