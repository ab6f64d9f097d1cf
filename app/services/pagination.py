"""Cursor pagination over documents sorted newest first by their time-ordered ids."""

from __future__ import annotations

import base64
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from beanie import Document
from pydantic import BaseModel

from app.errors import InvalidInput

T = TypeVar("T", bound=BaseModel)


def encode_cursor(document_id: str) -> str:
    return base64.urlsafe_b64encode(document_id.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> str:
    # ValueError covers every way a cursor can be garbage: non-ASCII text (base64 refuses it
    # before decoding), bad padding (binascii.Error) and bytes that are not UTF-8.
    try:
        return base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
    except ValueError as exc:
        raise InvalidInput("the cursor is not valid", field=["after"]) from exc


@dataclass
class Page(Generic[T]):
    items: list[T]
    has_next_page: bool
    count: Callable[[], Awaitable[int]]

    @property
    def end_cursor(self) -> str | None:
        return encode_cursor(str(self.items[-1].id)) if self.items else None


async def paginate(
    model: type[Document], query: dict[str, Any], *, first: int | None, after: str | None,
    max_size: int, projection: type[BaseModel] | None = None,
) -> Page[Any]:
    """A page of `model` (or of `projection`, to read only some fields), newest first."""
    size = max_size if first is None else first
    if not 0 <= size <= max_size:
        raise InvalidInput(f"first must be between 0 and {max_size}", field=["first"])
    window = dict(query)
    if after:
        window["_id"] = {"$lt": decode_cursor(after)}
    cursor = model.find(window).sort([("_id", -1)]).limit(size + 1)
    found = await (cursor.project(projection) if projection else cursor).to_list()

    async def count() -> int:
        # The count command, not count_documents' aggregation: on SecantusDB it costs the
        # database about half as much, and every page that shows totalCount pays it.
        collection = model.get_pymongo_collection()
        reply = await collection.database.command("count", collection.name, query=query)
        return int(reply["n"])

    return Page(items=found[:size], has_next_page=len(found) > size, count=count)
