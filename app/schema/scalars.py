"""Scalars beyond GraphQL's own: Long for byte sizes and counts past 2^31."""

from __future__ import annotations

from typing import NewType

import strawberry
from strawberry.types.scalar import ScalarDefinition

Long = NewType("Long", int)

SCALARS: dict[object, ScalarDefinition] = {
    Long: strawberry.scalar(
        name="Long",
        serialize=int,
        parse_value=int,
        description="A 53-bit signed integer (byte sizes, counts that outgrow Int).",
    ),
}
