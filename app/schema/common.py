"""Types every domain shares: user errors, page info, connections, bounds and stored files."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import Enum
from typing import Generic, TypeVar

import strawberry

from app.errors import ErrorCode
from app.schema.enums import described, described_enum
from app.schema.scalars import Long

# Error codes reach clients exactly as the domain names them.
described_enum(ErrorCode, name="ErrorCode", description=(
    "Why something failed: in a payload's `errors`, in a GraphQL error's `extensions.code`, or "
    "as an asset's or job's `error.code`."), values={
    "INVALID_INPUT": "An argument or input field is malformed or out of range; `field` names it.",
    "NOT_FOUND": "Nothing with that id exists that the viewer may see.",
    "FORBIDDEN": "The token lacks the scope this needs, or the viewer's project role does not "
                 "allow it (a VIEWER's write): the message says which; nothing was changed.",
    "LAST_OWNER": "The change would leave a project without an OWNER: make another member an "
                  "OWNER first.",
    "UNAUTHENTICATED": "No valid, unexpired, unrevoked bearer token was given.",
    "CONFLICT": "The object changed meanwhile: expectedVersion is not the current version.",
    "INVALID_STATE": "The object is not in a state that allows this (a job already finished, an "
                     "asset not READY).",
    "TOO_LARGE": "The upload, document or request is bigger than the server's limit allows.",
    "LIMIT_EXCEEDED": "A count limit was passed (nodes in a scene, triangles, files in a batch).",
    "UNSUPPORTED_FORMAT": "The bytes are not a 3D format the server reads.",
    "UNSUPPORTED_OPTION": "The format or preset asked for cannot be applied to this input.",
    "RATE_LIMITED": "Too many requests or too much query cost in a minute; retry after the "
                    "Retry-After header's seconds.",
    "QUOTA_EXCEEDED": "The owner already holds as many of these as a quota allows.",
    "QUERY_TOO_COMPLEX": "The operation is too deep, costs too much or has too many aliases or "
                         "tokens; it was not run.",
    "SERVICE_UNAVAILABLE": "A store the server needs (database, Redis, storage) is not answering; "
                           "nothing was changed, retry later.",
    "EMPTY_FILE": "The upload has no bytes.",
    "CORRUPT_FILE": "The file claims a format but its contents are broken or truncated.",
    "INVALID_GLTF": "A glTF that breaks the glTF 2.0 specification in a way ingest cannot repair.",
    "UNSAFE_REFERENCE": "The file names a URI outside the upload (a path escaping it, a remote "
                        "URL).",
    "MISSING_RESOURCE": "A buffer, image or material file the model names is not in the upload.",
    "ARCHIVE_REJECTED": "A zip refused as a bomb, a zip-slip path, encrypted, or too many files.",
    "NO_GEOMETRY": "The file is well formed but holds no triangles to show.",
    "TIMEOUT": "The job's work ran past its time limit and was stopped.",
    "RESOURCE_EXHAUSTED": "The job's work ran out of its memory, CPU or file limits.",
    "CANCELLED": "Cancelled by jobCancel before it finished.",
    "RENDER_FAILED": "The renderer could not draw the model or scene.",
    "CONVERSION_FAILED": "The conversion could not write the output format.",
    "INTERNAL": "An unexpected server fault; it was logged, and the message says nothing more.",
})

T = TypeVar("T")


@described(description="What a stored file is to the asset or job that holds it.", values={
    "ORIGINAL": "The bytes as uploaded.",
    "GLB": "The normalised, validated binary glTF that ingest made of the upload.",
    "THUMBNAIL": "A small preview image.",
    "CONVERTED": "A conversion job's output.",
    "RENDER": "A render job's image (or frame).",
})
class FileRole(Enum):
    ORIGINAL = "ORIGINAL"
    GLB = "GLB"
    THUMBNAIL = "THUMBNAIL"
    CONVERTED = "CONVERTED"
    RENDER = "RENDER"


@strawberry.type(description="An expected failure of a mutation, returned as data.")
class UserError:
    field: list[str] | None = strawberry.field(description=(
        "The path of the argument or input field at fault, in camelCase (as [\"input\", "
        "\"operations\", \"2\", \"nodeId\"]); empty for the whole input, null for none."))
    message: str = strawberry.field(description="What went wrong, readable by a person.")
    code: ErrorCode = strawberry.field(description="What went wrong, for code to act on.")


@strawberry.type(name="Error", description="Why an asset or a job failed.")
class ErrorInfo:
    code: ErrorCode = strawberry.field(description="What went wrong, for code to act on.")
    message: str = strawberry.field(description="What went wrong, readable by a person.")


@strawberry.type(description="Where a page lies in its list (Relay's cursor connections).")
class PageInfo:
    has_next_page: bool = strawberry.field(description=(
        "Whether the list has items after this page's last one."))
    has_previous_page: bool = strawberry.field(description=(
        "Whether the list has items before this page's first one."))
    start_cursor: str | None = strawberry.field(description=(
        "The first edge's cursor, to give as `before` for the page before; null when empty."))
    end_cursor: str | None = strawberry.field(description=(
        "The last edge's cursor, to give as `after` for the page after; null when empty."))


@strawberry.type(description="One item of a page, with its place in the list.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(description=(
        "Opaque and stable: as `after` or `before` it pages from this item, even once the item "
        "is deleted."))
    node: T = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list (Relay's cursor connection): its items in list "
                 "order, where the page lies, and how many items there are in all.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The page's items, in list order.")
    page_info: PageInfo = strawberry.field(description="Where the page lies in the list.")
    count: strawberry.Private[Callable[[], Awaitable[int]]]

    @strawberry.field(description="How many items match, across all pages.")
    async def total_count(self) -> int:
        return await self.count()


@strawberry.type(description="An axis-aligned box: min and max as [x, y, z].")
class Bounds:
    min: list[float] = strawberry.field(description="The smallest x, y and z, in model units.")
    max: list[float] = strawberry.field(description="The largest x, y and z, in model units.")


@strawberry.type(name="File", description="A stored file with a short-lived signed URL.")
class StoredFile:
    """Made by app/resolvers/files.py, which signs `url` only when a query asks for it."""

    role: FileRole = strawberry.field(description="What the file is to its asset or job.")
    format: str = strawberry.field(description=(
        "Upper case: the uploaded file's extension for ORIGINAL (STL, ZIP...), otherwise the "
        "format written (GLB, PNG...)."))
    size_bytes: Long = strawberry.field(description="Its length in bytes.")
    content_type: str = strawberry.field(description="The MIME type its URL is served with.")
    filename: str = strawberry.field(description="The name a download saves it under.")
    url: str = strawberry.field(description="A signed URL a browser can GET until it expires.")
