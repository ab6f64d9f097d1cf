"""Enums registered for clients with a description of every value, their members left plain
strings (so `.value` stays a str for mypy, unlike strawberry.enum_value); a value left
undescribed fails at import."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from enum import Enum
from typing import TypeVar

import strawberry
from strawberry.types.enum import StrawberryEnumDefinition

E = TypeVar("E", bound=type[Enum])


def described_enum(enum: E, *, description: str, values: Mapping[str, str],
                   name: str | None = None, deprecated: Mapping[str, str] | None = None) -> E:
    """Register `enum` with `values` describing each member and `deprecated` giving the
    deprecation reason of members clients should stop sending (removed a release later)."""
    strawberry.enum(enum, name=name, description=description)
    definition: StrawberryEnumDefinition = enum.__strawberry_definition__  # type: ignore[attr-defined]
    members = {value.name for value in definition.values}
    if members != values.keys():
        raise ValueError(f"describe exactly the values of {definition.name}: missing "
                         f"{sorted(members - values.keys())}, unknown "
                         f"{sorted(values.keys() - members)}")
    if not (deprecated or {}).keys() <= members:
        raise ValueError(f"deprecating values {definition.name} lacks: "
                         f"{sorted((deprecated or {}).keys() - members)}")
    for value in definition.values:
        value.description = values[value.name]
        value.deprecation_reason = (deprecated or {}).get(value.name)
    return enum


def described(*, description: str, values: Mapping[str, str],
              deprecated: Mapping[str, str] | None = None) -> Callable[[E], E]:
    """`described_enum` as a class decorator, for the schema's own enums."""
    def register(enum: E) -> E:
        return described_enum(enum, description=description, values=values,
                              deprecated=deprecated)

    return register
