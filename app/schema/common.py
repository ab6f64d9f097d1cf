"""Types every domain shares: user errors, page info, connections, bounds and stored files."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Generic, TypeVar

import strawberry

from app.context import Context
from app.errors import ErrorCode as DomainErrorCode
from app.models import common as models
from app.schema.scalars import Long

ErrorCode = strawberry.enum(DomainErrorCode, name="ErrorCode")
FileRole = strawberry.enum(models.FileRole, name="FileRole")

T = TypeVar("T")


@strawberry.type(description="An expected failure of a mutation, returned as data.")
class UserError:
    field: list[str] | None
    message: str
    code: ErrorCode


@strawberry.type(name="Error", description="Why an asset or a job failed.")
class ErrorInfo:
    code: ErrorCode
    message: str

    @classmethod
    def from_model(cls, error: models.ErrorInfo | None) -> ErrorInfo | None:
        if error is None:
            return None
        known = error.code in DomainErrorCode.__members__
        return cls(code=DomainErrorCode(error.code) if known else DomainErrorCode.INTERNAL,
                   message=error.message)


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

    @classmethod
    def from_model(cls, bounds: models.Bounds | None) -> Bounds | None:
        return None if bounds is None else cls(min=list(bounds.min), max=list(bounds.max))


@strawberry.type(name="File", description="A stored file with a short-lived signed URL.")
class StoredFile:
    role: FileRole
    format: str
    size_bytes: Long
    content_type: str
    filename: str
    stored: strawberry.Private[models.StoredFile]

    @strawberry.field(description="A signed URL a browser can GET until it expires.")
    async def url(self, info: strawberry.Info[Context, None]) -> str:
        return await info.context.file_url(self.stored)

    @classmethod
    def from_model(cls, stored: models.StoredFile) -> StoredFile:
        return cls(role=stored.role, format=stored.format, size_bytes=stored.size_bytes,
                   content_type=stored.content_type, filename=stored.filename, stored=stored)
