"""Scalars beyond GraphQL's own: Long for byte sizes past 2^31."""

from __future__ import annotations

from typing import NewType

import strawberry

Long = strawberry.scalar(
    NewType("Long", int),
    serialize=int,
    parse_value=int,
    description="A 53-bit signed integer (byte sizes, counts that outgrow Int).",
)
