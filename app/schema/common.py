"""Types every domain shares: user errors, page info, connections, bounds and stored files."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Generic, TypeVar

import strawberry

from app.errors import ErrorCode
from app.schema.scalars import Long

# Error codes reach clients exactly as the domain names them.
strawberry.enum(ErrorCode, name="ErrorCode")

T = TypeVar("T")


@strawberry.enum
class FileRole(Enum):
    ORIGINAL = "ORIGINAL"
    GLB = "GLB"
    THUMBNAIL = "THUMBNAIL"
    CONVERTED = "CONVERTED"
    RENDER = "RENDER"


@strawberry.type(description="An expected failure of a mutation, returned as data.")
class UserError:
    field: list[str] | None
    message: str
    code: ErrorCode


@strawberry.type(name="Error", description="Why an asset or a job failed.")
class ErrorInfo:
    code: ErrorCode
    message: str


@strawberry.type
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_cursor: str | None
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items match, across all pages.")
    async def total_count(self) -> int:
        return await self.count()


@strawberry.type(description="An axis-aligned box: min and max as [x, y, z].")
class Bounds:
    min: list[float]
    max: list[float]


@strawberry.type(name="File", description="A stored file with a short-lived signed URL.")
class StoredFile:
    """Made by app/resolvers/files.py, which signs `url` only when a query asks for it."""

    role: FileRole
    format: str
    size_bytes: Long
    content_type: str
    filename: str
    url: str = strawberry.field(description="A signed URL a browser can GET until it expires.")
